package dev.tugboat.spec;

import java.util.Objects;
import java.util.Optional;

/**
 * A file the support bundle takes from a container: a container's {@code support_files} entry
 * ({@code source} empty: that container) or one of {@code support.files} ({@code source} names the
 * container, as {@code source.replicated.component} and {@code .container}).
 *
 * @param filename the file's absolute path inside the container
 */
public record SupportFileSpec(String filename, Optional<ContainerRef> source) {
  public SupportFileSpec {
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(source, "source");
  }
}
