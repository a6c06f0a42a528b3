package dev.tugboat.config;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The operator's stored config values, by item name: what {@code tugboat config set} wrote and what
 * {@code value_cmd}/{@code data_cmd} generated once. Immutable; changes return a new {@code Settings}.
 */
public record Settings(Map<String, StoredValue> items) {

  private static final Settings EMPTY = new Settings(Map.of());

  public Settings {
    items = Collections.unmodifiableMap(new TreeMap<>(items));
  }

  public static Settings empty() {
    return EMPTY;
  }

  public Optional<StoredValue> get(String item) {
    return Optional.ofNullable(items.get(item));
  }

  public boolean has(String item) {
    return items.containsKey(item);
  }

  /** These settings with {@code item} set to {@code value}. */
  public Settings with(String item, StoredValue value) {
    Map<String, StoredValue> changed = new TreeMap<>(items);
    changed.put(item, value);
    return new Settings(changed);
  }

  /** These settings with every entry of {@code values} set. */
  public Settings withAll(Map<String, StoredValue> values) {
    Map<String, StoredValue> changed = new TreeMap<>(items);
    changed.putAll(values);
    return new Settings(changed);
  }

  /** These settings without the stored values of {@code names}. */
  public Settings without(Collection<String> names) {
    Map<String, StoredValue> changed = new TreeMap<>(items);
    changed.keySet().removeAll(names);
    return new Settings(changed);
  }
}
