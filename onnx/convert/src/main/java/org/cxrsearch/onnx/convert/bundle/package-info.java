/** Writing a bundle directory atomically, with checksums. */
package org.cxrsearch.onnx.convert.bundle;
