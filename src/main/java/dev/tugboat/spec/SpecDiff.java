package dev.tugboat.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares two specs as written (templates unrendered): what an upgrade from {@code before} to
 * {@code after} adds, removes and changes. Pure; order follows the specs.
 */
public final class SpecDiff {

  private SpecDiff() {}

  public static SpecChanges between(AppSpec before, AppSpec after) {
    Map<String, ContainerSpec> old = containers(before);
    Map<String, ContainerSpec> updated = containers(after);
    Map<String, LogConfigSpec> oldLogging = logConfigs(before);
    Map<String, LogConfigSpec> newLogging = logConfigs(after);
    Map<String, List<HostVolumeSpec>> oldHostVolumes = hostVolumes(before);
    Map<String, List<HostVolumeSpec>> newHostVolumes = hostVolumes(after);
    List<SpecChanges.ContainerChange> changed = new ArrayList<>();
    updated.forEach((key, container) -> {
      ContainerSpec previous = old.get(key);
      if (previous != null) {
        List<String> changes = changes(previous, container);
        if (!oldLogging.get(key).equals(newLogging.get(key))) {
          changes.add("log_config changed");
        }
        if (!oldHostVolumes.get(key).equals(newHostVolumes.get(key))) {
          changes.add("host_volumes changed");
        }
        if (!changes.isEmpty()) {
          changed.add(new SpecChanges.ContainerChange(key, changes));
        }
      }
    });
    Set<String> oldEvents = events(before);
    Set<String> newEvents = events(after);
    return new SpecChanges(missingFrom(old.keySet(), updated.keySet()),
        missingFrom(updated.keySet(), old.keySet()), changed,
        missingFrom(oldEvents, newEvents), missingFrom(newEvents, oldEvents));
  }

  /** The elements of {@code all} that {@code known} lacks, in the order of {@code all}. */
  private static List<String> missingFrom(Set<String> known, Set<String> all) {
    return all.stream().filter(item -> !known.contains(item)).toList();
  }

  /** By key, as status names them: {@code component/image_name}, or its name if two share it. */
  private static Map<String, ContainerSpec> containers(AppSpec spec) {
    Map<String, ContainerSpec> byKey = new LinkedHashMap<>();
    eachContainer(spec, (key, component, container) -> byKey.putIfAbsent(key, container));
    return byKey;
  }

  /** The log_config each container runs with, its own or its component's, by the same keys. */
  private static Map<String, LogConfigSpec> logConfigs(AppSpec spec) {
    Map<String, LogConfigSpec> byKey = new LinkedHashMap<>();
    eachContainer(spec, (key, component, container) -> byKey.putIfAbsent(key,
        container.options().logConfig().isSet() ? container.options().logConfig()
            : component.logConfig()));
    return byKey;
  }

  /** Each container's component's host_volumes, by the same keys. */
  private static Map<String, List<HostVolumeSpec>> hostVolumes(AppSpec spec) {
    Map<String, List<HostVolumeSpec>> byKey = new LinkedHashMap<>();
    eachContainer(spec, (key, component, container) ->
        byKey.putIfAbsent(key, component.hostVolumes()));
    return byKey;
  }

  private interface ContainerVisit {
    void visit(String key, ComponentSpec component, ContainerSpec container);
  }

  private static void eachContainer(AppSpec spec, ContainerVisit visit) {
    for (ComponentSpec component : spec.components()) {
      for (ContainerSpec container : component.containers()) {
        long sameImage = component.containers().stream()
            .filter(c -> c.imageName().equals(container.imageName())).count();
        String name = sameImage > 1 && !container.name().isEmpty()
            ? container.name() : container.imageName();
        visit.visit(component.name() + "/" + name, component, container);
      }
    }
  }

  private static List<String> changes(ContainerSpec before, ContainerSpec after) {
    List<String> changes = new ArrayList<>();
    String oldImage = image(before);
    String newImage = image(after);
    if (!oldImage.equals(newImage)) {
      changes.add("image " + oldImage + " -> " + newImage);
    }
    if (!before.cmdText().equals(after.cmdText())) {
      changes.add("cmd " + shown(before.cmdText()) + " -> " + shown(after.cmdText()));
    }
    if (before.ephemeral() != after.ephemeral()) {
      changes.add("ephemeral " + before.ephemeral() + " -> " + after.ephemeral());
    }
    InstanceCountSpec oldCount = InstanceCountSpec.of(before);
    InstanceCountSpec newCount = InstanceCountSpec.of(after);
    if (!instances(oldCount).equals(instances(newCount))) {
      changes.add("instances " + instances(oldCount) + " -> " + instances(newCount));
    }
    compare(changes, "env", before.envVars(), after.envVars(), EnvVarSpec::name,
        env -> env.value() + "|" + env.when());
    compare(changes, "port", before.ports(), after.ports(), SpecDiff::portName,
        port -> port.publicPort() + "|" + port.interfaceName() + "|" + port.when());
    compare(changes, "volume", before.volumes(), after.volumes(), VolumeSpec::containerPath,
        volume -> volume.hostPath() + "|" + volume.options() + "|" + volume.permission() + "|"
            + volume.owner() + "|" + volume.when());
    return changes;
  }

  /**
   * The instances as written: the count where {@code cluster} enables it (the values the run
   * takes as true), else 1. A templated count shows as its template.
   */
  private static String instances(InstanceCountSpec count) {
    boolean clustered = switch (count.cluster().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1", "yes", "t" -> true;
      default -> false;
    };
    return clustered && !count.initial().isEmpty() ? count.initial() : "1";
  }

  /**
   * Entries added, removed or changed, matched by {@code name}. Values are not shown: an env value
   * may be a password.
   */
  private static <T> void compare(List<String> changes, String kind, List<T> before, List<T> after,
      Function<T, String> name, Function<T, String> value) {
    Map<String, String> old = index(before, name, value);
    Map<String, String> updated = index(after, name, value);
    updated.forEach((key, v) -> {
      if (!old.containsKey(key)) {
        changes.add(kind + " " + key + " added");
      } else if (!Objects.equals(old.get(key), v)) {
        changes.add(kind + " " + key + " changed");
      }
    });
    old.keySet().stream().filter(key -> !updated.containsKey(key))
        .forEach(key -> changes.add(kind + " " + key + " removed"));
  }

  private static <T> Map<String, String> index(List<T> entries, Function<T, String> name,
      Function<T, String> value) {
    return entries.stream().collect(Collectors.toMap(name, value, (first, later) -> first,
        LinkedHashMap::new));
  }

  private static String image(ContainerSpec container) {
    String source = container.source().isEmpty() || container.source().equals("public")
        ? "" : container.source() + ":";
    return source + container.imageName() + ":" + container.version();
  }

  private static String portName(PortSpec port) {
    return port.privatePort() + "/" + (port.portType().isEmpty() ? "tcp" : port.portType());
  }

  private static String shown(String cmd) {
    return cmd.isEmpty() ? "(none)" : cmd;
  }

  private static Set<String> events(AppSpec spec) {
    Set<String> events = new LinkedHashSet<>();
    Map<String, ContainerSpec> containers = containers(spec);
    containers.forEach((key, container) -> container.publishEvents().forEach(event ->
        events.add("\"" + event.name() + "\" (" + key + ", " + trigger(event) + ")")));
    return events;
  }

  private static String trigger(EventSpec event) {
    return event.data().isEmpty() ? event.trigger() : event.trigger() + " " + event.data();
  }
}
