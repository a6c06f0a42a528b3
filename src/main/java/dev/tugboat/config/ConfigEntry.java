package dev.tugboat.config;

import dev.tugboat.spec.ConfigItemSpec;
import java.util.Optional;

/**
 * One config item of the screen with what is needed to resolve it: its parsed type, where it is in
 * the spec, its group, the select item it is an option of (if any), and the parsed {@code when}s.
 *
 * @param path the item's field path in the spec, e.g. {@code config[0].items[2]}
 * @param parent the name of the select item this is an option of
 */
public record ConfigEntry(
    ConfigItemSpec item,
    ItemType type,
    String path,
    String group,
    Optional<String> parent,
    WhenCondition groupWhen,
    WhenCondition when) {

  public String name() {
    return item.name();
  }

  /** How messages name the item: {@code 'hostname' (Hostname)}. */
  public String label() {
    return item.title().isEmpty() ? "'" + name() + "'" : "'" + name() + "' (" + item.title() + ")";
  }

  /** Whether the value is a secret: {@code password} items and those excluded from support. */
  public boolean isSecret() {
    return type == ItemType.PASSWORD || item.isExcludedFromSupport();
  }
}
