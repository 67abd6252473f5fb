package org.cxrsearch.server.es;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.cxrsearch.lucene.schema.ReportDocument;
import org.cxrsearch.server.http.Json;

/**
 * A report's {@code _source}: the JSON it was indexed from (the server and the JSON-lines indexer
 * store it), else its fields as the indexer's JSON-lines format names them.
 */
final class Sources {

  private Sources() {}

  static JsonNode of(ReportDocument r) {
    if (r.source() != null && r.source().startsWith("{")) {
      byte[] b = r.source().getBytes(StandardCharsets.UTF_8);
      try {
        return Json.parse(b, 0, b.length, "stored source");
      } catch (RuntimeException notJson) {
        // a CSV row or a text file: fall through to the fields
      }
    }
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("id", r.id());
    if (r.findings() == null && r.impression() == null) {
      o.put("text", r.text());
    }
    if (r.findings() != null) {
      o.put("findings", r.findings());
    }
    if (r.impression() != null) {
      o.put("impression", r.impression());
    }
    if (r.studyDate() != null) {
      o.put("study_date", r.studyDate().toString());
    }
    if (r.studyId() != null) {
      o.put("study_id", r.studyId());
    }
    if (r.patientId() != null) {
      o.put("patient_id", r.patientId());
    }
    r.metadata().forEach(o::put);
    return o;
  }

  /** The text of one of the three text fields. */
  static String text(ReportDocument r, String field) {
    return switch (field) {
      case "findings" -> r.findings();
      case "impression" -> r.impression();
      default -> r.text();
    };
  }
}
