package dev.tugboat.license;

import java.time.Instant;
import java.util.Optional;

/**
 * What the host's history says of the app's releases, for {@code AppVersionFirst}, {@code
 * AppVersionCurrent} and {@code AppSetting "install.date"}: the version of the first run ever
 * launched here and when, and the version in use before this start (the last run launched before
 * it that did not fail). Empty where there is no history ({@code tugboat run}, {@code render}, a
 * first install): the spec's own version stands in.
 */
public record Releases(Optional<String> first, Optional<Instant> installedAt,
    Optional<String> current) {

  public static Releases none() {
    return new Releases(Optional.empty(), Optional.empty(), Optional.empty());
  }
}
