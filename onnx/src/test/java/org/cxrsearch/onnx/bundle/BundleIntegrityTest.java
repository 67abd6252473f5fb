package org.cxrsearch.onnx.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleIntegrityTest {

  @TempDir Path tmp;

  private final ObjectMapper json = new ObjectMapper();

  /** A float tensor of {@code n} elements whose bytes live in {@code location}. */
  private static TensorProto external(String name, String location, long offset, long n) {
    return TensorProto.newBuilder()
        .setName(name)
        .setDataType(TensorProto.DataType.FLOAT.getNumber())
        .addDims(n)
        .setDataLocation(TensorProto.DataLocation.EXTERNAL)
        .addExternalData(entry("location", location))
        .addExternalData(entry("offset", Long.toString(offset)))
        .addExternalData(entry("length", Long.toString(4 * n)))
        .build();
  }

  private static StringStringEntryProto entry(String k, String v) {
    return StringStringEntryProto.newBuilder().setKey(k).setValue(v).build();
  }

  private Path bundle(TensorProto... initializers) throws IOException {
    return bundle(GraphProto.newBuilder().setName("g").addAllInitializer(List.of(initializers)).build());
  }

  private Path bundle(GraphProto graph) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("bundle"));
    Files.write(dir.resolve(ModelBundle.MODEL_FILE),
        ModelProto.newBuilder().setIrVersion(8).setGraph(graph).build().toByteArray());
    Files.writeString(dir.resolve(ModelBundle.TOKENIZER_FILE), "{}");
    return dir;
  }

  /** Loading {@code dir} fails with a message holding every fragment. */
  private static void assertRefused(Path dir, String... fragments) {
    assertRefused(new BundleLoader(), dir, fragments);
  }

  private static void assertRefused(BundleLoader loader, Path dir, String... fragments) {
    String message = assertThrows(ModelLoadException.class, () -> loader.load(dir)).getMessage();
    for (String f : fragments) {
      assertTrue(message.contains(f), "expected '" + f + "' in: " + message);
    }
  }

  private static void weights(Path dir, String name, int bytes) throws IOException {
    Files.write(dir.resolve(name), new byte[bytes]);
  }

  @Test
  void dotDotLocationIsRefusedNamingTensorAndLocation() throws IOException {
    Path dir = bundle(external("layer0.weight", "../../etc/passwd", 0, 4));
    assertRefused(dir, "tensor 'layer0.weight'", "'../../etc/passwd'", "'..'");
  }

  @Test
  void absoluteLocationsAreRefused() throws IOException {
    for (String location : List.of("/etc/passwd", "\\\\server\\share\\w.bin", "C:\\Windows\\win.ini")) {
      Path dir = bundle(external("w", location, 0, 1));
      assertRefused(dir, "'" + location + "', which is absolute");
    }
  }

  @Test
  void ortInMemoryTagIsRefused() throws IOException {
    Path dir = bundle(external("layer0.weight", "*/_ORT_MEM_ADDR_/*", 140_000_000_000L, 4));
    assertRefused(dir, "tensor 'layer0.weight'", "'*/_ORT_MEM_ADDR_/*'", "in-memory tag");
  }

  @Test
  void wildcardAndControlCharactersAreRefused() throws IOException {
    Map<String, String> reasons = Map.of(
        "weights*.bin", "the wildcard '*' at index 7",
        "w?.bin", "the wildcard '?' at index 1",
        "w\n.bin", "the control character U+000A at index 1",
        "w\0.bin", "the control character U+0000 at index 1");
    for (var e : reasons.entrySet()) {
      Path dir = bundle(external("w", e.getKey(), 0, 1));
      weights(dir, "weights.bin", 4);
      assertRefused(dir, "tensor 'w'", "'" + e.getKey() + "'", e.getValue());
    }
  }

  @Test
  void modelAndTokenizerSymlinkedOutOfAManifestlessBundleAreRefused() throws IOException {
    Path dir = bundle(external("w", "weights.bin", 0, 1));
    weights(dir, "weights.bin", 4);
    for (String file : List.of(ModelBundle.MODEL_FILE, ModelBundle.TOKENIZER_FILE)) {
      Path outside = tmp.resolve("outside-" + file);
      Files.move(dir.resolve(file), outside);
      Files.createSymbolicLink(dir.resolve(file), outside);
      assertRefused(dir, "'" + file + "'", "symbolic link to " + outside.toRealPath());
      Files.delete(dir.resolve(file));
      Files.move(outside, dir.resolve(file));
    }
    new BundleLoader().load(dir); // the same bundle with its own files loads
  }

  @Test
  void symlinkLeavingTheBundleIsRefused() throws IOException {
    Path outside = Files.write(tmp.resolve("secret.bin"), new byte[64]);
    Path dir = bundle(external("w", "weights.bin", 0, 4));
    Files.createSymbolicLink(dir.resolve("weights.bin"), outside);
    assertRefused(dir, "symbolic link to " + outside.toRealPath());
  }

  @Test
  void symlinkInsideTheBundleIsAccepted() throws IOException {
    Path dir = bundle(external("w", "weights.bin", 0, 4));
    weights(dir, "real.bin", 16);
    Files.createSymbolicLink(dir.resolve("weights.bin"), dir.resolve("real.bin"));
    new BundleLoader().load(dir);
  }

  @Test
  void escapingLocationInsideAConstantNodeIsRefused() throws IOException {
    NodeProto constant = NodeProto.newBuilder().setOpType("Constant").addOutput("c")
        .addAttribute(AttributeProto.newBuilder().setName("value").setType(AttributeProto.AttributeType.TENSOR)
            .setT(external("const.value", "sub/../../x.bin", 0, 1)))
        .build();
    Path dir = bundle(GraphProto.newBuilder().setName("g").addNode(constant).build());
    assertRefused(dir, "tensor 'const.value'");
  }

  @Test
  void missingAndTruncatedExternalFilesAreReported() throws IOException {
    Path dir = bundle(external("a", "weights.bin", 0, 4), external("b", "weights.bin", 16, 4));
    assertRefused(dir, "'weights.bin', which does not exist");

    weights(dir, "weights.bin", 20); // "a" fits, "b" needs [16, 32)
    assertRefused(dir, "tensor 'b'", "[16, 32)", "only 20 bytes");

    weights(dir, "weights.bin", 32);
    ModelBundle ok = new BundleLoader().load(dir);
    assertEquals(dir.toAbsolutePath().normalize(), ok.directory());
  }

  @Test
  void anOffsetPlusLengthBeyondLongRangeIsRefusedNotWrappedAround() throws IOException {
    // offset + length wraps to a negative end, which used to pass the "end > file size" check
    Path dir = bundle(external("w", "w.bin", Long.MAX_VALUE - 8, 4));
    weights(dir, "w.bin", 64);
    assertRefused(dir, "tensor 'w'", "'w.bin'", "only 64 bytes");
  }

  @Test
  void aShapeWhoseByteSizeOverflowsIsRefusedNamingTheTensor() throws IOException {
    TensorProto huge = TensorProto.newBuilder().setName("huge").setDataType(TensorProto.DataType.FLOAT.getNumber())
        .addDims(1L << 40).addDims(1L << 40).setDataLocation(TensorProto.DataLocation.EXTERNAL)
        .addExternalData(entry("location", "w.bin")).build();
    Path dir = bundle(huge);
    weights(dir, "w.bin", 64);
    assertRefused(dir, "tensor 'huge'", "w.bin");
  }

  @Test
  void lengthDefaultsToTheTensorSizeFromTypeAndShape() throws IOException {
    TensorProto noLength = TensorProto.newBuilder().setName("w").setDataType(TensorProto.DataType.FLOAT.getNumber())
        .addDims(3).addDims(5).setDataLocation(TensorProto.DataLocation.EXTERNAL)
        .addExternalData(entry("location", "w.bin")).build();
    Path dir = bundle(noLength);
    weights(dir, "w.bin", 59);
    assertRefused(dir, "[0, 60)");
  }

  @Test
  void externalReferencesAreListedInGraphOrder() throws IOException {
    Path dir = bundle(external("a", "x.bin", 0, 2), external("b", "y.bin", 8, 3));
    List<ExternalData.Reference> refs = ExternalData.references(dir.resolve(ModelBundle.MODEL_FILE));
    assertEquals(List.of("a", "b"), refs.stream().map(ExternalData.Reference::tensor).toList());
    assertEquals(8, refs.get(1).offset());
    assertEquals(12, refs.get(1).requiredLength().getAsLong());
  }

  @Test
  void fixtureModelWithInlineWeightsHasNoExternalData() {
    Path onnx = Path.of(System.getProperty("cxr.testdata"), "llm2vec4cxr-tiny", "onnx");
    assertEquals(List.of(), ExternalData.references(onnx.resolve(ModelBundle.MODEL_FILE)));
    new BundleLoader().load(onnx);
  }

  // ---- checksums ----

  private Path checksummedBundle() throws IOException {
    Path dir = bundle(external("w", "weights.bin", 0, 4));
    Files.write(dir.resolve("weights.bin"), "0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    writeManifest(dir, Map.of(
        "model.onnx", Digests.sha256(dir.resolve("model.onnx")),
        "tokenizer.json", Digests.sha256(dir.resolve("tokenizer.json")),
        "weights.bin", Digests.sha256(dir.resolve("weights.bin"))));
    return dir;
  }

  /** A mutable copy of the checksums the bundle's manifest lists (loading, so verifying, it first). */
  private static Map<String, String> listed(Path dir) {
    return new LinkedHashMap<>(new BundleLoader().load(dir).manifest().orElseThrow().files());
  }

  private void writeManifest(Path dir, Map<String, String> files) throws IOException {
    json.writeValue(dir.resolve(BundleManifest.FILE_NAME).toFile(),
        new BundleManifest(1, "llm2vec4cxr", "t", 4, 512, "!@#$%^&*()", 128009L, "fp32", files));
  }

  @Test
  void tamperedFileIsRefusedWithBothDigests() throws IOException {
    Path dir = checksummedBundle();
    new BundleLoader().load(dir);
    String good = Digests.sha256(dir.resolve("weights.bin"));
    // Same size, different content, and the modification time put back: the change time still differs.
    FileTime mtime = Files.getLastModifiedTime(dir.resolve("weights.bin"));
    Files.write(dir.resolve("weights.bin"), "0123456789abcdeX".getBytes(StandardCharsets.US_ASCII));
    Files.setLastModifiedTime(dir.resolve("weights.bin"), mtime);
    String bad = Digests.sha256(dir.resolve("weights.bin"));

    assertRefused(dir, "checksum mismatch for " + dir.resolve("weights.bin"), "lists sha256 " + good,
        "the file has sha256 " + bad);
  }

  @Test
  void digestIsComparedIndependentlyOfHexCase() throws IOException {
    Path dir = checksummedBundle();
    BundleManifest m = new BundleLoader().load(dir).manifest().orElseThrow();
    Map<String, String> upper = new LinkedHashMap<>();
    m.files().forEach((k, v) -> upper.put(k, v.toUpperCase(java.util.Locale.ROOT)));
    writeManifest(dir, upper);
    new BundleLoader(json, ChecksumVerifier.Mode.FULL).load(dir);
  }

  @Test
  void stampSkipsHashingUnchangedFilesAndFullModeDoesNot() throws IOException {
    Path dir = checksummedBundle();
    Map<String, String> manifest = listed(dir);
    Path stampFile = dir.resolve(ChecksumVerifier.STAMP_FILE);
    ChecksumVerifier.Stamp stamp = json.readValue(stampFile.toFile(), ChecksumVerifier.Stamp.class);
    assertEquals(16, stamp.files().get("weights.bin").size());
    assertEquals(Digests.sha256(dir.resolve("weights.bin")), stamp.files().get("weights.bin").sha256());

    // Forge the stamp and the manifest to claim a wrong digest while size and times are untouched:
    // the stamped mode believes it (that is the documented trade-off), the full mode re-hashes.
    String forged = "0".repeat(64);
    Map<String, ChecksumVerifier.StampEntry> files = new LinkedHashMap<>(stamp.files());
    ChecksumVerifier.StampEntry w = files.get("weights.bin");
    files.put("weights.bin", new ChecksumVerifier.StampEntry(w.size(), w.mtimeNanos(), w.ctimeNanos(), forged));
    json.writeValue(stampFile.toFile(), new ChecksumVerifier.Stamp(1, files));
    manifest.put("weights.bin", forged);
    writeManifest(dir, manifest);

    new BundleLoader(json, ChecksumVerifier.Mode.STAMPED).load(dir);
    assertRefused(new BundleLoader(json, ChecksumVerifier.Mode.FULL), dir, "lists sha256 " + forged);
  }

  @Test
  void manifestMustCoverEveryFileTheModelReads() throws IOException {
    Path dir = checksummedBundle();
    Map<String, String> files = listed(dir);
    files.remove("weights.bin");
    writeManifest(dir, files);
    assertRefused(dir, "none for 'weights.bin'");
  }

  @Test
  void manifestEntriesMustStayInsideTheBundle() throws IOException {
    Path dir = checksummedBundle();
    Files.writeString(tmp.resolve("outside.txt"), "x");
    Map<String, String> files = listed(dir);
    files.put("../outside.txt", Digests.sha256(tmp.resolve("outside.txt")));
    writeManifest(dir, files);
    assertRefused(dir, "manifest.json entry refers to '../outside.txt'");
  }

  @Test
  void missingListedFileIsNamed() throws IOException {
    Path dir = checksummedBundle();
    Files.delete(dir.resolve("weights.bin"));
    assertRefused(dir, "lists 'weights.bin', which is missing");
  }
}
