package dev.tugboat.template;

import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Formats a time with a Go layout: the reference time {@code Mon Jan 2 15:04:05 MST 2006} written
 * the way the result should look ({@code "20060102"}, {@code "2006-01-02T15:04:05Z07:00"}). Text
 * that is not a layout element is copied, as Go does.
 */
final class GoTimeLayout {
  private GoTimeLayout() {}

  static String format(String layout, ZonedDateTime t) {
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (i < layout.length()) {
      int consumed = element(layout, i, t, b);
      if (consumed == 0) {
        b.append(layout.charAt(i));
        i++;
      } else {
        i += consumed;
      }
    }
    return b.toString();
  }

  /** Appends the element at {@code i} if there is one; returns its length, or 0. */
  private static int element(String l, int i, ZonedDateTime t, StringBuilder b) {
    switch (l.charAt(i)) {
      case 'J':
        if (l.startsWith("January", i)) {
          return put(b, t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH), 7);
        }
        if (l.startsWith("Jan", i) && !lowerAt(l, i + 3)) {
          return put(b, t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), 3);
        }
        return 0;
      case 'M':
        if (l.startsWith("Monday", i)) {
          return put(b, t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH), 6);
        }
        if (l.startsWith("Mon", i) && !lowerAt(l, i + 3)) {
          return put(b, t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), 3);
        }
        if (l.startsWith("MST", i)) {
          return put(b, t.getOffset().getTotalSeconds() == 0 ? "UTC" : zoneName(t), 3);
        }
        return 0;
      case '0':
        if (l.startsWith("002", i)) {
          return put(b, pad(t.getDayOfYear(), 3, '0'), 3);
        }
        if (i + 1 < l.length() && l.charAt(i + 1) >= '1' && l.charAt(i + 1) <= '6') {
          return put(b, pad(zeroPadded(l.charAt(i + 1), t), 2, '0'), 2);
        }
        return 0;
      case '1':
        if (l.startsWith("15", i)) {
          return put(b, pad(t.getHour(), 2, '0'), 2);
        }
        return put(b, String.valueOf(t.getMonthValue()), 1);
      case '2':
        if (l.startsWith("2006", i)) {
          return put(b, pad(t.getYear(), 4, '0'), 4);
        }
        return put(b, String.valueOf(t.getDayOfMonth()), 1);
      case '_':
        if (l.startsWith("_2006", i)) {
          return put(b, "_" + pad(t.getYear(), 4, '0'), 5);
        }
        if (l.startsWith("_2", i)) {
          return put(b, pad(t.getDayOfMonth(), 2, ' '), 2);
        }
        if (l.startsWith("__2", i)) {
          return put(b, pad(t.getDayOfYear(), 3, ' '), 3);
        }
        return 0;
      case '3':
        return put(b, String.valueOf(hour12(t)), 1);
      case '4':
        return put(b, String.valueOf(t.getMinute()), 1);
      case '5':
        return put(b, String.valueOf(t.getSecond()), 1);
      case 'P':
        return l.startsWith("PM", i) ? put(b, t.getHour() >= 12 ? "PM" : "AM", 2) : 0;
      case 'p':
        return l.startsWith("pm", i) ? put(b, t.getHour() >= 12 ? "pm" : "am", 2) : 0;
      case '-', 'Z':
        return zone(l, i, t, b);
      case '.', ',':
        return fraction(l, i, t, b);
      default:
        return 0;
    }
  }

  private static long zeroPadded(char which, ZonedDateTime t) {
    return switch (which) {
      case '1' -> t.getMonthValue();
      case '2' -> t.getDayOfMonth();
      case '3' -> hour12(t);
      case '4' -> t.getMinute();
      case '5' -> t.getSecond();
      default -> t.getYear() % 100;
    };
  }

  private static int hour12(ZonedDateTime t) {
    int h = t.getHour() % 12;
    return h == 0 ? 12 : h;
  }

  private static final String[] ZONE_LAYOUTS = {"070000", "07:00:00", "0700", "07:00", "07"};

  private static int zone(String l, int i, ZonedDateTime t, StringBuilder b) {
    boolean z = l.charAt(i) == 'Z';
    for (String zone : ZONE_LAYOUTS) {
      if (l.startsWith(zone, i + 1)) {
        int offset = t.getOffset().getTotalSeconds();
        if (z && offset == 0) {
          return put(b, "Z", zone.length() + 1);
        }
        int abs = Math.abs(offset);
        String hh = pad(abs / 3600, 2, '0');
        String mm = pad(abs / 60 % 60, 2, '0');
        String ss = pad(abs % 60, 2, '0');
        boolean colon = zone.contains(":");
        String text = hh;
        if (zone.length() > 2) {
          text += (colon ? ":" : "") + mm;
        }
        if (zone.length() > 5) {
          text += (colon ? ":" : "") + ss;
        }
        return put(b, (offset < 0 ? "-" : "+") + text, zone.length() + 1);
      }
    }
    return 0;
  }

  /** {@code .000} (fixed digits) or {@code .999} (trailing zeros dropped) after the seconds. */
  private static int fraction(String l, int i, ZonedDateTime t, StringBuilder b) {
    if (i + 1 >= l.length() || (l.charAt(i + 1) != '0' && l.charAt(i + 1) != '9')) {
      return 0;
    }
    char digit = l.charAt(i + 1);
    int j = i + 1;
    while (j < l.length() && l.charAt(j) == digit) {
      j++;
    }
    if (j < l.length() && Character.isDigit(l.charAt(j))) {
      return 0;
    }
    int n = Math.min(j - i - 1, 9);
    String nanos = pad(t.getNano(), 9, '0').substring(0, n);
    if (digit == '9') {
      nanos = nanos.replaceAll("0+$", "");
      return put(b, nanos.isEmpty() ? "" : l.charAt(i) + nanos, j - i);
    }
    return put(b, l.charAt(i) + nanos, j - i);
  }

  private static boolean lowerAt(String l, int i) {
    return i < l.length() && l.charAt(i) >= 'a' && l.charAt(i) <= 'z';
  }

  private static String zoneName(ZonedDateTime t) {
    return t.getZone().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
  }

  private static String pad(long v, int width, char with) {
    String s = String.valueOf(v);
    return s.length() >= width ? s : String.valueOf(with).repeat(width - s.length()) + s;
  }

  private static int put(StringBuilder b, String s, int consumed) {
    b.append(s);
    return consumed;
  }
}
