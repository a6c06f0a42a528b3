package dev.tugboat.app;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Run ids: sortable by start time to the millisecond (the latest journal is the current run's),
 * unique on one host ({@code 20261122-023512.345-9f3a}).
 */
public final class RunIds {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss.SSS").withZone(ZoneOffset.UTC);

  private RunIds() {}

  public static String next(Clock clock) {
    return STAMP.format(clock.instant()) + "-"
        + String.format("%04x", new SecureRandom().nextInt(0x10000));
  }
}
