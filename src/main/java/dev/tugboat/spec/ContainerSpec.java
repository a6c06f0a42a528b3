package dev.tugboat.spec;

import java.util.List;
import java.util.Map;

/**
 * A container of a component. {@code component} is the name of the component it belongs to. {@code
 * cmd} is the parsed JSON array of {@code cmdText} (elements raw; empty when {@code cmd} is absent,
 * {@code ""} or not a JSON array, which the validator reports). Keys that only matter with more than
 * one host ({@code cluster}, {@code support_files}, ...) are kept as plain data in {@code
 * multiHostOptions}.
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
    multiHostOptions = RawValues.immutableMap(multiHostOptions);
  }

  /** How events and templates name this container: component and image_name. */
  public ContainerRef ref() {
    return new ContainerRef(component, imageName);
  }

  /** True when {@code container} (from a subscription or template) names this one. */
  public boolean isNamed(String container) {
    return container.equals(imageName) || (!name.isEmpty() && container.equals(name));
  }
}
