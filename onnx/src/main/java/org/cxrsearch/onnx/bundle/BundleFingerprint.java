package org.cxrsearch.onnx.bundle;

import java.nio.charset.StandardCharsets;
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
        .orElseGet(() -> Digests.sha256OfBundleFiles(bundle.directory()));
    StringBuilder lines = new StringBuilder();
    new TreeMap<>(files).forEach((name, sha) -> lines.append(name).append('=').append(sha).append('\n'));
    return "sha256:" + Digests.hex(Digests.sha256().digest(lines.toString().getBytes(StandardCharsets.UTF_8)));
  }
}
