package org.cxrsearch.cli.radiology;

import java.io.IOException;
import java.util.Locale;
import org.cxrsearch.lucene.radiology.RadiologyQueries;
import org.cxrsearch.lucene.radiology.RadiologySearch;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.radiology.extract.FindingExtractor;
import org.cxrsearch.radiology.query.QueryAnalyzer;
import picocli.CommandLine.Option;

/**
 * {@code --radiology on|off|auto} of the query verbs (a picocli mixin): whether the radiology layer
 * reads the query and ranks by finding states. {@code auto} (the default) turns it on for an index
 * built with the layer.
 */
public final class RadiologySwitch {

  @Option(names = "--radiology", paramLabel = "on|off|auto", defaultValue = "auto",
      description = "Radiology layer: findings, negation, side and lay wording steer the ranking. auto = on when the index has"
          + " the layer's fields. Default: ${DEFAULT-VALUE}.")
  String value;

  /** The layer to use for {@code index}, or {@code null} when it is off. */
  public RadiologySearch open(ReportIndex index) throws IOException {
    boolean has = index.withSearcher(RadiologySearch::indexHasLayer);
    boolean on = switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "on" -> {
        if (!has) {
          throw new IllegalArgumentException("--radiology on: index " + index.path()
              + " was built without the radiology layer; re-index it (cxrsearch index --radiology on)");
        }
        yield true;
      }
      case "off" -> false;
      case "auto" -> has;
      default -> throw new IllegalArgumentException("--radiology: expected on, off or auto, got '" + value + "'");
    };
    return on ? standard() : null;
  }

  /** The layer over the standard lexicon and weights. */
  public static RadiologySearch standard() {
    return new RadiologySearch(new RadiologyQueries(new QueryAnalyzer(FindingExtractor.standard()), RadiologyQueries.Weights.DEFAULT));
  }
}
