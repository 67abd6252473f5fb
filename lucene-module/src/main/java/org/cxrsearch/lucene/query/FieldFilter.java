package org.cxrsearch.lucene.query;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.cxrsearch.lucene.schema.ReportFields;

/**
 * A {@code FIELD=VALUE} restriction. Keyword fields ({@code id}, {@code study_id},
 * {@code patient_id}, metadata keys with or without {@code meta.}) match the value exactly;
 * {@code study_date} takes an ISO day ({@code 2021-03-14}) or an inclusive range
 * ({@code 2021-01-01..2021-12-31}, either end may be left open). Filters do not score; they are
 * applied inside the BM25 and KNN searches (a KNN filter restricts the graph walk, so k hits come
 * back whenever k documents pass).
 *
 * @param field the Lucene field, already resolved ({@code view} becomes {@code meta.view})
 * @param value the raw value
 */
public record FieldFilter(String field, String value) {

  public FieldFilter {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(value, "value");
  }

  /**
   * Parses {@code FIELD=VALUE}.
   *
   * @throws IllegalArgumentException naming the filter when the form, the field or the date is bad
   */
  public static FieldFilter parse(String spec) {
    int eq = spec.indexOf('=');
    if (eq <= 0 || eq == spec.length() - 1) {
      throw new IllegalArgumentException("filter '" + spec + "' is not of the form FIELD=VALUE");
    }
    String name = spec.substring(0, eq).strip();
    String value = spec.substring(eq + 1).strip();
    if (ReportFields.TEXT_FIELDS.contains(name) || name.equals(ReportFields.SOURCE) || name.equals(ReportFields.VECTOR)) {
      throw new IllegalArgumentException(
          "filter '" + spec + "': field '" + name + "' is not filterable; search text with the query instead");
    }
    String field = ReportFields.isFilterable(name) ? name : ReportFields.metaField(name);
    FieldFilter f = new FieldFilter(field, value);
    f.toQuery(); // validate dates now, where the user's spelling is at hand
    return f;
  }

  /** The non-scoring Lucene query of this filter. */
  public Query toQuery() {
    if (!field.equals(ReportFields.STUDY_DATE)) {
      return KeywordField.newExactQuery(field, value);
    }
    int dots = value.indexOf("..");
    if (dots < 0) {
      return LongField.newExactQuery(field, day(value));
    }
    String from = value.substring(0, dots).strip();
    String to = value.substring(dots + 2).strip();
    return LongField.newRangeQuery(field, from.isEmpty() ? Long.MIN_VALUE : day(from), to.isEmpty() ? Long.MAX_VALUE : day(to));
  }

  /** All filters as one non-scoring query, or {@code null} when there are none. */
  public static Query conjunction(List<FieldFilter> filters) {
    if (filters.isEmpty()) {
      return null;
    }
    if (filters.size() == 1) {
      return filters.get(0).toQuery();
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    filters.forEach(f -> b.add(f.toQuery(), BooleanClause.Occur.FILTER));
    return b.build();
  }

  private long day(String s) {
    try {
      return LocalDate.parse(s).toEpochDay();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("filter " + field + "=" + value + ": '" + s + "' is not an ISO date (YYYY-MM-DD)", e);
    }
  }
}
