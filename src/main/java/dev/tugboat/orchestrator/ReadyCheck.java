package dev.tugboat.orchestrator;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The spec's {@code state.ready}: polled once every container has started; the app is started when
 * it passes. {@code description} names the check in messages ({@code http_status_code
 * http://10.0.0.5:8000/health 200}); the probe itself comes from the launcher, which renders it.
 */
public record ReadyCheck(String description, Optional<Duration> timeout) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);
  public static final Duration INTERVAL = Duration.ofSeconds(1);

  public ReadyCheck {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(timeout, "timeout");
  }
}
