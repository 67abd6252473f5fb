package org.cxrsearch.onnx.bundle;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.cxrsearch.onnx.io.FileOps;

/**
 * Verifies the SHA-256 digests that a bundle's {@code manifest.json} lists under {@code files}.
 *
 * <h2>The verified stamp</h2>
 *
 * Hashing the 5 GB of a full-size model takes tens of seconds, too long to repeat on every start. After
 * a file has been hashed and found correct, its size, modification time, change time (where the file
 * system has one) and digest are recorded in {@value #STAMP_FILE} inside the bundle. With
 * {@link Mode#STAMPED} a later load skips hashing a file whose stamp still matches all four: the size
 * and times as they are now, and the digest the manifest lists now.
 *
 * <p>Trade-off: the stamp detects every ordinary change to a file (a re-download, a truncation, an
 * editor, a copy over it), because each of them changes the size or the times, but it trusts the file
 * system's metadata. A modification that keeps size and times, such as silent disk corruption, or a
 * writer that deliberately restores the modification time (the change time cannot be set from user
 * space, which is why it is part of the stamp), is caught only by {@link Mode#FULL}, which hashes every
 * file on every load. The stamp is no weaker a guard against tampering than the manifest itself: both
 * live in the bundle, so anyone who can rewrite one can rewrite the other. The checksums protect
 * against accidents (partial copies, corrupted downloads, mixed-up files), not against an attacker
 * with write access to the bundle.
 *
 * <p>The stamp is replaced atomically and only ever records digests that were just computed and
 * matched. A bundle on a read-only file system works, it is simply hashed on every load.
 */
public final class ChecksumVerifier {

  /** How much to trust earlier verifications. */
  public enum Mode {
    /** Re-hash a file only when its size or times changed since it was last verified. */
    STAMPED,
    /** Re-hash every listed file on every load. */
    FULL
  }

  /** Name of the stamp file inside the bundle. */
  public static final String STAMP_FILE = ".verified.json";

  private static final System.Logger LOG = System.getLogger(ChecksumVerifier.class.getName());
  private static final int STAMP_FORMAT = 1;
  private static final long LOUD_HASH_BYTES = 256L << 20;

  private final Mode mode;
  private final ObjectMapper json;

  public ChecksumVerifier(Mode mode, ObjectMapper json) {
    this.mode = Objects.requireNonNull(mode, "mode");
    this.json = Objects.requireNonNull(json, "json");
  }

  /**
   * Checks every file of {@code expected} (name relative to the bundle → lower-case hex SHA-256).
   *
   * @throws ModelLoadException naming the first file that is missing, escapes the bundle, or whose
   *     digest differs, with both digests
   */
  public void verify(Path bundleDir, Map<String, String> expected) {
    Map<String, StampEntry> previous = mode == Mode.STAMPED ? readStamp(bundleDir) : Map.of();
    Map<String, StampEntry> verified = new TreeMap<>();
    for (Map.Entry<String, String> e : new TreeMap<>(expected).entrySet()) {
      String name = e.getKey();
      String want = e.getValue().toLowerCase(Locale.ROOT);
      Path file = BundlePaths.resolveInside(bundleDir, name, BundleManifest.FILE_NAME + " entry");
      if (!Files.isRegularFile(file)) {
        throw new ModelLoadException(BundleManifest.FILE_NAME + " lists '" + name + "', which is missing from "
            + bundleDir + "; the bundle contains " + BundlePaths.list(bundleDir));
      }
      StampEntry now = StampEntry.of(file, want);
      if (now.equals(previous.get(name))) {
        verified.put(name, now);
        continue;
      }
      // Only hashing that takes noticeable time is worth a line at start-up.
      LOG.log(now.size() >= LOUD_HASH_BYTES ? System.Logger.Level.INFO : System.Logger.Level.DEBUG,
          "verifying {0} ({1} bytes) against {2}", file, now.size(), BundleManifest.FILE_NAME);
      String actual = Digests.sha256(file);
      if (!actual.equals(want)) {
        throw new ModelLoadException("checksum mismatch for " + file + ": " + BundleManifest.FILE_NAME
            + " lists sha256 " + want + " but the file has sha256 " + actual
            + "; the file is corrupt or does not belong to this bundle");
      }
      verified.put(name, now);
    }
    if (mode == Mode.STAMPED && !verified.equals(previous)) {
      writeStamp(bundleDir, verified);
    }
  }

  private Map<String, StampEntry> readStamp(Path bundleDir) {
    Path file = bundleDir.resolve(STAMP_FILE);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Map.of();
    }
    try {
      Stamp stamp = json.readValue(file.toFile(), Stamp.class);
      return stamp.format() == STAMP_FORMAT && stamp.files() != null ? stamp.files() : Map.of();
    } catch (IOException | RuntimeException e) {
      // A damaged stamp only costs a re-hash.
      LOG.log(System.Logger.Level.DEBUG, "ignoring unreadable {0}: {1}", file, e.getMessage());
      return Map.of();
    }
  }

  private void writeStamp(Path bundleDir, Map<String, StampEntry> entries) {
    Path target = bundleDir.resolve(STAMP_FILE);
    try {
      FileOps.writeAtomically(target, tmp -> json.writeValue(tmp.toFile(), new Stamp(STAMP_FORMAT, entries)));
    } catch (IOException | UncheckedIOException e) {
      LOG.log(System.Logger.Level.DEBUG, "cannot write {0} (files will be re-hashed next time): {1}", target, e.getMessage());
    }
  }

  /** Contents of {@value #STAMP_FILE}. */
  record Stamp(@JsonProperty("format") int format, @JsonProperty("files") Map<String, StampEntry> files) {}

  /**
   * What a file looked like when its digest was verified.
   *
   * @param ctimeNanos the inode change time, or -1 where the file system does not report one
   */
  record StampEntry(
      @JsonProperty("size") long size,
      @JsonProperty("mtime_ns") long mtimeNanos,
      @JsonProperty("ctime_ns") long ctimeNanos,
      @JsonProperty("sha256") String sha256) {

    static StampEntry of(Path file, String sha256) {
      try {
        long size = Files.size(file);
        long mtime = Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS);
        return new StampEntry(size, mtime, changeTime(file), sha256);
      } catch (IOException e) {
        throw new ModelLoadException("cannot read the attributes of " + file + ": " + e.getMessage(), e);
      }
    }

    private static long changeTime(Path file) throws IOException {
      try {
        return ((FileTime) Files.getAttribute(file, "unix:ctime")).to(TimeUnit.NANOSECONDS);
      } catch (UnsupportedOperationException | IllegalArgumentException e) {
        return -1;
      }
    }
  }
}
