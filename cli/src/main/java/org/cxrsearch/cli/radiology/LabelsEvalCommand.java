package org.cxrsearch.cli.radiology;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.cxrsearch.radiology.eval.GoldLabels;
import org.cxrsearch.radiology.eval.LabelScores;
import org.cxrsearch.radiology.extract.FindingExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cxrsearch labels-eval}: precision, recall and F1 of the finding extractor against gold labels. */
@Command(name = "labels-eval", mixinStandardHelpOptions = true,
    description = {"Score the finding extractor against gold labels: precision, recall, F1 per label, micro and macro.",
        "--gold is NegBio's openi_gld_std14.csv (0/1 label columns; ids CXR<uid>) or a CSV with a MeSH column",
        "(the IU reports CSV; a MeSH term counts as its heading or heading/qualifier, 'borderline' terms are not scored)."})
public final class LabelsEvalCommand implements Callable<Integer> {

  @Mixin ReportInput input;

  @Option(names = "--gold", required = true, paramLabel = "CSV", description = "Gold labels (see above).")
  Path gold;

  @Mixin IdSelection selection;

  @Option(names = "--uncertain", paramLabel = "positive|negative",
      description = "Whether an uncertain finding counts as a positive label. Default: negative for label columns, positive for MeSH.")
  String uncertain;

  @Option(names = "--json", description = "Print JSON: {\"scheme\", \"reports\", \"labels\": {L: {tp, fp, fn, precision, recall, f1}}, \"micro\", \"macro_f1\", \"unmapped\"}.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Set<String> selected = selection.read();
    FindingExtractor extractor = FindingExtractor.standard();
    boolean isMesh = java.nio.file.Files.exists(gold) && isMeshFile(gold);
    boolean uncertainPositive = uncertain == null ? isMesh : parseUncertain(uncertain);
    GoldFile g = GoldFile.read(gold, extractor.lexicon(), uncertainPositive);
    Map<String, Set<String>> predicted = new LinkedHashMap<>();
    int bad = input.forEach(err, "labels-eval", r ->
        predicted.put(GoldLabels.reportId(r.id()), g.scheme().positives(extractor.extract(r.document().text()))));
    LabelScores s = LabelScores.score(g.scheme(), g.labels(), predicted, selected);
    if (s.reports() == 0) {
      throw new IllegalArgumentException("no report of " + input.input + " has gold labels in " + gold
          + " among " + selection.describe() + "; check the id columns");
    }
    if (json) {
      out.println(new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(g, s)));
    } else {
      print(out, g, s);
    }
    out.flush();
    err.flush();
    return bad == 0 ? 0 : LabelsCommand.EXIT_BAD_RECORDS;
  }

  private static boolean isMeshFile(Path p) throws IOException {
    try (var r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
      String h = r.readLine();
      return h != null && java.util.Arrays.stream(h.split(",")).anyMatch(c -> c.strip().replace("\"", "").equals("MeSH"));
    }
  }

  private static boolean parseUncertain(String s) {
    return switch (s.strip().toLowerCase(Locale.ROOT)) {
      case "positive" -> true;
      case "negative" -> false;
      default -> throw new IllegalArgumentException("--uncertain: expected positive or negative, got '" + s + "'");
    };
  }

  private static void print(PrintWriter out, GoldFile g, LabelScores s) {
    out.printf("scheme %s, %d reports scored, uncertain counts as %s%n", g.scheme().name(), s.reports(),
        g.scheme().uncertainIsPositive() ? "positive" : "negative");
    out.printf("%-28s %7s %5s %5s %5s %9s %7s %6s%n", "label", "support", "tp", "fp", "fn", "precision", "recall", "f1");
    s.perLabel().forEach((l, k) -> {
      if (k.tp() + k.fp() + k.fn() > 0) {
        out.printf("%-28s %7d %5d %5d %5d %9.3f %7.3f %6.3f%n", l, k.support(), k.tp(), k.fp(), k.fn(), k.precision(), k.recall(), k.f1());
      }
    });
    LabelScores.Counts m = s.micro();
    out.printf("%-28s %7d %5d %5d %5d %9.3f %7.3f %6.3f%n", "micro", m.support(), m.tp(), m.fp(), m.fn(), m.precision(), m.recall(), m.f1());
    out.printf("%-28s %45.3f%n", "macro (labels with support)", s.macroF1());
    if (!g.labels().unmapped().isEmpty()) {
      out.println("gold codes outside the scheme (not scored): " + g.labels().unmapped());
    }
  }

  private static Map<String, Object> toJson(GoldFile g, LabelScores s) {
    Map<String, Object> labels = new LinkedHashMap<>();
    s.perLabel().forEach((l, k) -> labels.put(l, counts(k)));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scheme", g.scheme().name());
    m.put("reports", s.reports());
    m.put("uncertain_is_positive", g.scheme().uncertainIsPositive());
    m.put("labels", labels);
    m.put("micro", counts(s.micro()));
    m.put("macro_f1", s.macroF1());
    m.put("unmapped", g.labels().unmapped());
    return m;
  }

  private static Map<String, Object> counts(LabelScores.Counts k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("support", k.support());
    m.put("tp", k.tp());
    m.put("fp", k.fp());
    m.put("fn", k.fn());
    m.put("precision", k.precision());
    m.put("recall", k.recall());
    m.put("f1", k.f1());
    return m;
  }
}
