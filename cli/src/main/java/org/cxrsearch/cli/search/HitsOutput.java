package org.cxrsearch.cli.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cxrsearch.lucene.schema.ReportDocument;
import org.cxrsearch.lucene.schema.ReportFields;
import org.cxrsearch.lucene.search.SearchHit;

/**
 * Prints hits as text (one line a hit, a snippet below) or as JSON:
 * {@code {"hits": [{"id", "score", "bm25", "knn", "fields": {...}, "explanation"?}], "took_ms"}}.
 * {@code bm25} / {@code knn} are {@code null} when that part did not return the hit.
 */
public final class HitsOutput {

  private static final int SNIPPET = 160;
  private static final ObjectMapper JSON = new ObjectMapper();

  private HitsOutput() {}

  public static void print(PrintWriter out, List<SearchHit> hits, long tookMs, boolean json, boolean explain) {
    print(out, hits, tookMs, json, explain, Extras.NONE);
  }

  /**
   * What a verb adds to the hits: lines before them (what the query was understood to ask, facets), a
   * line per hit under {@code --explain} (how its findings answered), and their JSON forms.
   *
   * @param header text lines printed before the hits
   * @param json top-level JSON members added next to {@code hits}
   * @param perHit the extra explanation of a hit, or {@code null}
   */
  public record Extras(List<String> header, Map<String, Object> json, java.util.function.Function<SearchHit, String> perHit) {
    public static final Extras NONE = new Extras(List.of(), Map.of(), h -> null);
  }

  public static void print(PrintWriter out, List<SearchHit> hits, long tookMs, boolean json, boolean explain, Extras extras) {
    if (json) {
      Map<String, Object> root = new LinkedHashMap<>();
      root.putAll(extras.json());
      root.put("hits", hits.stream().map(h -> {
        Map<String, Object> m = toJson(h, explain);
        String more = explain ? extras.perHit().apply(h) : null;
        if (more != null) {
          m.put("radiology", more);
        }
        return m;
      }).toList());
      root.put("took_ms", tookMs);
      out.println(write(root));
    } else {
      extras.header().forEach(out::println);
      for (SearchHit h : hits) {
        out.printf(Locale.ROOT, "%2d. %s  score=%.6g%s%s%n", h.rank(), h.id(), h.score(),
            h.bm25() == null ? "" : String.format(Locale.ROOT, "  bm25=%.4f", h.bm25()),
            h.knn() == null ? "" : String.format(Locale.ROOT, "  knn=%.4f", h.knn()));
        out.println("    " + snippet(h.report().text()));
        if (explain) {
          out.println("    explain: " + h.explain());
          String more = extras.perHit().apply(h);
          if (more != null) {
            out.println("    radiology: " + more);
          }
        }
      }
      out.printf(Locale.ROOT, "%d hits in %d ms%n", hits.size(), tookMs);
    }
    out.flush();
  }

  /** JSON text of {@code value}; the values here are plain maps, lists, strings and numbers. */
  public static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("maps of plain values always serialise", e);
    }
  }

  private static Map<String, Object> toJson(SearchHit h, boolean explain) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", h.id());
    m.put("score", h.score());
    m.put("bm25", h.bm25());
    m.put("knn", h.knn());
    m.put("fields", fields(h.report()));
    if (explain) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("method", h.method());
      e.put("score", h.score());
      e.put("parts", h.parts()); // a record: Jackson writes part, score, rank, contribution
      e.put("text", h.explain());
      m.put("explanation", e);
    }
    return m;
  }


  /** The stored fields of a report under their index field names (source left out: it can be large). */
  public static Map<String, Object> fields(ReportDocument r) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put(ReportFields.TEXT, r.text());
    putIfSet(f, ReportFields.FINDINGS, r.findings());
    putIfSet(f, ReportFields.IMPRESSION, r.impression());
    putIfSet(f, ReportFields.STUDY_DATE, r.studyDate() == null ? null : r.studyDate().toString());
    putIfSet(f, ReportFields.STUDY_ID, r.studyId());
    putIfSet(f, ReportFields.PATIENT_ID, r.patientId());
    r.metadata().forEach((k, v) -> f.put(ReportFields.metaField(k), v));
    return f;
  }

  private static void putIfSet(Map<String, Object> m, String k, Object v) {
    if (v != null) {
      m.put(k, v);
    }
  }

  private static String snippet(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= SNIPPET ? oneLine : oneLine.substring(0, SNIPPET - 1) + "…";
  }
}
