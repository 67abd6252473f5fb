package org.cxrsearch.lucene.radiology;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.cxrsearch.radiology.finding.Status;

/** Reads the finding states stored in a document ({@code finding.<key>} fields). */
public final class StoredFindings {

  private StoredFindings() {}

  /** Finding key to status, in field order; empty for a document indexed without the layer. */
  public static Map<String, Status> of(Document doc) {
    Map<String, Status> out = new LinkedHashMap<>();
    for (IndexableField f : doc.getFields()) {
      String name = f.name();
      if (name.startsWith(FindingFields.PREFIX) && name.indexOf('.', FindingFields.PREFIX.length()) < 0) {
        out.put(name.substring(FindingFields.PREFIX.length()), Status.parse(f.stringValue()));
      }
    }
    return out;
  }

  /** The stored laterality / change value of a finding, or {@code null}. */
  public static String attribute(Document doc, String field) {
    return doc.get(field);
  }
}
