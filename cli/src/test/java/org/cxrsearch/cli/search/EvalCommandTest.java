package org.cxrsearch.cli.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cxrsearch.lucene.codec.VectorQuantization;
import org.cxrsearch.lucene.schema.ReportDocument;
import org.cxrsearch.lucene.store.IndexMetadata;
import org.cxrsearch.lucene.store.IndexSettings;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.onnx.bundle.ModelFamily;
import org.cxrsearch.onnx.encode.EncoderInfo;
import org.cxrsearch.onnx.encode.InstructionFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvalCommandTest {

  @TempDir Path dir;

  @Test
  void bm25EvalScoresTheRankingAndWritesTheRunFile() throws Exception {
    Path index = dir.resolve("idx");
    EncoderInfo fake = new EncoderInfo("fake", ModelFamily.SENTENCE_TRANSFORMER, 2, "fp", InstructionFormat.LLM2VEC);
    try (ReportIndex w = ReportIndex.openForWriting(index, new IndexMetadata(fake, "", VectorQuantization.FLOAT), IndexSettings.DEFAULTS)) {
      // Only d1 and d2 contain the query term; d1 far more strongly, so BM25 ranks d1 then d2.
      w.upsert(ReportDocument.of("d1", "effusion effusion effusion"), new float[] {1, 0});
      w.upsert(ReportDocument.of("d2", "no effusion seen today in this patient at all"), new float[] {0, 1});
      w.upsert(ReportDocument.of("d3", "clear lungs"), new float[] {1, 1});
      w.upsert(ReportDocument.of("d5", "pleural fluid on the left"), new float[] {1, 0});
      w.commit();
    }
    Path queries = dir.resolve("q.tsv");
    Files.writeString(queries, "qid\tquery\nF01\teffusion\n");
    Path qrels = dir.resolve("qrels.tsv");
    // d5 relevant but not retrieved by BM25; d2 a hard negative; d3 dropped.
    Files.writeString(qrels, "qid\tuid\tgrade\nF01\td1\t1\nF01\td2\t0\nF01\td3\t-1\nF01\td5\t1\n");
    Path run = dir.resolve("run.tsv");

    StringWriter out = new StringWriter();
    int code =
        new CommandLine(new EvalCommand())
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setOut(new PrintWriter(out, true))
            .execute("--index", index.toString(), "--queries", queries.toString(), "--qrels", qrels.toString(),
                "--mode", "bm25", "--json", "--run", run.toString());
    assertEquals(0, code);
    assertEquals(List.of("qid\tuid\trank", "F01\td1\t1", "F01\td2\t2"), Files.readAllLines(run));

    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertEquals(0.5, json.get("map").asDouble(), 1e-9); // (1/1) / 2 relevant
    assertEquals(1 / (1 + 1 / (Math.log(3) / Math.log(2))), json.get("ndcg@10").asDouble(), 1e-9);
    assertEquals(0.1, json.get("p@10").asDouble(), 1e-9);
    assertEquals(0.1, json.get("hardneg@10").asDouble(), 1e-9);
    assertEquals(0.5, json.get("per_query").get("F01").get("ap").asDouble(), 1e-9);
  }
}
