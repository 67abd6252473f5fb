package org.cxrsearch.cli.search;

import java.util.List;
import org.cxrsearch.lucene.query.FieldFilter;
import picocli.CommandLine.Option;

/** {@code --filter FIELD=VALUE}, repeatable (a picocli mixin). */
public final class FilterOptions {

  @Option(names = "--filter", paramLabel = "FIELD=VALUE",
      description = "Restrict to reports with FIELD=VALUE (id, study_id, patient_id, metadata keys;"
          + " study_date=YYYY-MM-DD or A..B); repeatable, all must hold. Applied inside the search.")
  List<String> specs = List.of();

  /** @throws IllegalArgumentException naming a malformed filter */
  public List<FieldFilter> parsed() {
    return specs.stream().map(FieldFilter::parse).toList();
  }
}
