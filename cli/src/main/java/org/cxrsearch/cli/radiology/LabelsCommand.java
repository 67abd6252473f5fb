package org.cxrsearch.cli.radiology;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cxrsearch.radiology.extract.FindingExtractor;
import org.cxrsearch.radiology.finding.ReportFindings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cxrsearch labels}: the findings of each report, with status, side, location and change. */
@Command(name = "labels", mixinStandardHelpOptions = true,
    description = {"Print each report's findings: status (present / absent / uncertain), laterality, location, change.",
        "Exit 0, or 3 when some input records were bad (each is reported on stderr as FILE:LINE: reason)."})
public final class LabelsCommand implements Callable<Integer> {

  static final int EXIT_BAD_RECORDS = 3;

  @Mixin ReportInput input;

  @Option(names = "--json", description = "One JSON line per report: {\"id\": ..., \"findings\": {\"pneumothorax\": {\"status\": \"absent\", \"laterality\": null, \"location\": null, \"change\": null, \"mentions\": 1}, ...}}.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    FindingExtractor extractor = FindingExtractor.standard();
    ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
    int bad = input.forEach(err, "labels", record -> {
      ReportFindings f = extractor.extract(record.document().text());
      if (json) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", record.id());
        line.put("findings", FindingsJson.of(f));
        try {
          out.println(mapper.writeValueAsString(line));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new IllegalStateException(e);
        }
      } else {
        out.println(record.id() + "\t" + FindingsJson.text(f));
      }
    });
    out.flush();
    err.flush();
    return bad == 0 ? 0 : EXIT_BAD_RECORDS;
  }
}
