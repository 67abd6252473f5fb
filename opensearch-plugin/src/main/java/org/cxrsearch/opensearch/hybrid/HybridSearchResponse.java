package org.cxrsearch.opensearch.hybrid;

import java.io.IOException;
import java.util.List;
import org.cxrsearch.lucene.fuse.PartScore;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;

/**
 * The fused hits, best first. Each hit's {@code _explanation} lists every part that returned it:
 * the part's own score (BM25, or the cosine for KNN), its global rank and its contribution.
 */
public final class HybridSearchResponse extends ActionResponse implements ToXContentObject {

  /** One fused hit. */
  public record Hit(String index, String id, double score, List<PartScore> parts) {}

  private final long tookMillis;
  private final String method;
  private final List<Hit> hits;

  public HybridSearchResponse(long tookMillis, String method, List<Hit> hits) {
    this.tookMillis = tookMillis;
    this.method = method;
    this.hits = List.copyOf(hits);
  }

  public HybridSearchResponse(StreamInput in) throws IOException {
    super(in);
    tookMillis = in.readVLong();
    method = in.readString();
    hits = in.readList(i -> new Hit(i.readString(), i.readString(), i.readDouble(),
        i.readList(p -> new PartScore(p.readString(), p.readDouble(), p.readVInt(), p.readDouble()))));
  }

  @Override
  public void writeTo(StreamOutput out) throws IOException {
    out.writeVLong(tookMillis);
    out.writeString(method);
    out.writeCollection(hits, (o, h) -> {
      o.writeString(h.index());
      o.writeString(h.id());
      o.writeDouble(h.score());
      o.writeCollection(h.parts(), (po, p) -> {
        po.writeString(p.part());
        po.writeDouble(p.score());
        po.writeVInt(p.rank());
        po.writeDouble(p.contribution());
      });
    });
  }

  public List<Hit> hits() {
    return hits;
  }

  /** The fusion, e.g. {@code rrf(k=60)}. */
  public String method() {
    return method;
  }

  @Override
  public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
    builder.startObject().field("took", tookMillis).field("fusion", method).startArray("hits");
    for (Hit h : hits) {
      builder.startObject().field("_index", h.index()).field("_id", h.id()).field("_score", h.score());
      builder.startObject("_explanation").field("value", h.score()).field("description", method).startArray("details");
      for (PartScore p : h.parts()) {
        builder.startObject().field("part", p.part()).field("score", p.score()).field("rank", p.rank())
            .field("contribution", p.contribution()).endObject();
      }
      builder.endArray().endObject().endObject();
    }
    return builder.endArray().endObject();
  }
}
