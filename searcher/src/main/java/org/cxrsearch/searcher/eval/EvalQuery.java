package org.cxrsearch.searcher.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One evaluation query.
 *
 * @param qid the query id the qrels refer to
 * @param text the query text
 */
public record EvalQuery(String qid, String text) {

  /**
   * Reads a tab-separated file with a header holding {@code qid} and the text column (e.g.
   * {@code query}, or {@code alt_query} for the lay wording of the IU finding queries).
   */
  public static List<EvalQuery> read(Path path, String textColumn) throws IOException {
    List<EvalQuery> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      TsvHeader header = TsvHeader.read(in, path, "qid", textColumn);
      String line;
      long lineNo = 1;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (!line.isBlank()) {
          String[] f = header.fields(line, path, lineNo);
          out.add(new EvalQuery(f[header.index("qid")], f[header.index(textColumn)]));
        }
      }
    }
    return out;
  }
}
