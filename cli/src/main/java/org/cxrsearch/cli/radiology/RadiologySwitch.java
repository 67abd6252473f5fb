package org.cxrsearch.cli.radiology;

import java.util.Locale;
import org.cxrsearch.searcher.search.RadiologyLayer;
import picocli.CommandLine.Option;

/**
 * {@code --radiology on|off|auto} of the query verbs (a picocli mixin): whether the radiology layer
 * reads the query and ranks by finding states. {@code auto} (the default) turns it on for an index
 * built with the layer ({@link RadiologyLayer}).
 */
public final class RadiologySwitch {

  @Option(names = "--radiology", paramLabel = "on|off|auto", defaultValue = "auto",
      description = "Radiology layer: findings, negation, side and lay wording steer the ranking. auto = on when the index has"
          + " the layer's fields. Default: ${DEFAULT-VALUE}.")
  String value;

  /** The switch's value. */
  public RadiologyLayer layer() {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "on" -> RadiologyLayer.ON;
      case "off" -> RadiologyLayer.OFF;
      case "auto" -> RadiologyLayer.AUTO;
      default -> throw new IllegalArgumentException("--radiology: expected on, off or auto, got '" + value + "'");
    };
  }
}
