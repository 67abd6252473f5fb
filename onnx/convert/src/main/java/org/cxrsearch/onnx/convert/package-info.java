/**
 * Checkpoint conversion: a Hugging Face LLM2Vec4CXR checkpoint to a cxrsearch model bundle.
 *
 * <p>Entry point {@link org.cxrsearch.onnx.convert.CheckpointConverter}. Stages, one package each:
 * {@code safetensors} (read and decode the weights) → {@code checkpoint} (config, expected layout,
 * validation, tokenizer check) → {@code graph} (the ONNX graph of MODEL.md, fused or plain
 * operators) with {@code quant} (block-quantized weights) → {@code bundle} (atomic write,
 * checksums). {@code cli} holds the {@code convert} command, {@code bench} the {@code bench-convert}
 * command.
 */
package org.cxrsearch.onnx.convert;
