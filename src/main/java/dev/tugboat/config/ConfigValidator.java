package dev.tugboat.config;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The checks on config values: a {@code required} item that is shown must have a value before the
 * app starts, and a value written by an operator must fit its item's type. Messages name the item
 * and say how to fix it.
 */
public final class ConfigValidator {

  private ConfigValidator() {}

  /** One message per shown {@code required} item without a value, in spec order. */
  public static List<String> missingRequired(ConfigValues values) {
    List<String> missing = new ArrayList<>();
    for (ConfigEntry entry : values.screen().entries()) {
      if (entry.item().required() && entry.type().holdsValue() && values.isShown(entry.name())
          && values.value(entry.name()).filter(ConfigValue::isSet).isEmpty()) {
        missing.add("required config item " + entry.label() + " has no value; set it with: tugboat config set "
            + "SPEC " + entry.name() + (entry.type() == ItemType.FILE ? "=@FILE" : "=VALUE"));
      }
    }
    return List.copyOf(missing);
  }

  /** Throws when a required item has no value: the app cannot start until it has one. */
  public static void requireComplete(ConfigValues values) throws ConfigException {
    List<String> missing = missingRequired(values);
    if (!missing.isEmpty()) {
      throw new ConfigException("the app cannot start until its required config items have values:\n  "
          + String.join("\n  ", missing));
    }
  }

  /**
   * Checks that an operator may write {@code value} to item {@code name}.
   *
   * @throws ConfigException naming the item and the reason when the write is refused
   */
  public static void checkWrite(ConfigScreen screen, String name, StoredValue value) throws ConfigException {
    ConfigEntry entry = screen.require(name);
    String refusal = refusal(screen, entry, value);
    if (refusal != null) {
      throw new ConfigException("config item " + entry.label() + ": " + refusal);
    }
  }

  private static String refusal(ConfigScreen screen, ConfigEntry entry, StoredValue value) {
    if (entry.item().readonly()) {
      return "it is readonly; its value comes from the spec";
    }
    boolean switchOption = entry.parent().flatMap(screen::entry)
        .filter(parent -> parent.type() == ItemType.SELECT_MANY).isPresent();
    if (switchOption) {
      return zeroOrOne(value.value(), "an option of select_many item '" + entry.parent().get() + "'");
    }
    return switch (entry.type()) {
      case LABEL, HEADING -> "it is a " + entry.type().specName() + " and holds no value";
      case BOOL -> zeroOrOne(value.value(), "a bool");
      case SELECT_ONE -> oneOf(screen, entry, value.value());
      case SELECT_MANY -> "it is select_many: set its options ("
          + optionNames(screen, entry) + ") to 1 or 0 instead";
      case FILE -> value.data() == null ? "it is a file: give its contents with " + entry.name() + "=@PATH" : null;
      case TEXT, PASSWORD, TEXTAREA -> value.data() != null
          ? "it is " + entry.type().specName() + ", not a file: give the value itself, not @PATH" : null;
    };
  }

  private static String zeroOrOne(String value, String what) {
    return value.equals("0") || value.equals("1") ? null
        : "it is " + what + ": its value must be 1 (on) or 0 (off), got '" + value + "'";
  }

  private static String oneOf(ConfigScreen screen, ConfigEntry entry, String value) {
    List<ConfigEntry> options = screen.options(entry.name());
    if (options.stream().anyMatch(o -> o.name().equals(value))) {
      return null;
    }
    return "it is select_one: its value must be the name of one of its options ("
        + optionNames(screen, entry) + "), got '" + value + "'";
  }

  private static String optionNames(ConfigScreen screen, ConfigEntry entry) {
    return screen.options(entry.name()).stream().map(ConfigEntry::name).collect(Collectors.joining(", "));
  }
}
