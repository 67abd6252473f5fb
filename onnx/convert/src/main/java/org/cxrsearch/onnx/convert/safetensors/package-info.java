/** Reading safetensors checkpoints (single file or sharded): header validation, memory-mapped data, F32/F16/BF16 decoding. */
package org.cxrsearch.onnx.convert.safetensors;
