package dev.tugboat.spec;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A {@code publish_events} entry. {@code data} and {@code args} are raw (they may hold templates).
 * {@code timeoutSeconds} is as written, 600 when absent; see {@link #timeout()} for its meaning.
 */
public record EventSpec(
    String name,
    String trigger,
    String data,
    List<String> args,
    int timeoutSeconds,
    List<SubscriptionSpec> subscriptions) {

  public static final int DEFAULT_TIMEOUT_SECONDS = 600;
  public static final int NEVER = -1;

  public EventSpec {
    args = List.copyOf(args);
    subscriptions = List.copyOf(subscriptions);
  }

  /** How validation and planning both say that an event name is used twice. */
  public static String duplicateName(String name) {
    return "event \"" + name + "\" is published twice; event names must be unique";
  }

  /** How long the event may take from its publisher's start: empty for never ({@code -1}); 0 is 600 s. */
  public Optional<Duration> timeout() {
    if (timeoutSeconds == NEVER) {
      return Optional.empty();
    }
    return Optional.of(
        Duration.ofSeconds(timeoutSeconds == 0 ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds));
  }
}
