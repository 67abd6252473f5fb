package org.cxrsearch.onnx.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
    return "sha256:" + HexFormat.of().formatHex(sha256().digest(lines.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /** Lower-case hex SHA-256 of a file's bytes. */
  public static String sha256(Path file) {
    MessageDigest md = sha256();
    byte[] buf = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return HexFormat.of().formatHex(md.digest());
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

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
