package org.cxrsearch.onnx.encode;

import java.util.Optional;
import java.util.OptionalInt;
import org.cxrsearch.onnx.bundle.BundleManifest;
import org.cxrsearch.onnx.bundle.ModelBundle;
import org.cxrsearch.onnx.bundle.ModelFamily;
import org.cxrsearch.onnx.bundle.ModelLoadException;
import org.cxrsearch.onnx.run.GraphOps;
import org.cxrsearch.onnx.run.ModelSignature;

/**
 * What a bundle is, settled before any text is encoded: the manifest where it speaks, the graph's
 * signature where it does not, family defaults last, and the two checked against each other.
 *
 * @param family the architecture family
 * @param output the graph output to read
 * @param hidden vector width
 * @param maxLength tokens per text, special tokens included
 * @param format how instructions are attached
 * @param padId the id padding batches
 * @param batchDependent whether the graph quantizes activations per tensor, so that batching would
 *     make a vector depend on its batch neighbours
 */
record ModelDescription(ModelFamily family, ModelSignature.Port output, int hidden, int maxLength,
    InstructionFormat format, long padId, boolean batchDependent) {

  static ModelDescription of(ModelBundle bundle, ModelSignature signature, EncoderConfig config) {
    Optional<BundleManifest> manifest = bundle.manifest();
    ModelFamily family = manifest.map(BundleManifest::modelFamily).or(signature::inferFamily)
        .orElseThrow(() -> new ModelLoadException("cannot tell what model " + bundle.model() + " is: it has inputs "
            + signature.inputs() + " and outputs " + signature.outputs() + "; expected an LLM2Vec4CXR graph (inputs"
            + " input_ids, attention_mask, embed_mask; output embedding) or a sentence-transformer graph (output"
            + " last_hidden_state), or a manifest.json naming the family"));
    ModelSignature.Port output = signature.require(family);
    int hidden = hiddenSize(bundle, manifest, ModelSignature.staticWidth(output));
    int maxLength = config.maxLength() > 0 ? config.maxLength()
        : manifest.map(BundleManifest::maxLength).filter(m -> m > 0).orElse(ModelFamily.DEFAULT_MAX_LENGTH);
    InstructionFormat format = manifest.map(BundleManifest::separator).filter(s -> !s.isEmpty())
        .map(InstructionFormat::new).orElse(InstructionFormat.LLM2VEC);
    long padId = manifest.map(BundleManifest::padId).orElse(family.defaultPadId());
    return new ModelDescription(family, output, hidden, maxLength, format, padId,
        GraphOps.read(bundle.model()).batchDependent());
  }

  private static int hiddenSize(ModelBundle bundle, Optional<BundleManifest> manifest, OptionalInt fromGraph) {
    OptionalInt declared = manifest.map(BundleManifest::hiddenSize).filter(h -> h > 0)
        .map(OptionalInt::of).orElse(OptionalInt.empty());
    if (declared.isPresent() && fromGraph.isPresent() && declared.getAsInt() != fromGraph.getAsInt()) {
      throw new ModelLoadException(bundle.directory() + ": manifest.json says hidden_size " + declared.getAsInt()
          + " but the graph's output has width " + fromGraph.getAsInt());
    }
    if (declared.isPresent()) {
      return declared.getAsInt();
    }
    if (fromGraph.isPresent()) {
      return fromGraph.getAsInt();
    }
    throw new ModelLoadException(bundle.directory() + ": the graph's output width is symbolic and there is no"
        + " manifest.json with hidden_size");
  }
}
