package dev.tugboat.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Where a test's time went: named laps since the previous lap, printed for the reader. */
final class Stopwatch {

  private final long began = System.nanoTime();
  private long last = began;
  private final List<String> laps = new ArrayList<>();

  void lap(String name) {
    long now = System.nanoTime();
    laps.add(String.format("%s %.1f s", name, (now - last) / 1e9));
    last = now;
  }

  String laps() {
    return String.join(", ", laps);
  }

  Duration total() {
    return Duration.ofNanos(System.nanoTime() - began);
  }
}
