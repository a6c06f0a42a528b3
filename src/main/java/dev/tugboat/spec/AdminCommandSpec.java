package dev.tugboat.spec;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code admin_commands} entry: {@code command} runs in the container named by {@code component}
 * and {@code container}, or by {@code image}, for at most {@code timeoutSeconds} ({@code 0}: not
 * given), and only while {@code when} (raw; empty: always) holds. Keys for other schedulers are
 * kept in {@code other}.
 */
public record AdminCommandSpec(
    String alias,
    List<String> command,
    String runType,
    String component,
    String container,
    Optional<ImageRefSpec> image,
    int timeoutSeconds,
    String when,
    Map<String, Object> other) {

  /** How long a command without a timeout may run: the time an exec gets everywhere else. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public AdminCommandSpec {
    command = List.copyOf(command);
    other = RawValues.immutableMap(other);
  }

  /** How long the command may run: {@code timeout}, else {@link #DEFAULT_TIMEOUT}. */
  public Duration timeout() {
    return timeoutSeconds > 0 ? Duration.ofSeconds(timeoutSeconds) : DEFAULT_TIMEOUT;
  }
}
