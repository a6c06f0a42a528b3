package dev.tugboat.config;

import java.util.Optional;

/**
 * An item's resolved value and where it came from.
 *
 * @param value what {@code ConfigOption} returns
 * @param data what {@code ConfigOptionData} returns for a {@code file} item; null for other items
 */
public record ConfigValue(String value, String data, Source source) {

  /** Where a value came from, in the order {@code ConfigOption} looks. */
  public enum Source {
    /** The settings file: set by the operator, or generated once by {@code value_cmd}/{@code data_cmd}. */
    STORED,
    /** The item's {@code value} in the spec. */
    VALUE,
    /** The item's {@code default_cmd}, run again at each load. */
    DEFAULT_CMD,
    /** The item's {@code default} in the spec. */
    DEFAULT,
    /** Nothing: the item has no value. */
    NONE;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Optional<String> dataIfAny() {
    return Optional.ofNullable(data);
  }

  /** Whether the item has something: a non-empty value, or a file's contents. */
  public boolean isSet() {
    return !value.isEmpty() || (data != null && !data.isEmpty());
  }
}
