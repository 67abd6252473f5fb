/** The ONNX graph of LLM2Vec4CXR, built with a small typed builder over the ONNX protobuf; weights go to external data. */
package org.cxrsearch.onnx.convert.graph;
