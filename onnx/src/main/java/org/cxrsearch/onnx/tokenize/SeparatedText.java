package org.cxrsearch.onnx.tokenize;

/**
 * A text split on the instruction separator, as {@code encode_with_separator} does it (MODEL.md §4):
 * {@code parts = text.split(separator)} keeping empty parts, model input {@code "".join(parts)},
 * pooled part {@code parts[1]} when there is a separator, else the whole text.
 *
 * @param modelInput what the model reads: the text with every separator removed
 * @param pooledPart the part whose tokens are pooled
 * @param hasSeparator whether the text contained the separator at all
 */
public record SeparatedText(String modelInput, String pooledPart, boolean hasSeparator) {

  public static SeparatedText split(String text, String separator) {
    int first = text.indexOf(separator);
    if (first < 0) {
      return new SeparatedText(text, text, false);
    }
    int afterFirst = first + separator.length();
    int second = text.indexOf(separator, afterFirst);
    String pooled = second < 0 ? text.substring(afterFirst) : text.substring(afterFirst, second);
    return new SeparatedText(text.replace(separator, ""), pooled, true);
  }
}
