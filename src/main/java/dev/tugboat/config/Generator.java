package dev.tugboat.config;

import java.util.List;

/**
 * One of the built-in {@code cmds} commands ({@code random}, {@code cert}, ...): takes the command's
 * string arguments and returns a list of strings that config items pick from with {@code value_at}.
 */
@FunctionalInterface
public interface Generator {

  /**
   * Runs the command.
   *
   * @throws GeneratorException when the arguments are wrong or the result cannot be made; the
   *     message says which argument and what is expected
   */
  List<String> generate(List<String> args) throws GeneratorException;
}
