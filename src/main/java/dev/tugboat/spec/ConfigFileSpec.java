package dev.tugboat.spec;

import java.util.Optional;

/**
 * A {@code config_files} entry: written into the container before it starts; contents raw. {@code
 * fromRepository} is present when the entry names a file in a repository ({@code source: github})
 * instead of giving its contents.
 */
public record ConfigFileSpec(
    String filename, String contents, String fileMode, String fileOwner, String when,
    Optional<RepositoryFileSpec> fromRepository) {

  public ConfigFileSpec(
      String filename, String contents, String fileMode, String fileOwner, String when) {
    this(filename, contents, fileMode, fileOwner, when, Optional.empty());
  }

  /**
   * {@code source}, {@code owner}, {@code repo}, {@code path}, {@code ref} of a config file that
   * Replicated fetched from GitHub when it released the app; as written ({@code ""} when absent).
   */
  public record RepositoryFileSpec(String source, String owner, String repo, String path,
      String ref) {

    /** {@code owner/repo path@ref}, for messages. */
    public String describe() {
      String where = owner + "/" + repo + (path.isEmpty() ? "" : " " + path);
      return ref.isEmpty() ? where : where + " at " + ref;
    }
  }
}
