package org.cxrsearch.server.es;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.cxrsearch.server.http.ApiException;

/**
 * Elasticsearch's {@code _source} filtering on the top-level fields of a document: {@code false}
 * drops the source, a pattern or a list of patterns keeps matching fields, and an object with
 * {@code includes} / {@code excludes} does both. Patterns may use {@code *}.
 */
record SourceFilter(boolean enabled, List<Pattern> includes, List<Pattern> excludes) {

  static final SourceFilter ALL = new SourceFilter(true, List.of(), List.of());

  static SourceFilter parse(JsonNode node) {
    if (node == null || node.isNull()) {
      return ALL;
    }
    if (node.isBoolean()) {
      return node.booleanValue() ? ALL : new SourceFilter(false, List.of(), List.of());
    }
    if (node.isTextual() || node.isArray()) {
      return new SourceFilter(true, patterns(node), List.of());
    }
    if (node.isObject()) {
      QueryDsl.requireKnown(node, java.util.Set.of("includes", "excludes", "include", "exclude"), "_source");
      JsonNode inc = node.has("includes") ? node.get("includes") : node.get("include");
      JsonNode exc = node.has("excludes") ? node.get("excludes") : node.get("exclude");
      return new SourceFilter(true, patterns(inc), patterns(exc));
    }
    throw ApiException.parsing("[_source] must be a boolean, a string, an array or an object");
  }

  /** From the {@code _source}, {@code _source_includes} and {@code _source_excludes} query parameters. */
  static SourceFilter fromParams(String source, String includes, String excludes) {
    if (source != null && (source.equals("false") || source.equals("true"))) {
      return source.equals("true") ? ALL : new SourceFilter(false, List.of(), List.of());
    }
    String inc = includes != null ? includes : source;
    return new SourceFilter(true, split(inc), split(excludes));
  }

  private static List<Pattern> split(String csv) {
    List<Pattern> out = new ArrayList<>();
    if (csv != null) {
      for (String s : csv.split(",")) {
        if (!s.isBlank()) {
          out.add(glob(s.strip()));
        }
      }
    }
    return out;
  }

  private static List<Pattern> patterns(JsonNode node) {
    List<Pattern> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (node.isTextual()) {
      out.add(glob(node.asText()));
    } else if (node.isArray()) {
      node.forEach(n -> out.add(glob(n.asText())));
    } else {
      throw ApiException.parsing("[_source] patterns must be strings");
    }
    return out;
  }

  private static Pattern glob(String s) {
    StringBuilder re = new StringBuilder();
    for (String part : s.split("\\*", -1)) {
      if (!re.isEmpty()) {
        re.append(".*");
      }
      re.append(Pattern.quote(part));
    }
    return Pattern.compile(re.toString());
  }

  /** The filtered copy of {@code source}, or {@code null} when the source is off. */
  JsonNode apply(JsonNode source) {
    if (!enabled) {
      return null;
    }
    if ((includes.isEmpty() && excludes.isEmpty()) || !source.isObject()) {
      return source;
    }
    ObjectNode out = ((ObjectNode) source).deepCopy();
    for (Iterator<String> it = out.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      boolean keep = (includes.isEmpty() || matches(includes, name)) && !matches(excludes, name);
      if (!keep) {
        it.remove();
      }
    }
    return out;
  }

  private static boolean matches(List<Pattern> ps, String name) {
    for (Pattern p : ps) {
      if (p.matcher(name).matches()) {
        return true;
      }
    }
    return false;
  }
}
