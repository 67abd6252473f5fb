package org.cxrsearch.onnx.testing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The PyTorch reference's outputs for the tiny fixture ({@code goldens.json}): texts, the
 * left-padded batch it built, and the embeddings of every text in that batch and alone.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Goldens(@JsonProperty("cases") List<Case> cases) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Case(
      @JsonProperty("id") String id,
      @JsonProperty("mode") String mode,
      @JsonProperty("texts") List<String> texts,
      @JsonProperty("input_ids") long[][] inputIds,
      @JsonProperty("attention_mask") long[][] attentionMask,
      @JsonProperty("embed_mask") long[][] embedMask,
      @JsonProperty("embedding_batched") float[][] embeddingBatched,
      @JsonProperty("embedding_single") float[][] embeddingSingle,
      @JsonProperty("similarities") float[] similarities) {

    /** Whether the case goes through the separator API ({@code separator} and {@code similarities}). */
    public boolean separatorMode() {
      return !mode.equals("encode_text");
    }

    /** Row {@code i}'s token ids without the reference's left padding. */
    public long[] unpaddedIds(int i) {
      return unpad(inputIds[i], attentionMask[i]);
    }

    /** Row {@code i}'s pooling mask over its real tokens. */
    public long[] unpaddedEmbedMask(int i) {
      return unpad(embedMask[i], attentionMask[i]);
    }

    private static long[] unpad(long[] row, long[] attention) {
      List<Long> out = new ArrayList<>();
      for (int t = 0; t < row.length; t++) {
        if (attention[t] == 1) {
          out.add(row[t]);
        }
      }
      return out.stream().mapToLong(Long::longValue).toArray();
    }
  }

  public static Goldens load(Path file) {
    try {
      return new ObjectMapper().readValue(file.toFile(), Goldens.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
