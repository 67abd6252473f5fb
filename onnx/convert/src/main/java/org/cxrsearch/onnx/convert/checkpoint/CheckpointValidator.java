package org.cxrsearch.onnx.convert.checkpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cxrsearch.onnx.convert.ConversionException;
import org.cxrsearch.onnx.convert.safetensors.Checkpoint;
import org.cxrsearch.onnx.convert.safetensors.TensorInfo;

/**
 * Checks a checkpoint's tensors against {@link CheckpointLayout}: every expected tensor present with
 * its exact shape, nothing else. On any mismatch it throws one {@link ConversionException} listing
 * all missing, extra and mis-shaped tensors, and a summary of what the checkpoint does hold.
 */
public final class CheckpointValidator {

  /** Validates and returns the layout (the latent count L comes from {@code latent_attn.latents}). */
  public CheckpointLayout validate(LlamaConfig config, Checkpoint checkpoint) {
    Map<String, TensorInfo> found = checkpoint.tensors();
    TensorInfo latents = found.get(CheckpointLayout.LATENTS);
    int l = latents != null && latents.shape().length == 2 ? (int) latents.shape()[0] : 0;
    CheckpointLayout layout = new CheckpointLayout(config, l);
    Map<String, long[]> expected = layout.expected();

    List<String> missing = new ArrayList<>();
    List<String> wrongShape = new ArrayList<>();
    for (Map.Entry<String, long[]> e : expected.entrySet()) {
      TensorInfo t = found.get(e.getKey());
      String want = e.getKey().equals(CheckpointLayout.LATENTS)
          ? "[L, " + config.hiddenSize() + "]" : Arrays.toString(e.getValue());
      if (t == null) {
        missing.add(e.getKey() + " " + want);
      } else if (!Arrays.equals(t.shape(), e.getValue()) || e.getKey().equals(CheckpointLayout.LATENTS) && l <= 0) {
        wrongShape.add(e.getKey() + ": expected " + want + ", found " + t.shapeString());
      }
    }
    List<String> extra = new ArrayList<>();
    for (TensorInfo t : found.values()) {
      if (!expected.containsKey(t.name())) {
        extra.add(t.name() + " " + t.shapeString());
      }
    }
    if (missing.isEmpty() && wrongShape.isEmpty() && extra.isEmpty()) {
      return layout;
    }
    StringBuilder msg = new StringBuilder("checkpoint does not have the LLM2Vec4CXR layout of MODEL.md for its "
        + "config.json (hidden " + config.hiddenSize() + ", " + config.layers() + " layers, vocab "
        + config.vocabSize() + ")");
    section(msg, "missing", missing);
    section(msg, "wrong shape", wrongShape);
    section(msg, "unexpected", extra);
    msg.append("\n  the checkpoint holds ").append(found.size()).append(" tensors:");
    summarize(found).forEach((pattern, shape) -> msg.append("\n    ").append(pattern).append(' ').append(shape));
    throw new ConversionException(msg.toString());
  }

  private static void section(StringBuilder msg, String title, List<String> items) {
    if (!items.isEmpty()) {
      msg.append("\n  ").append(title).append(" (").append(items.size()).append("):");
      items.forEach(i -> msg.append("\n    ").append(i));
    }
  }

  /** Collapses per-layer names to {@code model.layers.{l}.x} so the listing stays readable. */
  private static Map<String, String> summarize(Map<String, TensorInfo> found) {
    Map<String, List<String>> byPattern = new TreeMap<>();
    for (TensorInfo t : found.values()) {
      String pattern = t.name().replaceFirst("^model\\.layers\\.\\d+\\.", "model.layers.{l}.");
      byPattern.computeIfAbsent(pattern, k -> new ArrayList<>()).add(t.dtype() + " " + t.shapeString());
    }
    Map<String, String> out = new TreeMap<>();
    byPattern.forEach((p, shapes) -> {
      List<String> distinct = shapes.stream().distinct().toList();
      String shape = distinct.size() == 1 ? distinct.get(0) : distinct.toString();
      out.put(p, shapes.size() == 1 ? shape : shape + " x" + shapes.size());
    });
    return out;
  }
}
