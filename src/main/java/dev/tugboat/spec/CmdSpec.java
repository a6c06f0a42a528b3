package dev.tugboat.spec;

import java.util.List;

/** A {@code cmds} entry: a named generator ({@code random}, {@code publicip}, ...) and its arguments. */
public record CmdSpec(String name, String cmd, List<String> args) {
  public CmdSpec {
    args = List.copyOf(args);
  }

  /**
   * How validation and the generator both refuse {@code random} with {@code count} arguments, or
   * empty when the count is right.
   */
  public static java.util.Optional<String> randomArityProblem(int count) {
    return count >= 1 && count <= 2 ? java.util.Optional.empty() : java.util.Optional.of(
        "random takes LENGTH [CHARSET] (e.g. [\"32\"] or [\"16\", \"[a-f0-9]\"]), got " + count
            + " arguments");
  }
}
