/** The {@code bench-convert} benchmark command. */
package org.cxrsearch.onnx.convert.bench;
