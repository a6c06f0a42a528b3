package dev.tugboat.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Config values as a text table, one row per item (options indented under their select item): name,
 * type, where the value comes from, the value on one line, and notes (required, hidden, readonly,
 * not shown by its when). Secrets are masked before values are shortened, so no part of one shows.
 */
public final class ConfigTable {

  private static final int MAX_VALUE = 60;

  private ConfigTable() {}

  public static String render(ConfigValues values, SecretMasker masker) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"ITEM", "TYPE", "SOURCE", "VALUE", "NOTES"});
    for (ConfigEntry entry : values.screen().entries()) {
      ConfigValue value = values.value(entry.name()).orElseThrow();
      boolean holdsValue = entry.type().holdsValue() && !isChoice(values.screen(), entry);
      rows.add(new String[] {
        (entry.parent().isPresent() ? "  " : "") + entry.name(),
        entry.parent().isPresent() ? "option" : entry.type().specName(),
        holdsValue ? value.source().label() : "-",
        holdsValue ? oneLine(masker.mask(shown(values, entry.name()))) : "",
        notes(entry, values)
      });
    }
    return table(rows);
  }

  /** An option of a select_one: a choice that is the select item's value, not a value itself. */
  private static boolean isChoice(ConfigScreen screen, ConfigEntry entry) {
    return entry.parent().flatMap(screen::entry).filter(p -> p.type() == ItemType.SELECT_ONE).isPresent();
  }

  /** An item's value as shown: a file item as {@code <name, N bytes>}. */
  public static String shown(ConfigValues values, String item) {
    ConfigEntry entry = values.screen().entry(item).orElseThrow();
    ConfigValue value = values.value(item).orElseThrow();
    if (entry.type() == ItemType.FILE && value.data() != null) {
      String name = value.value().isEmpty() ? "contents" : value.value();
      return "<" + name + ", " + value.data().getBytes(StandardCharsets.UTF_8).length
          + " bytes>";
    }
    return value.value();
  }

  private static String notes(ConfigEntry entry, ConfigValues values) {
    List<String> notes = new ArrayList<>();
    if (entry.item().required()) {
      notes.add("required");
    }
    if (entry.item().hidden()) {
      notes.add("hidden");
    }
    if (entry.item().readonly()) {
      notes.add("readonly");
    }
    if (!values.isShown(entry.name())) {
      notes.add("not shown (when)");
    }
    return String.join(", ", notes);
  }

  private static String oneLine(String value) {
    String[] lines = value.split("\n", -1);
    String first = lines[0];
    String shortened = first.length() > MAX_VALUE ? first.substring(0, MAX_VALUE) + "..." : first;
    return lines.length > 1 ? shortened + " ... (" + lines.length + " lines)" : shortened;
  }

  private static String table(List<String[]> rows) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
