package dev.tugboat.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The {@code type} of a config item. An item without a type is {@code text}, as in Replicated. */
public enum ItemType {
  TEXT,
  PASSWORD,
  TEXTAREA,
  BOOL,
  SELECT_ONE,
  SELECT_MANY,
  FILE,
  LABEL,
  HEADING;

  /** The type as written in a spec ({@code select_one}). */
  public String specName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type named {@code written}; {@code ""} is {@code text}; empty for an unknown name. */
  public static Optional<ItemType> of(String written) {
    if (written.isEmpty()) {
      return Optional.of(TEXT);
    }
    return Arrays.stream(values()).filter(t -> t.specName().equals(written)).findFirst();
  }

  /** The names a spec may use, for messages. */
  public static String allNames() {
    return Arrays.stream(values()).map(ItemType::specName).collect(Collectors.joining(", "));
  }

  /** Whether items of this type hold a value (labels and headings only show text). */
  public boolean holdsValue() {
    return this != LABEL && this != HEADING;
  }
}
