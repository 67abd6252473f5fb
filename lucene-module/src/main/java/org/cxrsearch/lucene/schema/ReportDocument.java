package org.cxrsearch.lucene.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.lucene.index.IndexWriter;
import org.cxrsearch.onnx.bundle.Digests;

/**
 * One radiology report as cxrsearch indexes it. Immutable; {@link ReportDocumentMapper} turns it
 * into a Lucene document and back.
 *
 * @param id unique key; re-indexing an id replaces the report
 * @param text the whole report; when not given it is {@code findings} and {@code impression}
 *     joined by a blank line (see {@link #joinSections})
 * @param findings the FINDINGS section, or {@code null}
 * @param impression the IMPRESSION section, or {@code null}
 * @param studyDate the study date, or {@code null}
 * @param studyId the study identifier, or {@code null}
 * @param patientId the patient identifier, or {@code null}
 * @param metadata free key-values (keys are plain names, without {@link ReportFields#META_PREFIX}),
 *     kept sorted by key
 * @param source the input record as read (a JSON line, a CSV row, a file), or {@code null}
 */
public record ReportDocument(
    String id,
    String text,
    String findings,
    String impression,
    LocalDate studyDate,
    String studyId,
    String patientId,
    Map<String, String> metadata,
    String source) {

  public ReportDocument {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a report needs a non-blank id");
    }
    findings = blankToNull(findings);
    impression = blankToNull(impression);
    text = blankToNull(text);
    if (text == null) {
      text = joinSections(findings, impression);
    }
    if (text == null) {
      throw new IllegalArgumentException("report '" + id + "' has no text, findings or impression");
    }
    requireTermLength(id, "id", id);
    requireTermLength(id, "study_id", studyId);
    requireTermLength(id, "patient_id", patientId);
    for (var e : (metadata == null ? Map.<String, String>of() : metadata).entrySet()) {
      if (e.getKey() == null || e.getKey().isBlank()) {
        throw new IllegalArgumentException("report '" + id + "': metadata key is empty (value '" + e.getValue() + "')");
      }
      if (e.getValue() == null) {
        throw new IllegalArgumentException("report '" + id + "': metadata '" + e.getKey() + "' has no value");
      }
      requireTermLength(id, "metadata '" + e.getKey() + "'", e.getValue());
    }
    metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(metadata));
  }

  /**
   * Keyword fields (id, study and patient ids, metadata values) are indexed as one term each, and
   * Lucene refuses a term over {@link IndexWriter#MAX_TERM_LENGTH} bytes; checking here names the
   * field, where the writer would only report an "immense term".
   */
  private static void requireTermLength(String id, String field, String value) {
    if (value != null && value.length() > IndexWriter.MAX_TERM_LENGTH / 3) { // a char is at most 3 UTF-8 bytes
      int bytes = value.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > IndexWriter.MAX_TERM_LENGTH) {
        throw new IllegalArgumentException("report '" + abbreviate(id) + "': " + field + " is " + bytes
            + " bytes of UTF-8; keyword values are limited to " + IndexWriter.MAX_TERM_LENGTH + " bytes");
      }
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }

  /** A report with only an id and a text. */
  public static ReportDocument of(String id, String text) {
    return builder(id).text(text).build();
  }

  public static Builder builder(String id) {
    return new Builder(id);
  }

  /**
   * {@code findings + "\n\n" + impression}, either alone when the other is missing, {@code null}
   * when both are. No section headers are added: the encoder sees the report prose only.
   */
  public static String joinSections(String findings, String impression) {
    if (findings == null) {
      return impression;
    }
    return impression == null ? findings : findings + "\n\n" + impression;
  }

  /**
   * SHA-256 (hex) over every field except {@link #source}: equal hashes mean the indexed content,
   * and hence the vector, would be the same. Fields are length-prefixed so that moving text between
   * fields changes the hash.
   */
  public String contentHash() {
    MessageDigest sha = Digests.sha256();
    update(sha, id);
    update(sha, text);
    update(sha, findings);
    update(sha, impression);
    update(sha, studyDate == null ? null : studyDate.toString());
    update(sha, studyId);
    update(sha, patientId);
    metadata.forEach((k, v) -> {
      update(sha, k);
      update(sha, v);
    });
    return Digests.hex(sha.digest());
  }

  private static void update(MessageDigest sha, String s) {
    if (s == null) {
      sha.update((byte) 0);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    sha.update((byte) 1);
    sha.update(java.nio.ByteBuffer.allocate(4).putInt(b.length).array());
    sha.update(b);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** Mutable builder; {@link #build()} validates. */
  public static final class Builder {
    private final String id;
    private String text;
    private String findings;
    private String impression;
    private LocalDate studyDate;
    private String studyId;
    private String patientId;
    private final Map<String, String> metadata = new TreeMap<>();
    private String source;

    private Builder(String id) {
      this.id = id;
    }

    public Builder text(String v) {
      text = v;
      return this;
    }

    public Builder findings(String v) {
      findings = v;
      return this;
    }

    public Builder impression(String v) {
      impression = v;
      return this;
    }

    public Builder studyDate(LocalDate v) {
      studyDate = v;
      return this;
    }

    public Builder studyId(String v) {
      studyId = v;
      return this;
    }

    public Builder patientId(String v) {
      patientId = v;
      return this;
    }

    public Builder meta(String key, String value) {
      metadata.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    public Builder metadata(Map<String, String> values) {
      metadata.putAll(values);
      return this;
    }

    public Builder source(String v) {
      source = v;
      return this;
    }

    public ReportDocument build() {
      return new ReportDocument(id, text, findings, impression, studyDate, studyId, patientId, metadata, source);
    }
  }
}
