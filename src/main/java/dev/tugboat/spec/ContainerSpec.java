package dev.tugboat.spec;

import java.util.List;
import java.util.Map;

/**
 * A container of a component. {@code component} is the name of the component it belongs to.
 *
 * <p>{@code cmdText} is {@code cmd} as written; {@code cmd} is its JSON array, parsed at load with
 * templates inside elements kept raw ({@code ["app", "{{repl ConfigOption "x"}}"]} is accepted, as
 * Replicated renders before parsing). {@code cmd} is empty when there is no command ({@code ""}), when
 * the text is not a JSON array (the {@code cmd-json-array} rule reports it), and when actions stand
 * outside the strings so the array exists only once rendered: then render {@code cmdText} and parse
 * the result.
 *
 * <p>{@code supportFiles} and {@code supportCommands} are what the support bundle takes from
 * this container. Keys that only matter with more than one host ({@code cluster}, {@code dynamic},
 * ...) are kept as plain data in {@code multiHostOptions}.
 */
public record ContainerSpec(
    String component,
    String source,
    String imageName,
    String version,
    String name,
    String displayName,
    String cmdText,
    List<String> cmd,
    List<String> entrypoint,
    boolean ephemeral,
    List<EnvVarSpec> envVars,
    List<PortSpec> ports,
    List<VolumeSpec> volumes,
    List<String> volumesFrom,
    List<ConfigFileSpec> configFiles,
    List<CustomerFileSpec> customerFiles,
    List<EventSpec> publishEvents,
    RestartSpec restart,
    String when,
    ContainerOptionsSpec options,
    List<SupportFileSpec> supportFiles,
    List<SupportCommandSpec> supportCommands,
    Map<String, Object> multiHostOptions) {

  public ContainerSpec {
    cmd = List.copyOf(cmd);
    entrypoint = List.copyOf(entrypoint);
    envVars = List.copyOf(envVars);
    ports = List.copyOf(ports);
    volumes = List.copyOf(volumes);
    volumesFrom = List.copyOf(volumesFrom);
    configFiles = List.copyOf(configFiles);
    customerFiles = List.copyOf(customerFiles);
    publishEvents = List.copyOf(publishEvents);
    supportFiles = List.copyOf(supportFiles);
    supportCommands = List.copyOf(supportCommands);
    multiHostOptions = RawValues.immutableMap(multiHostOptions);
  }

  /**
   * True when {@code cmd} is a JSON array only once rendered (actions outside its strings): render
   * {@link #cmdText()} and read the result with {@link CmdJson#parse}.
   */
  public boolean cmdNeedsRendering() {
    return new CmdJson().parse(cmdText) instanceof CmdJson.NeedsRendering;
  }

  /** How events and templates name this container: component and image_name. */
  public ContainerRef ref() {
    return new ContainerRef(component, imageName);
  }
}
