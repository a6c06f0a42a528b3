package dev.tugboat.runtime;

import java.util.Locale;

/** The transport protocol of a container port. */
public enum Protocol {
  TCP,
  UDP;

  /** Parses {@code tcp}/{@code udp} in any case; an empty text means TCP, as Docker assumes. */
  public static Protocol parse(String text) {
    String lower = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    return switch (lower) {
      case "", "tcp" -> TCP;
      case "udp" -> UDP;
      default -> throw new IllegalArgumentException(
          "unknown port protocol \"" + text + "\": use tcp or udp");
    };
  }
}
