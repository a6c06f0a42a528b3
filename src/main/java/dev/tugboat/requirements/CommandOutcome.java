package dev.tugboat.requirements;

import java.util.List;

/**
 * What a custom requirement's command gave, as Replicated's conditions read it: a status code (a
 * container's exit code; 0 success, 1 general error, 22 invalid argument, 62 timeout, 98 address
 * in use, 111 connection refused), whether it failed to run ({@code error}, with why), and its
 * result messages ({@code .Results}; {@code .Result} is the first).
 */
public record CommandOutcome(int statusCode, boolean error, String errorText, List<String> results) {

  public CommandOutcome {
    results = List.copyOf(results);
  }

  public static CommandOutcome of(int statusCode, String result) {
    return new CommandOutcome(statusCode, false, "", List.of(result));
  }

  public static CommandOutcome failed(int statusCode, String why) {
    return new CommandOutcome(statusCode, true, why, List.of());
  }

  public String result() {
    return results.isEmpty() ? "" : results.get(0);
  }

  /** {@code exit 0}, {@code exit 1: output...}, {@code error 62: timed out after 15 s}. */
  public String describe() {
    String detail = error ? errorText : result().strip();
    String head = (error ? "error " : "exit ") + statusCode;
    if (detail.isEmpty()) {
      return head;
    }
    String oneLine = detail.replaceAll("\\s*\\R\\s*", " | ");
    return head + ": " + (oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine);
  }
}
