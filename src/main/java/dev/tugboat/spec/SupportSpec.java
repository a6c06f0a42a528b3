package dev.tugboat.spec;

import java.util.List;

/**
 * The top-level {@code support} section: files and commands of named containers for the support
 * bundle, and {@code timeout}, the seconds the vendor gives them ({@code 0}: not given).
 */
public record SupportSpec(int timeoutSeconds, List<SupportFileSpec> files,
    List<SupportCommandSpec> commands) {

  public static final SupportSpec NONE = new SupportSpec(0, List.of(), List.of());

  public SupportSpec {
    files = List.copyOf(files);
    commands = List.copyOf(commands);
  }
}
