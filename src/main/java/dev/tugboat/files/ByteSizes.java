package dev.tugboat.files;

import java.util.Locale;

/**
 * Sizes of files, archives and volumes as an operator reads them: {@code 512 B}, {@code 4.4 MiB},
 * {@code 1.2 GiB}; one form for the CLI, the log and the support bundle.
 */
public final class ByteSizes {

  private ByteSizes() {}

  public static String of(long bytes) {
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
  public static String count(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
