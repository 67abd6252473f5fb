package org.cxrsearch.radiology.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cxrsearch.radiology.finding.Change;
import org.cxrsearch.radiology.finding.FindingState;
import org.cxrsearch.radiology.finding.Laterality;
import org.cxrsearch.radiology.finding.Mention;
import org.cxrsearch.radiology.finding.ReportFindings;
import org.cxrsearch.radiology.finding.Status;
import org.cxrsearch.radiology.lexicon.FindingDefinition;
import org.cxrsearch.radiology.lexicon.Lexicon;
import org.cxrsearch.radiology.report.Section;
import org.cxrsearch.radiology.report.SectionParser;
import org.cxrsearch.radiology.report.Sentence;
import org.cxrsearch.radiology.report.SentenceSplitter;

/**
 * Reads a report's findings: sections ({@link SectionParser}), sentences ({@link SentenceSplitter}),
 * mentions with their context ({@link SentenceAnalyzer}), then one state per finding.
 *
 * <p>Report-level rules, after the CheXpert labeler's aggregation (Irvin et al. 2019):
 * <ul>
 *   <li>Only findings, impression and headerless text count; the indication's "r/o pneumonia" is a
 *       question, not an observation (its mentions are still returned).</li>
 *   <li>A finding's status is the strongest of its mentions: present over uncertain over absent.
 *       Side, location and change come from the mentions that decided it.</li>
 *   <li>A present or uncertain finding also counts for its parents ({@code nodule} for {@code
 *       lung_lesion}, {@code consolidation} for {@code lung_opacity}), never an absent one: "no
 *       pneumothorax" says nothing about other opacities.</li>
 *   <li>{@code no_finding} is present when nothing else is present or uncertain, support devices
 *       and image-quality remarks aside, and absent otherwise.</li>
 * </ul>
 *
 * <p>Thread-safe: one instance can serve every thread.
 */
public final class FindingExtractor {

  /** The key of the report-level "nothing abnormal" finding. */
  public static final String NO_FINDING = "no_finding";

  private static final Set<String> NOT_ABNORMAL = Set.of(
      "support_devices", "technical_quality", "nipple_shadow", NO_FINDING);

  private final Lexicon lexicon;
  private final SectionParser sections = new SectionParser();
  private final SentenceSplitter sentences = new SentenceSplitter();
  private final SentenceAnalyzer analyzer;
  private final Set<String> notAbnormal;

  public FindingExtractor(Lexicon lexicon) {
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    this.analyzer = new SentenceAnalyzer(lexicon);
    Set<String> na = new HashSet<>(NOT_ABNORMAL);
    for (FindingDefinition d : lexicon.findings().values()) {
      if (ancestors(d.key()).contains("support_devices")) {
        na.add(d.key());
      }
    }
    this.notAbnormal = Set.copyOf(na);
  }

  /** An extractor over {@link Lexicon#standard()}. */
  public static FindingExtractor standard() {
    return new FindingExtractor(Lexicon.standard());
  }

  public Lexicon lexicon() {
    return lexicon;
  }

  /** The sentences of a report, section by section. */
  public List<Sentence> sentences(String report) {
    List<Sentence> out = new ArrayList<>();
    for (Section s : sections.parse(report)) {
      out.addAll(sentences.split(s));
    }
    return out;
  }

  /** The findings of one report's text. */
  public ReportFindings extract(String report) {
    Objects.requireNonNull(report, "report");
    List<Mention> mentions = new ArrayList<>();
    for (Sentence s : sentences(report)) {
      mentions.addAll(analyzer.analyze(s));
    }
    return new ReportFindings(aggregate(mentions), mentions);
  }

  /** The findings of a short text taken as one observation (a query): no sections, no roll-up. */
  public List<Mention> mentions(String text) {
    List<Mention> out = new ArrayList<>();
    for (Section s : List.of(new Section(org.cxrsearch.radiology.report.SectionKind.TEXT, null, 0, text.length(), text))) {
      for (Sentence sentence : sentences.split(s)) {
        out.addAll(analyzer.analyze(sentence));
      }
    }
    return out;
  }

  private Map<String, FindingState> aggregate(List<Mention> mentions) {
    Map<String, Acc> acc = new LinkedHashMap<>();
    for (Mention m : mentions) {
      if (m.section().countsAsObservation()) {
        acc.computeIfAbsent(m.finding(), k -> new Acc()).add(m);
      }
    }
    // Roll present/uncertain findings up to their parents.
    for (String key : List.copyOf(acc.keySet())) {
      Acc a = acc.get(key);
      if (a.status == Status.ABSENT) {
        continue;
      }
      for (String parent : ancestors(key)) {
        acc.computeIfAbsent(parent, k -> new Acc()).rollUp(a);
      }
    }
    boolean abnormal = false;
    for (var e : acc.entrySet()) {
      if (e.getValue().status != Status.ABSENT && !notAbnormal.contains(e.getKey())) {
        abnormal = true;
        break;
      }
    }
    Map<String, FindingState> out = new LinkedHashMap<>();
    for (String key : lexicon.findings().keySet()) {
      Acc a = acc.get(key);
      if (a != null) {
        out.put(key, a.state());
      }
    }
    out.put(NO_FINDING, new FindingState(abnormal ? Status.ABSENT : Status.PRESENT, null, null, null, 0));
    return out;
  }

  /** The parents of a finding, transitively, nearest first. */
  private List<String> ancestors(String key) {
    List<String> out = new ArrayList<>();
    List<String> todo = new ArrayList<>(lexicon.finding(key).parents());
    while (!todo.isEmpty()) {
      String p = todo.remove(0);
      if (!out.contains(p)) {
        out.add(p);
        todo.addAll(lexicon.finding(p).parents());
      }
    }
    return out;
  }

  /** Accumulates one finding's mentions. */
  private static final class Acc {
    Status status;
    Laterality side;
    String location;
    Change change;
    int mentions;

    void add(Mention m) {
      mentions++;
      if (status == null || m.status().compareTo(status) > 0) {
        status = m.status();
        side = m.laterality();
        location = m.location();
        change = m.change();
      } else if (m.status() == status) {
        side = side == null ? m.laterality() : side.merge(m.laterality());
        location = location == null ? m.location() : location;
        change = change == null ? m.change() : change;
      }
    }

    void rollUp(Acc child) {
      if (status == null || child.status.compareTo(status) > 0) {
        status = child.status;
        side = child.side;
        location = child.location;
        change = child.change;
      } else if (child.status == status) {
        side = side == null ? child.side : side.merge(child.side);
        location = location == null ? child.location : location;
        change = change == null ? child.change : change;
      }
    }

    FindingState state() {
      return new FindingState(status, side, location, change, mentions);
    }
  }
}
