package dev.tugboat.spec;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Orders field paths as they appear in the spec: {@code items[2]} before {@code items[10]}. */
final class SpecPathOrder implements Comparator<String> {
  private static final Pattern PART = Pattern.compile("(\\d+)|(\\D+)");

  @Override
  public int compare(String a, String b) {
    Matcher left = PART.matcher(a);
    Matcher right = PART.matcher(b);
    while (left.find() && right.find()) {
      int order = left.group(1) != null && right.group(1) != null
          ? Long.compare(Long.parseLong(left.group(1)), Long.parseLong(right.group(1)))
          : left.group().compareTo(right.group());
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(a.length(), b.length());
  }
}
