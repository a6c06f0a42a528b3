package dev.tugboat.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A command the support bundle runs in a container, its output kept as {@code filename}: a
 * container's {@code support_commands} entry ({@code source} empty: that container) or one of
 * {@code support.commands} ({@code source} names the container).
 *
 * @param command the command and its arguments, run without a shell unless it calls one
 */
public record SupportCommandSpec(String filename, List<String> command,
    Optional<ContainerRef> source) {
  public SupportCommandSpec {
    Objects.requireNonNull(filename, "filename");
    command = List.copyOf(command);
    Objects.requireNonNull(source, "source");
  }
}
