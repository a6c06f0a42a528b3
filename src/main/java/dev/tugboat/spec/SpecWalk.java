package dev.tugboat.spec;

import java.util.ArrayList;
import java.util.List;

/** The spec's containers, events and config items in spec order, each with its field path. */
public final class SpecWalk {
  private SpecWalk() {}

  public static List<Located<ContainerSpec>> containers(AppSpec spec) {
    List<Located<ContainerSpec>> result = new ArrayList<>();
    for (int c = 0; c < spec.components().size(); c++) {
      List<ContainerSpec> containers = spec.components().get(c).containers();
      for (int i = 0; i < containers.size(); i++) {
        result.add(new Located<>("components[" + c + "].containers[" + i + "]", containers.get(i)));
      }
    }
    return result;
  }

  public static List<LocatedEvent> events(AppSpec spec) {
    List<LocatedEvent> result = new ArrayList<>();
    for (Located<ContainerSpec> container : containers(spec)) {
      List<EventSpec> events = container.value().publishEvents();
      for (int i = 0; i < events.size(); i++) {
        result.add(new LocatedEvent(
            container.child("publish_events[" + i + "]"), container.value(), events.get(i)));
      }
    }
    return result;
  }

  /** Top-level config items of every group (options of select items are their {@code items}). */
  public static List<Located<ConfigItemSpec>> configItems(AppSpec spec) {
    List<Located<ConfigItemSpec>> result = new ArrayList<>();
    for (int g = 0; g < spec.config().size(); g++) {
      List<ConfigItemSpec> items = spec.config().get(g).items();
      for (int i = 0; i < items.size(); i++) {
        result.add(new Located<>("config[" + g + "].items[" + i + "]", items.get(i)));
      }
    }
    return result;
  }

  /** Config items and, recursively, their nested items. */
  public static List<Located<ConfigItemSpec>> configItemsAndOptions(AppSpec spec) {
    List<Located<ConfigItemSpec>> result = new ArrayList<>();
    for (Located<ConfigItemSpec> item : configItems(spec)) {
      addWithOptions(item, result);
    }
    return result;
  }

  private static void addWithOptions(Located<ConfigItemSpec> item, List<Located<ConfigItemSpec>> into) {
    into.add(item);
    List<ConfigItemSpec> options = item.value().items();
    for (int i = 0; i < options.size(); i++) {
      addWithOptions(new Located<>(item.child("items[" + i + "]"), options.get(i)), into);
    }
  }
}
