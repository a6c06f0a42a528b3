package dev.tugboat.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code custom_requirements} entry: a command to run and the results that judge its outcome,
 * the first matching result deciding. Strings are raw ({@code {{repl}}} templates kept as written).
 *
 * @param path where it was written: {@code custom_requirements[0]}
 */
public record CustomRequirementSpec(String path, String id, Message message, Message details,
    String when, List<Result> results, Command command) {

  public CustomRequirementSpec {
    results = List.copyOf(results);
  }

  /**
   * A message: plain text, or {@code {default_message, args}} where {@code {{.name}}} in the text
   * stands for the rendered arg {@code name}.
   */
  public record Message(String text, Map<String, String> args) {
    public Message {
      args = RawValues.immutableStringMap(args);
    }

    public static Message of(String text) {
      return new Message(text, Map.of());
    }
  }

  /** {@code status} is {@code success}, {@code warn} or {@code error}. */
  public record Result(String status, Message message, Condition condition) {}

  /** Every property given must hold; none given always holds. */
  public record Condition(Optional<String> statusCode, Optional<String> error, String boolExpr) {
    public boolean isEmpty() {
      return statusCode.isEmpty() && error.isEmpty() && boolExpr.isEmpty();
    }
  }

  /**
   * The command: {@code id} names it ({@code scheduler}, {@code disk_space_available}, ...),
   * {@code timeout} in seconds as written ({@code ""}: 15 s; {@code -1}: none), {@code data} its
   * arguments as plain data.
   */
  public record Command(String id, String timeout, Map<String, Object> data) {
    public Command {
      data = RawValues.immutableMap(data);
    }

    /**
     * The container a {@code scheduler} command runs: {@code data.component}/{@code data.container}
     * as the native docs write it, or the same under {@code data.replicated} or {@code data.source}
     * (older spellings). Empty when none names both.
     */
    public Optional<ContainerRef> schedulerTarget() {
      for (Map<String, Object> where : List.of(data, nested("replicated"), nested("source"))) {
        if (where.get("component") instanceof String c && where.get("container") instanceof String k
            && !c.isBlank() && !k.isBlank()) {
          return Optional.of(new ContainerRef(c, k));
        }
      }
      return Optional.empty();
    }

    private Map<String, Object> nested(String key) {
      return Requirements.asMap(data.get(key)).orElse(Map.of());
    }

    /** A string argument of {@code data}, or {@code ""}. */
    public String string(String key) {
      return data.get(key) instanceof String s ? s : "";
    }
  }
}
