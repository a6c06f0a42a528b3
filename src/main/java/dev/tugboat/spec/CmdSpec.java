package dev.tugboat.spec;

import java.util.List;

/** A {@code cmds} entry: a named generator ({@code random}, {@code publicip}, ...) and its arguments. */
public record CmdSpec(String name, String cmd, List<String> args) {
  public CmdSpec {
    args = List.copyOf(args);
  }
}
