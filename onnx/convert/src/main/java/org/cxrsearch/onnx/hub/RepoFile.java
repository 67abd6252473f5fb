package org.cxrsearch.onnx.hub;

import java.util.Objects;

/**
 * One file of a repository revision, as the hub's metadata describes it.
 *
 * @param name path relative to the repository root
 * @param size size in bytes
 * @param sha256 SHA-256 of the content for files stored in Git LFS (the large ones), else null
 * @param gitBlobId the git object id (SHA-1 of {@code "blob <size>\0" + content}) for files stored in
 *     git itself, else null
 */
public record RepoFile(String name, long size, String sha256, String gitBlobId) {

  public RepoFile {
    Objects.requireNonNull(name, "name");
    if (size < 0) {
      throw new IllegalArgumentException("negative size for " + name);
    }
  }

  /** Whether the metadata gives a digest to check the content against. */
  public boolean hasDigest() {
    return sha256 != null || gitBlobId != null;
  }
}
