package dev.tugboat.template;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's {@code strconv.FormatFloat} for the formats {@code e}, {@code f} and {@code g}, with
 * precision -1 meaning "the fewest digits that read back as the same number" ({@code %v}).
 */
final class GoFloat {
  private GoFloat() {}

  /** Decimal digits without trailing zeros and the position of the decimal point: 0.DIGITS x 10^dp. */
  private record Digits(String digits, int dp) {
    int nd() {
      return digits.length();
    }

    char at(int i) {
      return i >= 0 && i < digits.length() ? digits.charAt(i) : '0';
    }
  }

  static String format(double v, char fmt, int prec) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    boolean neg = v < 0 || (v == 0 && 1 / v < 0);
    double abs = Math.abs(v);
    String body =
        switch (fmt) {
          case 'e', 'E' -> formatE(prec < 0 ? shortest(abs) : rounded(abs, prec + 1), prec, fmt);
          case 'f', 'F' -> formatF(prec < 0 ? shortest(abs) : fixed(abs, prec), prec);
          default -> formatG(abs, prec, fmt == 'G' ? 'E' : 'e');
        };
    return neg ? "-" + body : body;
  }

  private static String formatG(double abs, int prec, char expChar) {
    boolean shortest = prec < 0;
    if (prec == 0) {
      prec = 1;
    }
    Digits d = shortest ? shortest(abs) : rounded(abs, prec);
    if (shortest) {
      prec = d.nd();
    }
    int eprec = prec;
    if (eprec > d.nd() && d.nd() >= d.dp()) {
      eprec = d.nd();
    }
    if (shortest) {
      eprec = 6;
    }
    int exp = d.dp() - 1;
    if (exp < -4 || exp >= eprec) {
      return formatE(d, Math.min(prec, d.nd()) - 1, expChar);
    }
    int p = prec > d.dp() ? d.nd() : prec;
    return formatF(d, Math.max(p - d.dp(), 0));
  }

  /** prec < 0: as many digits as there are. */
  private static String formatE(Digits d, int prec, char expChar) {
    if (prec < 0) {
      prec = Math.max(d.nd() - 1, 0);
    }
    StringBuilder b = new StringBuilder().append(d.nd() == 0 ? '0' : d.at(0));
    if (prec > 0) {
      b.append('.');
      for (int i = 1; i <= prec; i++) {
        b.append(d.at(i));
      }
    }
    int exp = d.nd() == 0 ? 0 : d.dp() - 1;
    b.append(Character.toLowerCase(expChar) == 'e' ? expChar : 'e').append(exp < 0 ? '-' : '+');
    int e = Math.abs(exp);
    if (e < 10) {
      b.append('0');
    }
    return b.append(e).toString();
  }

  private static String formatF(Digits d, int prec) {
    if (prec < 0) {
      prec = Math.max(d.nd() - d.dp(), 0);
    }
    StringBuilder b = new StringBuilder();
    if (d.dp() > 0) {
      for (int i = 0; i < d.dp(); i++) {
        b.append(d.at(i));
      }
    } else {
      b.append('0');
    }
    if (prec > 0) {
      b.append('.');
      for (int i = 1; i <= prec; i++) {
        b.append(d.at(d.dp() + i - 1));
      }
    }
    return b.toString();
  }

  /**
   * The fewest significant digits that read back as the same double, as Go's shortest formatting
   * finds them (Java 17's Double.toString sometimes gives one digit more).
   */
  private static Digits shortest(double abs) {
    if (abs == 0) {
      return new Digits("", 0);
    }
    BigDecimal exact = new BigDecimal(abs);
    for (int precision = 1; precision < 17; precision++) {
      BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == abs) {
        return digitsOf(candidate);
      }
    }
    return digitsOf(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
  }

  private static Digits rounded(double abs, int significant) {
    if (abs == 0) {
      return new Digits("", 0);
    }
    return digitsOf(new BigDecimal(abs).round(new MathContext(significant, RoundingMode.HALF_EVEN)));
  }

  private static Digits fixed(double abs, int decimals) {
    return digitsOf(new BigDecimal(abs).setScale(decimals, RoundingMode.HALF_EVEN));
  }

  private static Digits digitsOf(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.signum() == 0) {
      return new Digits("", 0);
    }
    String unscaled = stripped.unscaledValue().toString();
    return new Digits(unscaled, unscaled.length() - stripped.scale());
  }
}
