package dev.tugboat.spec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values of {@code host_requirements} as Replicated wrote them: sizes ({@code 8GB}, {@code 2048MB},
 * {@code 11.25GB}: units of 1024, as Docker's own size parsing), versions ({@code 1.10.3},
 * {@code 24.0.7+dfsg1}) and npm-style version ranges ({@code >=2.3.0 <2.4.1}).
 */
public final class RequirementValues {
  private static final Pattern SIZE = Pattern.compile(
      "(\\d{1,15}(?:\\.\\d{1,6})?)\\s*(?:([kmgtp])i?b?|b)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern VERSION = Pattern.compile("v?(\\d{1,9})(?:\\.(\\d{1,9}))?(?:\\.(\\d{1,9}))?.*");
  private static final Pattern COMPARATOR = Pattern.compile("(>=|<=|>|<|=)?\\s*(v?\\d[^\\s]*)");

  private RequirementValues() {}

  /** Bytes of a size such as {@code 8GB}, {@code 500m}, {@code 1.5 GiB} or {@code 1048576}. */
  public static OptionalLong parseSize(String text) {
    Matcher m = SIZE.matcher(text.trim());
    if (!m.matches()) {
      return OptionalLong.empty();
    }
    String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
    int shift = switch (unit) {
      case "k" -> 10;
      case "m" -> 20;
      case "g" -> 30;
      case "t" -> 40;
      case "p" -> 50;
      default -> 0;
    };
    BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(2).pow(shift));
    if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(bytes.longValue());
  }

  /** A size as people read it: {@code 23.4 GB} (units of 1024). */
  public static String humanSize(long bytes) {
    String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    String number = unit == 0 || value >= 100 ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.1f", value).replaceAll("\\.0$", "");
    return number + " " + units[unit];
  }

  /**
   * The numeric parts of a version ({@code 24.0.7}, {@code 17.06.1-ce}, {@code 20.10.24+dfsg1}):
   * major, minor, patch, missing ones 0. Empty when it does not start with a number.
   */
  public static Optional<int[]> parseVersion(String text) {
    Matcher m = VERSION.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    int[] parts = new int[3];
    for (int i = 0; i < 3; i++) {
      parts[i] = m.group(i + 1) == null ? 0 : Integer.parseInt(m.group(i + 1));
    }
    return Optional.of(parts);
  }

  /** Compares two parsed versions part by part. */
  public static int compare(int[] a, int[] b) {
    for (int i = 0; i < 3; i++) {
      if (a[i] != b[i]) {
        return Integer.compare(a[i], b[i]);
      }
    }
    return 0;
  }

  /**
   * Whether {@code text} is a version range npm would read in the forms Replicated's examples use:
   * comparators ({@code >=2.3.0}, {@code <2.4.1}, {@code 2.3.0}) joined by spaces (and) or
   * {@code ||} (or). Returns why not, or empty when it is one.
   */
  public static Optional<String> rangeProblem(String text) {
    List<String> alternatives = new ArrayList<>(List.of(text.split("\\|\\|", -1)));
    for (String alternative : alternatives) {
      String rest = alternative.trim();
      if (rest.isEmpty()) {
        return Optional.of("an empty alternative");
      }
      Matcher m = COMPARATOR.matcher(rest);
      int at = 0;
      while (at < rest.length()) {
        if (!m.find(at) || m.start() != at || parseVersion(m.group(2)).isEmpty()) {
          return Optional.of("\"" + rest.substring(at) + "\" is not a comparison with a version");
        }
        at = m.end();
        while (at < rest.length() && rest.charAt(at) == ' ') {
          at++;
        }
      }
    }
    return Optional.empty();
  }
}
