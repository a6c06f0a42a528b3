package dev.tugboat.daemon;

import java.util.Locale;

/** Byte counts as operators read them: 812 B, 48.3 MiB. */
final class Sizes {
  private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

  private Sizes() {}

  static String inWords(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }
}
