package org.cxrsearch.onnx.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Lower-case hex message digests of files, as written in manifests and by the Hugging Face hub. */
public final class Digests {

  private static final int BUFFER = 1 << 20;

  private Digests() {}

  /** A fresh SHA-256 digest. */
  public static MessageDigest sha256() {
    return digest("SHA-256");
  }

  /** A fresh SHA-1 digest (git object ids). */
  public static MessageDigest sha1() {
    return digest("SHA-1");
  }

  /** The lower-case hex SHA-256 of a file's content. */
  public static String sha256(Path file) {
    MessageDigest md = sha256();
    update(md, file);
    return hex(md.digest());
  }

  /** Feeds the whole content of {@code file} to {@code md}. */
  public static void update(MessageDigest md, Path file) {
    byte[] buffer = new byte[BUFFER];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        md.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * File name to SHA-256 of every file that makes up a bundle directory: its regular files, not
   * recursive, except {@code manifest.json} (which lists these digests) and dot-files (stamps,
   * staging leftovers).
   */
  public static java.util.Map<String, String> sha256OfBundleFiles(Path dir) {
    java.util.Map<String, String> out = new java.util.TreeMap<>();
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = f.getFileName().toString();
        if (!name.equals(BundleManifest.FILE_NAME) && !name.startsWith(".")) {
          out.put(name, sha256(f));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    return out;
  }

  public static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is required of every Java platform", e);
    }
  }
}
