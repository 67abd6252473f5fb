package org.cxrsearch.cli.radiology;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.cxrsearch.radiology.eval.GoldLabels;
import picocli.CommandLine.Option;

/** {@code --ids} and {@code --split} of the evaluation verbs (a picocli mixin): which reports are judged. */
public final class IdSelection {

  @Option(names = "--ids", paramLabel = "FILE",
      description = "Judge only these report ids: one per line, or the first column of a CSV (a header line is skipped).")
  Path ids;

  @Option(names = "--split", paramLabel = "NAME",
      description = "With --ids: keep only rows whose second column is NAME (e.g. dev with the IU split.csv).")
  String split;

  /** The selected ids ({@code CXR<n>} read as {@code <n>}), or {@code null} when no {@code --ids} was given. */
  Set<String> read() throws IOException {
    if (ids == null) {
      if (split != null) {
        throw new IllegalArgumentException("--split needs --ids");
      }
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    int line = 0;
    for (String raw : Files.readAllLines(ids, StandardCharsets.UTF_8)) {
      line++;
      String l = raw.strip();
      if (l.isEmpty()) {
        continue;
      }
      String[] cells = l.split(",", -1);
      String id = cells[0].strip().replace("\"", "");
      if (line == 1 && (id.equalsIgnoreCase("uid") || id.equalsIgnoreCase("id") || id.equalsIgnoreCase("filename"))) {
        continue;
      }
      if (split != null) {
        if (cells.length < 2) {
          throw new IllegalArgumentException(ids + ":" + line + ": --split needs a second column");
        }
        if (!cells[1].strip().equals(split)) {
          continue;
        }
      }
      out.add(GoldLabels.reportId(id));
    }
    return out;
  }

  /** How the selection reads in a report line. */
  String describe() {
    return ids == null ? "all ids" : ids + (split == null ? "" : " (split " + split + ")");
  }
}
