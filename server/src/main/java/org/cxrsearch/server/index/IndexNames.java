package org.cxrsearch.server.index;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.cxrsearch.server.http.ApiException;

/**
 * Elasticsearch's index name rules ({@code MetadataCreateIndexService.validateIndexOrAliasName}):
 * lower case; not {@code .} or {@code ..}; not starting with {@code _}, {@code -} or {@code +};
 * none of {@code \ / * ? " < > | , #}, space or {@code :}; at most 255 bytes. Since an index is a
 * directory under the data directory, these rules also keep a name from escaping it.
 */
public final class IndexNames {

  private static final String INVALID_CHARS = "\\/*?\"<>| ,#:";
  private static final int MAX_BYTES = 255;

  private IndexNames() {}

  /** @throws ApiException 400 {@code invalid_index_name_exception} naming the rule broken */
  public static String validate(String name) {
    String why = problem(name);
    if (why != null) {
      throw new ApiException(400, "invalid_index_name_exception", "Invalid index name [" + name + "], " + why,
          java.util.Map.of("index", name), null);
    }
    return name;
  }

  static String problem(String name) {
    if (name == null || name.isEmpty()) {
      return "must not be empty";
    }
    if (!name.toLowerCase(Locale.ROOT).equals(name)) {
      return "must be lowercase";
    }
    if (name.equals(".") || name.equals("..")) {
      return "must not be '.' or '..'";
    }
    char first = name.charAt(0);
    if (first == '_' || first == '-' || first == '+') {
      return "must not start with '_', '-', or '+'";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (INVALID_CHARS.indexOf(c) >= 0 || Character.isISOControl(c)) {
        return "must not contain the following characters [ , \", *, \\, <, |, ,, >, /, ?, #, :]";
      }
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return "index name is too long, (" + name.getBytes(StandardCharsets.UTF_8).length + " > " + MAX_BYTES + ")";
    }
    return null;
  }
}
