package dev.tugboat.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A loaded app spec. Conventions for every record of this package: strings are kept raw, exactly as
 * written (templates are not parsed here), and are {@code ""} when absent, never null; lists and maps
 * are immutable and empty when absent; optional sub-sections are {@link Optional}. Top-level sections
 * that Tugboat keeps but does not act on ({@code monitors}, {@code identity}, ...) are plain data
 * (maps, lists and strings) in {@code otherSections}.
 */
public record AppSpec(
    String apiVersion,
    String name,
    String version,
    String releaseNotes,
    Map<String, String> properties,
    List<CmdSpec> cmds,
    List<ConfigGroupSpec> config,
    List<ComponentSpec> components,
    Optional<ReadySpec> ready,
    List<AdminCommandSpec> adminCommands,
    SupportSpec support,
    BackupSpec backup,
    Map<String, Object> otherSections,
    SourceMap sourceMap) {

  public AppSpec {
    properties = RawValues.immutableStringMap(properties);
    cmds = List.copyOf(cmds);
    config = List.copyOf(config);
    components = List.copyOf(components);
    adminCommands = List.copyOf(adminCommands);
    otherSections = RawValues.immutableMap(otherSections);
  }

  /** Every container of every component, in spec order. */
  public Stream<ContainerSpec> containers() {
    return components.stream().flatMap(component -> component.containers().stream());
  }

  public Optional<ComponentSpec> component(String componentName) {
    return components.stream().filter(c -> c.name().equals(componentName)).findFirst();
  }

  /**
   * The container that {@code ref} names: within its component, the first whose {@code image_name}
   * matches, else the first whose {@code name} matches (Replicated's order).
   */
  public Optional<ContainerSpec> container(ContainerRef ref) {
    Optional<ComponentSpec> component = component(ref.component());
    if (component.isEmpty()) {
      return Optional.empty();
    }
    List<ContainerSpec> containers = component.get().containers();
    return containers.stream()
        .filter(c -> c.imageName().equals(ref.container()))
        .findFirst()
        .or(
            () ->
                containers.stream()
                    .filter(c -> !c.name().isEmpty() && c.name().equals(ref.container()))
                    .findFirst());
  }

  /** All config items, options of select items included, in spec order. */
  public Stream<ConfigItemSpec> configItems() {
    return config.stream().flatMap(group -> group.items().stream());
  }

  public Optional<CmdSpec> cmd(String cmdName) {
    return cmds.stream().filter(c -> c.name().equals(cmdName)).findFirst();
  }
}
