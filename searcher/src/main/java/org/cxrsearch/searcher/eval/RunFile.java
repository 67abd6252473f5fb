package org.cxrsearch.searcher.eval;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes rankings as the run format of {@code tools/eval/iu_eval.py}: a header, then one line per
 * retrieved report, {@code qid <TAB> uid <TAB> rank} with rank 1 the best, so the reference scorer
 * can check this package's numbers.
 */
public final class RunFile {

  private RunFile() {}

  public static void write(Path path, Map<String, List<String>> rankings) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
      out.write("qid\tuid\trank\n");
      for (Map.Entry<String, List<String>> q : rankings.entrySet()) {
        List<String> ranking = q.getValue();
        for (int i = 0; i < ranking.size(); i++) {
          out.write(q.getKey() + "\t" + ranking.get(i) + "\t" + (i + 1) + "\n");
        }
      }
    }
  }
}
