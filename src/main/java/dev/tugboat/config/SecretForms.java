package dev.tugboat.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The ways a secret appears in text that programs write: as it is, JSON-escaped, shell-quoted,
 * URL-encoded. A form equal to the secret adds nothing; every form is at least as long as it.
 */
final class SecretForms {

  // Characters printf %q and set -x leave bare; every other one gets a backslash.
  private static final String SHELL_BARE = "-_./:@,+=%^";

  private SecretForms() {}

  static Set<String> of(String secret) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(secret);
    String json = json(secret, false);
    String ascii = json(secret, true);
    for (String escaped : new String[] {json, ascii, upperHex(ascii)}) {
      forms.add(escaped);
      forms.add(escaped.replace("/", "\\/"));
    }
    forms.add(json(json, false));
    forms.add(doubleQuoted(secret));
    forms.add(secret.replace("'", "'\\''"));
    forms.add(secret.replace("'", "'\"'\"'"));
    forms.add(backslashed(secret));
    String url = URLEncoder.encode(secret, StandardCharsets.UTF_8);
    forms.add(url);
    forms.add(url.replace("+", "%20"));
    return forms;
  }

  /** As a JSON string's contents; with {@code asciiOnly}, non-ASCII as {@code \\u00f6}. */
  static String json(String text, boolean asciiOnly) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || (asciiOnly && c > 0x7e)) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** The {@code \\u} escapes with upper-case hex digits, as Jackson writes them. */
  private static String upperHex(String escaped) {
    StringBuilder out = new StringBuilder(escaped);
    for (int i = escaped.indexOf("\\u"); i >= 0; i = escaped.indexOf("\\u", i + 2)) {
      out.replace(i + 2, i + 6, escaped.substring(i + 2, i + 6).toUpperCase(Locale.ROOT));
    }
    return out.toString();
  }

  /** Inside shell double quotes: {@code \ " $ `} take a backslash. */
  private static String doubleQuoted(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (char c : text.toCharArray()) {
      if (c == '\\' || c == '"' || c == '$' || c == '`') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** Unquoted, as {@code printf %q} writes it: a backslash before every special character. */
  private static String backslashed(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (char c : text.toCharArray()) {
      if (!Character.isLetterOrDigit(c) && SHELL_BARE.indexOf(c) < 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
