/** The {@code convert} command. */
package org.cxrsearch.onnx.convert.cli;
