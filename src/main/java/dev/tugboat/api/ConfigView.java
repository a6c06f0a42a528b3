package dev.tugboat.api;

import java.util.List;

/**
 * The config screen as {@code GET /api/v1/config} answers it: every item in spec order (the list
 * {@code tugboat config} reads), and the same items by group with the groups' titles.
 */
public record ConfigView(List<ConfigItemView> items, List<Group> groups) {

  public ConfigView {
    items = List.copyOf(items);
    groups = List.copyOf(groups);
  }

  /** A view of these groups; {@link #items()} lists their items in order. */
  public static ConfigView of(List<Group> groups) {
    return new ConfigView(groups.stream().flatMap(g -> g.items().stream()).toList(), groups);
  }

  /**
   * One group of the screen. {@code when} is the spec's text ({@code item=value}, {@code
   * item!=value}, a template, or empty); {@code shown} is what it gives with the current values.
   */
  public record Group(String name, String title, String description, String when, boolean shown,
      List<ConfigItemView> items) {

    public Group {
      items = List.copyOf(items);
    }
  }
}
