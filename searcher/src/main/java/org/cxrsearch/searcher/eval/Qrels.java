package org.cxrsearch.searcher.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Relevance judgements: for each query id, the graded report ids. Grades follow the IU X-ray
 * finding qrels: {@link #RELEVANT} 1, {@link #HARD_NEGATIVE} 0 (mentions the finding but does not
 * have it), {@link #DROPPED} -1 (uncertain; removed from the ranking before scoring). Unjudged
 * reports are non-relevant.
 *
 * @param byQuery query id to (report id to grade), query ids in sorted order
 */
public record Qrels(Map<String, Map<String, Integer>> byQuery) {

  public static final int RELEVANT = 1;
  public static final int HARD_NEGATIVE = 0;
  public static final int DROPPED = -1;

  public Qrels {
    byQuery = Collections.unmodifiableMap(new TreeMap<>(byQuery));
  }

  /** The judgements of one query; empty when it has none. */
  public Map<String, Integer> of(String qid) {
    return byQuery.getOrDefault(qid, Map.of());
  }

  /**
   * Reads judgements in either of two layouts, told apart by the first line:
   *
   * <ul>
   *   <li>tab-separated with a header naming the columns {@code qid}, {@code uid} and {@code grade}
   *       (in any order), as the IU X-ray qrels are written;
   *   <li>TREC style, no header, fields separated by any whitespace: {@code qid 0 uid grade} (the
   *       second field, TREC's iteration, is ignored) or {@code qid uid grade}.
   * </ul>
   *
   * @throws IllegalArgumentException naming the file and line of a malformed row
   */
  public static Qrels read(Path path) throws IOException {
    Map<String, Map<String, Integer>> byQuery = new TreeMap<>();
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      in.mark(1 << 16);
      String first = in.readLine();
      in.reset();
      if (first != null && !List.of(first.split("\t", -1)).contains("qid")) {
        readTrec(in, path, byQuery);
        return new Qrels(byQuery);
      }
      TsvHeader header = TsvHeader.read(in, path, "qid", "uid", "grade");
      String line;
      long lineNo = 1;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = header.fields(line, path, lineNo);
        int grade = grade(f[header.index("grade")], path, lineNo);
        byQuery.computeIfAbsent(f[header.index("qid")], q -> new TreeMap<>()).put(f[header.index("uid")], grade);
      }
    }
    return new Qrels(byQuery);
  }

  /** TREC qrels: {@code qid iteration uid grade} or {@code qid uid grade}, one layout per file. */
  private static void readTrec(BufferedReader in, Path path, Map<String, Map<String, Integer>> byQuery)
      throws IOException {
    int width = 0;
    String line;
    long lineNo = 0;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.strip().split("\\s+");
      if (width == 0) {
        if (f.length != 3 && f.length != 4) {
          throw new IllegalArgumentException(path + ":" + lineNo + ": expected a header with qid, uid and grade"
              + " (tab-separated) or TREC qrels 'qid 0 uid grade' / 'qid uid grade', found " + f.length + " fields");
        }
        width = f.length;
      } else if (f.length != width) {
        throw new IllegalArgumentException(path + ":" + lineNo + ": expected " + width + " whitespace-separated"
            + " fields as on the first line, found " + f.length);
      }
      int grade = grade(f[width - 1], path, lineNo);
      byQuery.computeIfAbsent(f[0], q -> new TreeMap<>()).put(f[width - 2], grade);
    }
  }

  private static int grade(String field, Path path, long lineNo) {
    try {
      return Integer.parseInt(field.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(path + ":" + lineNo + ": grade is not an integer: " + field);
    }
  }
}
