package dev.tugboat.template;

/** Go's quoting rules: {@code strconv.Quote} for messages and {@code %q}, and unquoting literals. */
final class GoStrings {
  private GoStrings() {}

  /** Go's {@code strconv.Quote}: double quotes, escapes for control and non-printable runes. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    s.codePoints().forEach(cp -> appendEscaped(b, cp, '"'));
    return b.append('"').toString();
  }

  /** Go's {@code strconv.QuoteRune}. */
  static String quoteRune(int cp) {
    StringBuilder b = new StringBuilder().append('\'');
    appendEscaped(b, isValidRune(cp) ? cp : 0xFFFD, '\'');
    return b.append('\'').toString();
  }

  static boolean isValidRune(long cp) {
    return cp >= 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
  }

  private static void appendEscaped(StringBuilder b, int cp, char quote) {
    if (cp == quote || cp == '\\') {
      b.append('\\').appendCodePoint(cp);
      return;
    }
    if (isPrintable(cp)) {
      b.appendCodePoint(cp);
      return;
    }
    switch (cp) {
      case 7 -> b.append("\\a");
      case '\b' -> b.append("\\b");
      case '\f' -> b.append("\\f");
      case '\n' -> b.append("\\n");
      case '\r' -> b.append("\\r");
      case '\t' -> b.append("\\t");
      case 11 -> b.append("\\v");
      default -> {
        if (cp < ' ' || cp == 0x7f) {
          b.append(String.format("\\x%02x", cp));
        } else if (cp < 0x10000) {
          b.append(String.format("\\u%04x", cp));
        } else {
          b.append(String.format("\\U%08x", cp));
        }
      }
    }
  }

  private static boolean isPrintable(int cp) {
    if (cp < ' ' || cp == 0x7f || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    if (cp < 0x7f) {
      return true;
    }
    int type = Character.getType(cp);
    return type != Character.CONTROL
        && type != Character.FORMAT
        && type != Character.UNASSIGNED
        && type != Character.PRIVATE_USE
        && type != Character.SURROGATE
        && type != Character.LINE_SEPARATOR
        && type != Character.PARAGRAPH_SEPARATOR
        && (type != Character.SPACE_SEPARATOR || cp == ' ');
  }

  /** The value of a {@code "..."} or {@code `...`} literal; IllegalArgumentException if invalid. */
  static String unquote(String literal) {
    if (literal.startsWith("`")) {
      return literal.substring(1, literal.length() - 1).replace("\r", "");
    }
    StringBuilder b = new StringBuilder(literal.length());
    int[] p = {1};
    int end = literal.length() - 1;
    while (p[0] < end) {
      char c = literal.charAt(p[0]);
      if (c != '\\') {
        b.append(c);
        p[0]++;
        continue;
      }
      if (literal.charAt(p[0] + 1) == '\'') {
        throw invalid(literal);
      }
      b.appendCodePoint(escape(literal, p, end));
    }
    return b.toString();
  }

  /** The rune of a {@code 'x'} literal. */
  static int unquoteChar(String literal) {
    int end = literal.length() - 1;
    if (literal.length() < 3) {
      throw new IllegalArgumentException("malformed character constant: " + literal);
    }
    int[] p = {1};
    int cp;
    if (literal.charAt(1) == '\\') {
      if (literal.charAt(2) == '"') {
        throw new IllegalArgumentException("malformed character constant: " + literal);
      }
      cp = escape(literal, p, end);
    } else {
      cp = literal.codePointAt(1);
      p[0] += Character.charCount(cp);
    }
    if (p[0] != end) {
      throw new IllegalArgumentException("malformed character constant: " + literal);
    }
    return cp;
  }

  /** Reads one escape sequence at p (which points at the backslash) and advances p. */
  private static int escape(String s, int[] p, int end) {
    int i = p[0] + 1;
    if (i >= end) {
      throw invalid(s);
    }
    char c = s.charAt(i);
    p[0] = i + 1;
    switch (c) {
      case 'a': return 7;
      case 'b': return '\b';
      case 'f': return '\f';
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case 'v': return 11;
      case '\\': return '\\';
      case '"': return '"';
      case '\'': return '\'';
      case 'x': return hex(s, p, 2, end);
      case 'u': return hex(s, p, 4, end);
      case 'U': return hex(s, p, 8, end);
      default:
        if (c >= '0' && c <= '7') {
          if (i + 3 > end) {
            throw invalid(s);
          }
          int v = 0;
          for (int k = i; k < i + 3; k++) {
            char d = s.charAt(k);
            if (d < '0' || d > '7') {
              throw invalid(s);
            }
            v = v * 8 + (d - '0');
          }
          if (v > 255) {
            throw invalid(s);
          }
          p[0] = i + 3;
          return v;
        }
        throw invalid(s);
    }
  }

  private static int hex(String s, int[] p, int n, int end) {
    if (p[0] + n > end) {
      throw invalid(s);
    }
    long v = 0;
    for (int k = p[0]; k < p[0] + n; k++) {
      int d = Character.digit(s.charAt(k), 16);
      if (d < 0) {
        throw invalid(s);
      }
      v = v * 16 + d;
    }
    p[0] += n;
    if (n > 2 && !isValidRune(v)) {
      throw invalid(s);
    }
    return (int) v;
  }

  private static IllegalArgumentException invalid(String literal) {
    return new IllegalArgumentException("invalid syntax in string " + literal);
  }
}
