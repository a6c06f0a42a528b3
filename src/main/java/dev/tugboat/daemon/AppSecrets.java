package dev.tugboat.daemon;

import dev.tugboat.config.SecretMasker;
import java.util.List;

/**
 * The app's secret values: the masker every text a person sees goes through, and the history of
 * every secret the app has had ({@link SecretHistory}), so the events of earlier runs read back
 * after a restart are masked with a password replaced since. Thread-safe: the supervisor adds
 * a start's secrets, the loop thread an env value as it renders, and every thread masks.
 */
final class AppSecrets {

  private final SecretHistory seen;
  private volatile SecretMasker masker;

  AppSecrets(SecretHistory seen) {
    this.seen = seen;
    this.masker = SecretMasker.of(seen.values());
  }

  SecretMasker masker() {
    return masker;
  }

  /** Adds {@code values} to the masker and the history, unless the masker hides them all. */
  synchronized void add(List<String> values) {
    if (!values.stream().filter(value -> !value.isBlank()).allMatch(masker::isSecret)) {
      masker = masker.with(values);
      seen.remember(values);
    }
  }

  void add(SecretMasker more) {
    add(more.secrets());
  }
}
