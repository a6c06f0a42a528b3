package dev.tugboat.runtime;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Immutable copies for the records of this package. */
final class Values {
  private Values() {}

  /**
   * An unmodifiable copy sorted by key: the order of labels and environment variables means nothing
   * to the engine, and a fixed order keeps what tests and logs print stable.
   */
  static SortedMap<String, String> sortedCopy(Map<String, String> map) {
    TreeMap<String, String> copy = new TreeMap<>();
    map.forEach(
        (key, value) -> {
          if (key == null || value == null) {
            throw new NullPointerException("null key or value in " + map);
          }
          copy.put(key, value);
        });
    return Collections.unmodifiableSortedMap(copy);
  }
}
