package dev.tugboat.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts API requests by route and status code; read by {@code GET /metrics}. Thread-safe. */
final class ApiMetrics {

  /** A route (e.g. {@code /api/v1/status}) and the status code it answered. */
  record Key(String route, int code) {}

  private final Map<Key, LongAdder> requests = new ConcurrentHashMap<>();

  void count(String route, int code) {
    requests.computeIfAbsent(new Key(route, code), key -> new LongAdder()).increment();
  }

  Map<Key, Long> snapshot() {
    Map<Key, Long> copy = new java.util.TreeMap<>(java.util.Comparator.comparing(Key::route)
        .thenComparingInt(Key::code));
    requests.forEach((key, count) -> copy.put(key, count.sum()));
    return copy;
  }
}
