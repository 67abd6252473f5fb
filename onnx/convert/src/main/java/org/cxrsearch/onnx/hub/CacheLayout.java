package org.cxrsearch.onnx.hub;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cxrsearch.onnx.io.FileOps;

/**
 * The on-disk layout of the model cache ({@code ~/.cache/cxrsearch} unless configured):
 *
 * <pre>
 * {root}/
 *   hub/models--{owner}--{name}/
 *     refs/{revision}              the commit the revision last resolved to (one line; replaced atomically)
 *     snapshots/{commit}/          a complete, verified checkpoint: config.json, *.safetensors, tokenizer files
 *     incomplete/{commit}/         a download in progress:
 *       {file}.incomplete          bytes received so far, resumed with an HTTP Range request
 *       {file}                     a file already checked against the hub's size and digest
 *       .lock                      held by the process that downloads this commit
 *   bundles/{key}/                 ONNX bundles converted from a checkpoint (key: source, commit or
 *                                  content hash, conversion options)
 *   locks/{key}.lock               held while {key} is being converted
 * </pre>
 *
 * <p>Nothing is trusted because it exists half-written: a downloaded file gets its final name only
 * after its size and digest matched; a snapshot directory appears by one atomic rename of the
 * {@code incomplete/{commit}} directory once every file is there; a bundle appears by the converter's
 * atomic rename; a ref is written after its snapshot. A crash at any point leaves either the old state
 * or a resumable {@code incomplete/} directory. Snapshots are keyed by commit, so a branch that moves
 * on the hub never changes a cached snapshot: it resolves to a new commit and a new directory.
 *
 * @param root the cache directory
 */
public record CacheLayout(Path root) {

  public CacheLayout {
    Objects.requireNonNull(root, "root");
  }

  public Path repoDir(RepoId repo) {
    return root.resolve("hub").resolve("models--" + repo.owner() + "--" + repo.name());
  }

  public Path refFile(RepoId repo) {
    return repoDir(repo).resolve("refs").resolve(fileName(repo.revision()));
  }

  public Path snapshotDir(RepoId repo, String commit) {
    return repoDir(repo).resolve("snapshots").resolve(commit);
  }

  public Path incompleteDir(RepoId repo, String commit) {
    return repoDir(repo).resolve("incomplete").resolve(commit);
  }

  public Path bundleDir(String key) {
    return root.resolve("bundles").resolve(key);
  }

  public Path lockFile(String key) {
    return root.resolve("locks").resolve(key + ".lock");
  }

  /** The commit {@code repo}'s revision last resolved to, if it was recorded. */
  public Optional<String> readRef(RepoId repo) {
    Path ref = refFile(repo);
    try {
      return Files.isRegularFile(ref) ? Optional.of(Files.readString(ref).trim()).filter(RepoId::isCommit)
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Records that {@code repo}'s revision resolved to {@code commit}. */
  public void writeRef(RepoId repo, String commit) throws IOException {
    FileOps.writeAtomically(refFile(repo), commit + "\n");
  }

  /** The commits with a complete snapshot of {@code repo}, for error messages. */
  public List<String> cachedCommits(RepoId repo) {
    Path dir = repoDir(repo).resolve("snapshots");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** A revision ({@code refs/pr/1}, {@code v1.0}) as one safe file name. */
  private static String fileName(String revision) {
    return URLEncoder.encode(revision, StandardCharsets.UTF_8);
  }
}
