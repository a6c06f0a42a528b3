package dev.tugboat.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A clock that moves only when a test advances it. Things scheduled in virtual time register as a
 * {@link Timeline}; {@link #advance} stops at each due moment in order, so what is due at 5 s runs
 * before what is due at 7 s even when a test jumps by 10 s, across every registered timeline.
 */
public final class ManualClock extends Clock {
  /** Something with work due at moments of virtual time. */
  public interface Timeline {
    /** The earliest moment it has work due, if any. */
    Optional<Instant> nextDue();

    /** Runs what is due at or before {@code now}. */
    void runDue(Instant now);
  }

  private Instant now;
  private final List<Timeline> timelines = new ArrayList<>();

  public ManualClock(Instant start) {
    this.now = start;
  }

  public ManualClock() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  public synchronized void register(Timeline timeline) {
    timelines.add(timeline);
  }

  /** Moves time forward by {@code duration}, running each timeline's work at its due moment. */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("time only moves forward, got " + duration);
    }
    Instant target;
    synchronized (this) {
      target = now.plus(duration);
    }
    while (true) {
      Optional<Instant> next = earliestDue();
      if (next.isEmpty() || next.get().isAfter(target)) {
        break;
      }
      Instant due = next.get();
      synchronized (this) {
        if (due.isAfter(now)) {
          now = due;
        }
      }
      for (Timeline timeline : snapshot()) {
        timeline.runDue(due);
      }
    }
    synchronized (this) {
      now = target;
    }
  }

  private Optional<Instant> earliestDue() {
    return snapshot().stream().map(Timeline::nextDue).flatMap(Optional::stream).min(Instant::compareTo);
  }

  private synchronized List<Timeline> snapshot() {
    return List.copyOf(timelines);
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a manual clock runs in UTC");
  }
}
