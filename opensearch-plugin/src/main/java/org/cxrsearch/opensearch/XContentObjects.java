package org.cxrsearch.opensearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.core.xcontent.XContentParser.Token;

/** The two shapes the plugin's request and document parsers read: an object's fields, an array of floats. */
public final class XContentObjects {

  private XContentObjects() {}

  /**
   * Moves to the next field of the object the parser is in and onto its value: returns the field's
   * name, or {@code null} at the end of the object. Read a request as
   * {@code for (String key; (key = nextField(parser)) != null; ) switch (key) ...}.
   */
  public static String nextField(XContentParser parser) throws IOException {
    Token t = parser.nextToken();
    if (t == Token.END_OBJECT) {
      return null;
    }
    if (t != Token.FIELD_NAME) {
      throw new IllegalArgumentException("expected a field name at " + parser.getTokenLocation() + ", got " + t);
    }
    String name = parser.currentName();
    parser.nextToken();
    return name;
  }

  /**
   * The array of numbers the parser is on.
   *
   * @param what names the value in errors, e.g. {@code [cxr_knn] [vector]}
   */
  public static float[] floatArray(XContentParser parser, String what) throws IOException {
    if (parser.currentToken() != Token.START_ARRAY) {
      throw new IllegalArgumentException(what + " must be an array of numbers, got " + parser.currentToken());
    }
    List<Float> values = new ArrayList<>();
    while (parser.nextToken() != Token.END_ARRAY) {
      if (parser.currentToken() != Token.VALUE_NUMBER) {
        throw new IllegalArgumentException(what + ": element " + values.size() + " is not a number: " + parser.currentToken());
      }
      values.add(parser.floatValue());
    }
    float[] v = new float[values.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = values.get(i);
    }
    return v;
  }
}
