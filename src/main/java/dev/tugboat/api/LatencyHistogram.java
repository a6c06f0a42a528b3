package dev.tugboat.api;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How long events took to fire, by trigger kind (port-listen, container-exit, ...), as a
 * Prometheus histogram. Observed by the daemon from a run's loop, read by {@code /metrics}.
 */
public final class LatencyHistogram {

  static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

  /** Counts per bucket (cumulative on output), then the total count and the sum in microseconds. */
  private final Map<String, AtomicLongArray> byTrigger = new ConcurrentHashMap<>();

  public void observe(String trigger, Duration took) {
    AtomicLongArray counts = byTrigger.computeIfAbsent(trigger,
        kind -> new AtomicLongArray(BUCKETS.length + 2));
    double seconds = took.toNanos() / 1e9;
    for (int i = 0; i < BUCKETS.length; i++) {
      if (seconds <= BUCKETS[i]) {
        counts.incrementAndGet(i);
        break;
      }
    }
    counts.incrementAndGet(BUCKETS.length);
    counts.addAndGet(BUCKETS.length + 1, took.toNanos() / 1000);
  }

  void render(String name, StringBuilder out) {
    out.append("# HELP ").append(name).append(" Time from a publisher's start to its event firing.\n");
    out.append("# TYPE ").append(name).append(" histogram\n");
    new TreeMap<>(byTrigger).forEach((trigger, counts) -> {
      long cumulative = 0;
      for (int i = 0; i < BUCKETS.length; i++) {
        cumulative += counts.get(i);
        out.append(name).append("_bucket{trigger=\"").append(trigger).append("\",le=\"")
            .append(BUCKETS[i]).append("\"} ").append(cumulative).append('\n');
      }
      long total = counts.get(BUCKETS.length);
      out.append(name).append("_bucket{trigger=\"").append(trigger).append("\",le=\"+Inf\"} ")
          .append(total).append('\n');
      out.append(name).append("_sum{trigger=\"").append(trigger).append("\"} ")
          .append(counts.get(BUCKETS.length + 1) / 1e6).append('\n');
      out.append(name).append("_count{trigger=\"").append(trigger).append("\"} ").append(total)
          .append('\n');
    });
  }
}
