package org.cxrsearch.searcher.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
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
   * Reads a tab-separated file with a header naming the columns {@code qid}, {@code uid} and
   * {@code grade} (in any order).
   */
  public static Qrels read(Path path) throws IOException {
    Map<String, Map<String, Integer>> byQuery = new TreeMap<>();
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      TsvHeader header = TsvHeader.read(in, path, "qid", "uid", "grade");
      String line;
      long lineNo = 1;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = header.fields(line, path, lineNo);
        int grade;
        try {
          grade = Integer.parseInt(f[header.index("grade")].strip());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(path + ":" + lineNo + ": grade is not an integer: " + f[header.index("grade")]);
        }
        byQuery.computeIfAbsent(f[header.index("qid")], q -> new TreeMap<>()).put(f[header.index("uid")], grade);
      }
    }
    return new Qrels(byQuery);
  }
}
