package org.cxrsearch.cli.radiology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cxrsearch.cli.CxrSearch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The radiology verbs through the real command line, on reports written for this test. */
@Timeout(30)
class LabelsCommandsTest {

  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = CxrSearch.newCommandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private Path reports() throws Exception {
    return Files.writeString(dir.resolve("r.jsonl"), String.join("\n",
        "{\"id\": \"11\", \"findings\": \"No pneumothorax. Small left pleural effusion, new since the prior.\", \"impression\": \"Left effusion.\"}",
        "{\"id\": 12, \"text\": \"The heart is enlarged. Possible right lower lobe pneumonia.\"}",
        "{\"text\": \"a record without an id\"}",
        "{\"id\": \"13\", \"text\": \"Lungs are clear. No acute disease.\"}") + "\n");
  }

  @Test
  void labelsPrintsEachReportsFindingsAsJsonLines() throws Exception {
    Run r = run("labels", "--input", reports().toString(), "--json");
    assertEquals(3, r.exit(), r.err()); // one bad record
    assertTrue(r.err().contains("r.jsonl:3:"), r.err());
    List<JsonNode> lines = r.out().lines().map(l -> {
      try {
        return new ObjectMapper().readTree(l);
      } catch (Exception e) {
        throw new AssertionError(l, e);
      }
    }).toList();
    assertEquals(3, lines.size());
    JsonNode a = lines.get(0);
    assertEquals("11", a.get("id").asText());
    assertEquals("absent", a.at("/findings/pneumothorax/status").asText());
    assertTrue(a.at("/findings/pneumothorax/laterality").isNull());
    assertEquals("present", a.at("/findings/pleural_effusion/status").asText());
    assertEquals("left", a.at("/findings/pleural_effusion/laterality").asText());
    assertEquals("new", a.at("/findings/pleural_effusion/change").asText());
    JsonNode b = lines.get(1);
    assertEquals("present", b.at("/findings/cardiomegaly/status").asText());
    assertEquals("uncertain", b.at("/findings/pneumonia/status").asText());
    assertEquals("right", b.at("/findings/pneumonia/laterality").asText());
    assertEquals("lower lobe", b.at("/findings/pneumonia/location").asText());
    assertEquals("present", lines.get(2).at("/findings/no_finding/status").asText());
  }

  @Test
  void labelsEvalScoresAgainstBinaryGoldColumns() throws Exception {
    Path gold = Files.writeString(dir.resolve("gold.csv"),
        "filename,Effusion,Cardiomegaly,Pneumonia,normal\nCXR11,1,0,0,0\nCXR12,0,1,1,0\nCXR13,0,0,0,1\nCXR99,1,1,1,0\n");
    Run r = run("labels-eval", "--input", reports().toString(), "--gold", gold.toString(), "--json");
    assertEquals(3, r.exit(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(3, j.get("reports").asInt()); // 99 has no report, the id-less record was bad
    // uncertain pneumonia is negative by default for label columns: one false negative
    assertEquals(1, j.at("/labels/Pneumonia/fn").asInt());
    assertEquals(1, j.at("/labels/Effusion/tp").asInt());
    assertEquals(1, j.at("/labels/Cardiomegaly/tp").asInt());
    assertEquals(1, j.at("/labels/normal/tp").asInt());
    // micro: tp 3 (effusion, cardiomegaly, normal), fn 1 (pneumonia), fp 0
    assertEquals(0.75, j.at("/micro/recall").asDouble(), 1e-9);
    assertEquals(1.0, j.at("/micro/precision").asDouble(), 1e-9);

    Run positive = run("labels-eval", "--input", reports().toString(), "--gold", gold.toString(), "--uncertain", "positive", "--json");
    assertEquals(1, new ObjectMapper().readTree(positive.out()).at("/labels/Pneumonia/tp").asInt());
  }

  @Test
  void labelsEvalReadsMeshGoldAndAnIdSelection() throws Exception {
    Path gold = Files.writeString(dir.resolve("mesh.csv"),
        "uid,MeSH,findings\n11,\"Pleural Effusion/left/small\",x\n12,\"Cardiomegaly/mild;Pneumonia/lower lobe/right\",\"y, with a comma\"\n13,normal,z\n");
    Path ids = Files.writeString(dir.resolve("split.csv"), "uid,split\n11,dev\n12,heldout\n13,dev\n");
    Run r = run("labels-eval", "--input", reports().toString(), "--gold", gold.toString(), "--ids", ids.toString(), "--split", "dev", "--json");
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(2, j.get("reports").asInt(), r.out());
    assertEquals(1, j.at("/labels/pleural_effusion/tp").asInt());
    assertEquals(1, j.at("/labels/no_finding/tp").asInt());
    assertEquals(0, j.at("/labels/cardiomegaly/tp").asInt()); // 12 is held out
  }

  @Test
  void badOptionsAndGoldFilesAreErrorsThatNameThem() throws Exception {
    Path gold = Files.writeString(dir.resolve("g.csv"), "filename,Unknown_Label\nCXR11,1\n");
    Run r = run("labels-eval", "--input", reports().toString(), "--gold", gold.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("label column 'Unknown_Label'"), r.err());
    Run s = run("labels-eval", "--input", reports().toString(), "--gold", gold.toString(), "--split", "dev");
    assertTrue(s.err().contains("--split needs --ids"), s.err());
  }

  @Test
  void benchLabelsPrintsThroughput() {
    Run r = run("bench-labels", "--reports", "200", "--rounds", "1", "--threads", "2");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("reports/s"), r.out());
  }
}
