package dev.tugboat.config;

import java.security.SecureRandom;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code random LENGTH [CHARSET]}: a random string from {@link SecureRandom}. The charset is a
 * regular-expression character class, as Replicated writes it ({@code "[A-Za-z0-9_]"}), matched
 * against printable ASCII; any other text is taken as the list of allowed characters. Default:
 * alphanumeric.
 */
final class RandomGenerator implements Generator {

  static final String DEFAULT_CHARSET = "[A-Za-z0-9]";
  private static final int MAX_LENGTH = 4096;

  private final SecureRandom random;

  RandomGenerator(SecureRandom random) {
    this.random = random;
  }

  @Override
  public List<String> generate(List<String> args) throws GeneratorException {
    java.util.Optional<String> arity = dev.tugboat.spec.CmdSpec.randomArityProblem(args.size());
    if (arity.isPresent()) {
      throw new GeneratorException(arity.get());
    }
    int length = parseLength(args.get(0));
    char[] alphabet = alphabet(args.size() == 2 ? args.get(1) : DEFAULT_CHARSET);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet[random.nextInt(alphabet.length)]);
    }
    return List.of(out.toString());
  }

  private static int parseLength(String text) throws GeneratorException {
    try {
      int length = Integer.parseInt(text.trim());
      if (length >= 1 && length <= MAX_LENGTH) {
        return length;
      }
    } catch (NumberFormatException e) {
      // reported below with the expected form
    }
    throw new GeneratorException(
        "random: LENGTH must be a whole number from 1 to " + MAX_LENGTH + ", got '" + text + "'");
  }

  static char[] alphabet(String charset) throws GeneratorException {
    if (charset.length() >= 2 && charset.startsWith("[") && charset.endsWith("]")) {
      return fromCharacterClass(charset);
    }
    String distinct = charset.chars().distinct()
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    if (distinct.isEmpty()) {
      throw new GeneratorException("random: CHARSET is empty; give characters or a class like [a-z0-9]");
    }
    return distinct.toCharArray();
  }

  private static char[] fromCharacterClass(String charset) throws GeneratorException {
    Pattern pattern;
    try {
      pattern = Pattern.compile(charset);
    } catch (PatternSyntaxException e) {
      throw new GeneratorException("random: CHARSET '" + charset + "' is not a valid character class: "
          + e.getDescription());
    }
    StringBuilder chars = new StringBuilder();
    for (char c = 0x20; c < 0x7f; c++) {
      if (pattern.matcher(String.valueOf(c)).matches()) {
        chars.append(c);
      }
    }
    if (chars.length() == 0) {
      throw new GeneratorException(
          "random: CHARSET '" + charset + "' matches no printable ASCII character");
    }
    return chars.toString().toCharArray();
  }
}
