/** Weight quantization for CPU bundles. */
package org.cxrsearch.onnx.convert.quant;
