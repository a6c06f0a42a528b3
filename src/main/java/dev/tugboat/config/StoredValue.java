package dev.tugboat.config;

import java.util.Objects;
import java.util.Optional;

/**
 * What the settings file keeps for one item: its value, and for a {@code file} item the file's
 * contents ({@code ConfigOptionData}) with the file's name as the value.
 *
 * @param value the item's value (a {@code file} item: the uploaded file's name)
 * @param data a {@code file} item's contents; null for other items
 */
public record StoredValue(String value, String data) {

  public StoredValue {
    Objects.requireNonNull(value, "value");
  }

  /** A plain value. */
  public static StoredValue of(String value) {
    return new StoredValue(value, null);
  }

  /** A {@code file} item's name and contents. */
  public static StoredValue file(String fileName, String contents) {
    return new StoredValue(fileName, Objects.requireNonNull(contents, "contents"));
  }

  public Optional<String> dataIfAny() {
    return Optional.ofNullable(data);
  }
}
