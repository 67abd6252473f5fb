package org.cxrsearch.onnx.hub;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Hugging Face model repository at a revision: {@code owner/name} or {@code owner/name@revision}.
 * The revision is a branch, a tag or a commit; it defaults to {@code main}.
 *
 * @param owner user or organisation
 * @param name repository name
 * @param revision branch, tag or 40-hex commit
 */
public record RepoId(String owner, String name, String revision) {

  public static final String DEFAULT_REVISION = "main";

  // The hub's rules: letters, digits, '-', '_', '.', not starting with '-' or '.', at most 96 characters.
  private static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,95}");
  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

  public RepoId {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(revision, "revision");
    if (!PART.matcher(owner).matches() || !PART.matcher(name).matches() || (owner + name).contains("..")) {
      throw new IllegalArgumentException("'" + owner + "/" + name + "' is not a Hugging Face repository id");
    }
    if (revision.isBlank() || revision.contains("..") || revision.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("'" + revision + "' is not a revision");
    }
  }

  /** Whether {@code spec} has the shape of a repository id ({@code owner/name[@revision]}). */
  public static boolean looksLike(String spec) {
    String repo = spec.contains("@") ? spec.substring(0, spec.indexOf('@')) : spec;
    int slash = repo.indexOf('/');
    return slash > 0 && slash == repo.lastIndexOf('/') && PART.matcher(repo.substring(0, slash)).matches()
        && PART.matcher(repo.substring(slash + 1)).matches();
  }

  /** Parses {@code owner/name[@revision]}. */
  public static RepoId parse(String spec) {
    int at = spec.indexOf('@');
    String repo = at < 0 ? spec : spec.substring(0, at);
    String revision = at < 0 ? DEFAULT_REVISION : spec.substring(at + 1);
    int slash = repo.indexOf('/');
    if (slash <= 0 || slash != repo.lastIndexOf('/')) {
      throw new IllegalArgumentException("'" + spec + "' is not a Hugging Face repository id (owner/name[@revision])");
    }
    return new RepoId(repo.substring(0, slash), repo.substring(slash + 1), revision);
  }

  /** {@code owner/name}. */
  public String repo() {
    return owner + "/" + name;
  }

  /** Whether the revision is a full commit id, which never moves. */
  public boolean pinned() {
    return COMMIT.matcher(revision).matches();
  }

  static boolean isCommit(String s) {
    return s != null && COMMIT.matcher(s).matches();
  }

  @Override
  public String toString() {
    return repo() + "@" + revision;
  }
}
