package dev.tugboat.spec;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing of numbers as specs write them: ports, integers in strings, sizes like {@code 500m}. */
public final class Numbers {
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([bkmgt]?)b?", Pattern.CASE_INSENSITIVE);

  private Numbers() {}

  /** A TCP/UDP port 1..65535 written as digits; empty otherwise (templates included). */
  public static OptionalInt parsePort(String text) {
    OptionalInt value = parseInt(text);
    if (value.isPresent() && value.getAsInt() >= 1 && value.getAsInt() <= 65535) {
      return value;
    }
    return OptionalInt.empty();
  }

  /** An integer written as optional minus and digits; empty otherwise. */
  public static OptionalInt parseInt(String text) {
    String trimmed = text.trim();
    if (!trimmed.matches("-?\\d{1,10}")) {
      return OptionalInt.empty();
    }
    long value = Long.parseLong(trimmed);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      return OptionalInt.empty();
    }
    return OptionalInt.of((int) value);
  }

  /**
   * A size in bytes as Docker's command line accepts it: {@code 1048576}, {@code 500m}, {@code 1g},
   * {@code 512k}, {@code 2gb} (units of 1024). Empty when it does not parse.
   */
  public static OptionalLong parseSize(String text) {
    Matcher matcher = SIZE.matcher(text.trim());
    if (!matcher.matches() || matcher.group(1).length() > 15) {
      return OptionalLong.empty();
    }
    long number = Long.parseLong(matcher.group(1));
    int shift =
        switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
          case "k" -> 10;
          case "m" -> 20;
          case "g" -> 30;
          case "t" -> 40;
          default -> 0;
        };
    if (shift > 0 && number > (Long.MAX_VALUE >> shift)) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(number << shift);
  }
}
