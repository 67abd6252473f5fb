package org.cxrsearch.onnx.hub;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A repository at one commit: what the hub's revision metadata says.
 *
 * @param repo the repository and the revision that was asked for
 * @param commit the 40-hex commit the revision resolved to
 * @param files every file of the commit
 */
public record RepoSnapshot(RepoId repo, String commit, List<RepoFile> files) {

  public RepoSnapshot {
    Objects.requireNonNull(repo, "repo");
    if (!RepoId.isCommit(commit)) {
      throw new IllegalArgumentException("'" + commit + "' is not a commit id");
    }
    files = List.copyOf(files);
  }

  public Optional<RepoFile> file(String name) {
    return files.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  public List<String> names() {
    return files.stream().map(RepoFile::name).sorted().toList();
  }
}
