/** What a checkpoint must contain: the Llama config, the tensor layout of MODEL.md §1, its validation, and the tokenizer check. */
package org.cxrsearch.onnx.convert.checkpoint;
