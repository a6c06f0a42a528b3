package dev.tugboat.config;

import dev.tugboat.template.Template;
import dev.tugboat.template.TemplateEnvironment;
import dev.tugboat.template.TemplateException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code when} of the config screen: empty (always shown), {@code item=value}, {@code
 * item!=value}, or a template that renders to a boolean. Containers' and entries' {@code when}s are
 * templates only; {@link #isTrue(String, String)} reads what those render to.
 */
public sealed interface WhenCondition {

  /** Whether the condition holds with the config values of {@code env}. */
  boolean test(TemplateEnvironment env);

  /** No {@code when}, or a literal {@code true}/{@code false}. */
  record Constant(boolean value) implements WhenCondition {
    @Override
    public boolean test(TemplateEnvironment env) {
      return value;
    }
  }

  /** {@code item=value} or {@code item!=value}: compares the item's {@code ConfigOption}. */
  record Compare(String item, String value, boolean equal) implements WhenCondition {
    @Override
    public boolean test(TemplateEnvironment env) {
      return env.configOption(item).orElse("").equals(value) == equal;
    }
  }

  /** A {@code {{repl ...}}} template; true when it renders to a true boolean. */
  record Rendered(Template template, String fieldPath) implements WhenCondition {
    @Override
    public boolean test(TemplateEnvironment env) {
      return isTrue(template.render(env), fieldPath);
    }
  }

  Pattern COMPARISON = Pattern.compile("\\s*([A-Za-z0-9_.\\-]+)\\s*(!=|=)\\s*(.*?)\\s*");

  /**
   * Parses a config item's or group's {@code when}.
   *
   * @throws ConfigException when it is none of the three forms
   * @throws TemplateException when it is a template that does not parse
   */
  static WhenCondition parse(String when, String fieldPath) throws ConfigException {
    if (when.isBlank()) {
      return new Constant(true);
    }
    if (when.contains("{{repl")) {
      return new Rendered(Template.parse(when, fieldPath), fieldPath);
    }
    Optional<Boolean> literal = parseBoolean(when);
    if (literal.isPresent()) {
      return new Constant(literal.get());
    }
    Matcher comparison = COMPARISON.matcher(when);
    if (comparison.matches()) {
      return new Compare(comparison.group(1), comparison.group(3), comparison.group(2).equals("="));
    }
    throw new ConfigException(fieldPath + ": when '" + when
        + "' is not item=value, item!=value or a {{repl ...}} template");
  }

  /**
   * A rendered {@code when} of the config screen, a container, or an entry of a container (env
   * var, port, volume, file): the one rule {@code render}, the config screen and the run share.
   *
   * @throws TemplateException at {@code fieldPath} when the text is not a boolean
   */
  public static boolean isTrue(String rendered, String fieldPath) {
    return parseBoolean(rendered).orElseThrow(() -> new TemplateException(fieldPath, 1, 1,
        "when gave '" + rendered.trim() + "'; it must give true or false (1, t, T, TRUE, true, True,"
            + " or 0, f, F, FALSE, false, False, or nothing)"));
  }

  /**
   * Reads a rendered {@code when} as Go's {@code strconv.ParseBool} does ({@code 1 t T TRUE true
   * True}, {@code 0 f F FALSE false False}), plus the empty string as false: a template such as
   * {@code {{repl if ...}}true{{repl end}}} renders to nothing when its condition fails.
   */
  static Optional<Boolean> parseBoolean(String rendered) {
    String text = rendered.trim();
    return switch (text) {
      case "1", "t", "T", "TRUE", "true", "True" -> Optional.of(true);
      case "", "0", "f", "F", "FALSE", "false", "False" -> Optional.of(false);
      default -> Optional.empty();
    };
  }
}
