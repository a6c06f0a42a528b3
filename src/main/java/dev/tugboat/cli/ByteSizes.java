package dev.tugboat.cli;

import java.util.Locale;

/** Sizes as an operator reads them: {@code 512 B}, {@code 4.4 MiB}, {@code 1.2 GiB}. */
final class ByteSizes {

  private ByteSizes() {}

  static String of(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  /** {@code 1 image}, {@code 2 images}. */
  static String count(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
