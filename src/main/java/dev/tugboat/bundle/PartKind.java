package dev.tugboat.bundle;

import java.util.Locale;

/** What a part of a bundle holds: the app's spec, or the archive of one image. */
public enum PartKind {
  SPEC, IMAGE;

  /** As the manifest writes it: {@code spec}, {@code image}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static PartKind of(String label) {
    for (PartKind kind : values()) {
      if (kind.label().equals(label)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(label);
  }
}
