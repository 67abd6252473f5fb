package org.cxrsearch.lucene.radiology;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.cxrsearch.lucene.query.Bm25QueryParser;
import org.cxrsearch.lucene.schema.ReportAnalyzer;
import org.cxrsearch.radiology.finding.Laterality;
import org.cxrsearch.radiology.finding.Status;
import org.cxrsearch.radiology.query.QueryAnalyzer;
import org.cxrsearch.radiology.query.QueryFinding;
import org.cxrsearch.radiology.query.UnderstoodQuery;

/**
 * Turns a query into the radiology layer's Lucene clauses. For each finding the query asks about:
 * <ul>
 *   <li>a constant-score clause on {@code finding.<key>=<wanted status>} boosted by {@link Weights#finding}
 *       (and on related findings by {@link Weights#related}), so reports in the wanted state rank first
 *       and BM25 orders them;</li>
 *   <li>smaller clauses for the asked side and change ({@link Weights#attribute});</li>
 *   <li>an exclusion of reports that contradict every asked finding (stated absent when presence is
 *       asked and no related finding is present; stated present when absence is asked): the
 *       hard negatives a negation-blind engine ranks first.</li>
 * </ul>
 * The text part searches the clinical rewording of the query ({@link UnderstoodQuery#clinicalText})
 * over the affirmed text and the names of present findings instead of the raw text (measured on the
 * dev split, the rewording ranks better than the query's words plus the clinical names), so "no pneumothorax" in a report no longer matches
 * "pneumothorax".
 */
public final class RadiologyQueries {

  /**
   * Clause weights. BM25 scores of a short query on report text are a few units to about 15; a
   * finding boost above that puts the reports in the wanted state ahead.
   *
   * @param finding boost of a report in the wanted state of an asked finding
   * @param related boost of a report with a related finding in that state
   * @param attribute boost of the asked side or change
   */
  public record Weights(float finding, float related, float attribute) {
    public static final Weights DEFAULT = new Weights(20f, 12f, 3f);
  }

  private final QueryAnalyzer analyzer;
  private final Weights weights;

  public RadiologyQueries(QueryAnalyzer analyzer, Weights weights) {
    this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    this.weights = Objects.requireNonNull(weights, "weights");
  }

  public QueryAnalyzer analyzer() {
    return analyzer;
  }

  public Weights weights() {
    return weights;
  }

  public RadiologyQuery build(String queryText) {
    UnderstoodQuery u = analyzer.analyze(queryText);
    List<Query> boosts = new ArrayList<>();
    BooleanQuery.Builder contradictsAll = new BooleanQuery.Builder();
    int contradictions = 0;
    for (QueryFinding f : u.findings()) {
      boosts(f).forEach(b -> boosts.add(b.query()));
      Query contra = contradiction(f);
      if (contra != null) {
        contradictsAll.add(contra, Occur.FILTER);
        contradictions++;
      }
    }
    Query exclusion = contradictions > 0 && contradictions == u.findings().size() ? contradictsAll.build() : null;
    boolean asksAbsence = u.findings().stream().anyMatch(f -> f.wanted() == Status.ABSENT);
    return new RadiologyQuery(u, text(u.clinicalText(), asksAbsence), boosts, exclusion, u.clinicalText());
  }

  /**
   * The scoring clauses of one asked finding: its wanted status, related findings present (when
   * presence is asked), the asked side (half for bilateral) and change.
   */
  public List<FindingBoost> boosts(QueryFinding f) {
    List<FindingBoost> out = new ArrayList<>();
    out.add(new FindingBoost(f.finding(), FindingBoost.Attribute.STATUS, f.wanted().label(), weights.finding()));
    if (f.wanted() == Status.PRESENT) {
      for (String r : f.related()) {
        out.add(new FindingBoost(r, FindingBoost.Attribute.STATUS, Status.PRESENT.label(), weights.related()));
      }
    }
    if (f.laterality() != null) {
      out.add(new FindingBoost(f.finding(), FindingBoost.Attribute.LATERALITY, f.laterality().label(), weights.attribute()));
      if (f.laterality() != Laterality.BILATERAL) {
        out.add(new FindingBoost(f.finding(), FindingBoost.Attribute.LATERALITY, Laterality.BILATERAL.label(), weights.attribute() / 2));
      }
    }
    if (f.change() != null) {
      out.add(new FindingBoost(f.finding(), FindingBoost.Attribute.CHANGE, f.change().label(), weights.attribute()));
    }
    return out;
  }

  /**
   * The BM25 query of the clinical text over the affirmed text and present-finding names, and over
   * the negated mentions too when the query asks for an absence.
   */
  private static Query text(String clinical, boolean asksAbsence) {
    if (clinical.isBlank()) {
      return null;
    }
    String plain = Bm25QueryParser.plainText(clinical);
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int clauses = 0;
    List<String> fields = asksAbsence
        ? List.of(FindingFields.AFFIRMED, FindingFields.PRESENT_NAMES, FindingFields.NEGATED)
        : List.of(FindingFields.AFFIRMED, FindingFields.PRESENT_NAMES);
    for (String field : fields) {
      try {
        Query q = new Bm25QueryParser(new ReportAnalyzer(), field).parse(plain);
        if (!(q instanceof MatchNoDocsQuery) && !(q instanceof BooleanQuery bq && bq.clauses().isEmpty())) {
          b.add(q, Occur.SHOULD);
          clauses++;
        }
      } catch (org.cxrsearch.lucene.query.QuerySyntaxException e) {
        return null; // nothing but stop words
      }
    }
    return clauses == 0 ? null : b.build();
  }

  /** Reports whose stated state contradicts {@code f}, or {@code null}. */
  private static Query contradiction(QueryFinding f) {
    if (f.wanted() == Status.PRESENT) {
      // Uncertain reports are not excluded: some are coded as the finding; FindingRerank puts them last.
      BooleanQuery.Builder b = new BooleanQuery.Builder()
          .add(new TermQuery(new Term(FindingFields.status(f.finding()), Status.ABSENT.label())), Occur.FILTER);
      for (String r : f.related()) {
        b.add(new TermQuery(new Term(FindingFields.status(r), Status.PRESENT.label())), Occur.MUST_NOT);
      }
      return b.build();
    }
    if (f.wanted() == Status.ABSENT) {
      return new TermQuery(new Term(FindingFields.status(f.finding()), Status.PRESENT.label()));
    }
    return null;
  }

  /**
   * The full BM25 query: the text part and the finding boosts as optional clauses (at least one must
   * match), the exclusion as a prohibited clause; {@code base} (the user's own Lucene query, in BM25
   * mode) replaces the text part when given.
   */
  public static Query bm25(RadiologyQuery rq, Query base) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    Query text = base != null ? base : rq.text();
    if (text != null) {
      b.add(text, Occur.SHOULD);
    }
    for (Query q : rq.findingBoosts()) {
      b.add(q, Occur.SHOULD);
    }
    if (rq.exclusion() != null) {
      b.add(rq.exclusion(), Occur.MUST_NOT);
    }
    return b.build();
  }
}
