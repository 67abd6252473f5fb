package org.cxrsearch.onnx.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stable identity for a bundle's contents: SHA-256 over the sorted {@code name=sha256} lines of
 * its files. Taken from the manifest's checksums when it lists them (no hashing at start-up);
 * otherwise every regular file of the bundle except the manifest is hashed, external-data files
 * included, so two bundles with the same fingerprint compute the same vectors.
 */
public final class BundleFingerprint {

  private BundleFingerprint() {}

  public static String of(ModelBundle bundle) {
    Map<String, String> files = bundle.manifest().map(BundleManifest::files).filter(f -> !f.isEmpty())
        .orElseGet(() -> hashAll(bundle.directory()));
    StringBuilder lines = new StringBuilder();
    new TreeMap<>(files).forEach((name, sha) -> lines.append(name).append('=').append(sha).append('\n'));
    return "sha256:" + Digests.hex(Digests.sha256().digest(lines.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /** Lower-case hex SHA-256 of a file's bytes. */
  public static String sha256(Path file) {
    return Digests.sha256(file);
  }

  private static Map<String, String> hashAll(Path dir) {
    Map<String, String> out = new TreeMap<>();
    try (var s = Files.list(dir)) {
      List<Path> files = s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().equals(BundleManifest.FILE_NAME))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .toList();
      for (Path f : files) {
        out.put(f.getFileName().toString(), sha256(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return out;
  }
}
