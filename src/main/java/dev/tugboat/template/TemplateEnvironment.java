package dev.tugboat.template;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The facts that template functions read. The config package supplies config values, the
 * orchestrator supplies run-time facts (addresses and ports of started containers); {@code tugboat
 * render} supplies placeholders for facts known only at run time.
 *
 * <p>A method that cannot answer because a fact is not known yet (a container that has not started)
 * throws {@link UnavailableFactException} with a message naming what is missing; the evaluator turns
 * it into a {@link TemplateException} at the calling action's position. {@code Optional.empty()} means
 * "no such thing" (an unknown config item), which the function reports in its own words.
 *
 * <p>Implementations must be safe to call from the thread that renders, and must not block on I/O.
 */
public interface TemplateEnvironment {

  /** {@code ConfigOption}: the item's stored value, else its {@code value}, else its {@code default}. */
  Optional<String> configOption(String item);

  /** {@code ConfigOptionData}: the contents of a {@code file} item. */
  Optional<String> configOptionData(String item);

  /** {@code LicenseFieldValue}. */
  Optional<String> licenseFieldValue(String field);

  /** {@code LicenseProperty}: {@code assignee}, {@code license.id}, ... */
  Optional<String> licenseProperty(String property);

  /** {@code AppSetting} and {@code ConsoleSetting}: settings of the app and of the console. */
  Optional<String> appSetting(String name);

  Optional<String> consoleSetting(String name);

  /** {@code AppID}, {@code AppVersion}, {@code AppVersionFirst}, {@code AppVersionCurrent}, {@code RunOffline}. */
  AppFacts app();

  /** The host this daemon runs on. */
  HostFacts host();

  /**
   * Private addresses of the nodes running {@code component}/{@code container} (one host: the
   * host's private address). Throws {@link UnavailableFactException} when that container is not
   * running yet; an empty list when it is known but runs nowhere.
   */
  List<String> nodePrivateAddresses(String component, String container);

  /** Public addresses of the nodes running {@code component}/{@code container}. */
  List<String> nodePublicAddresses(String component, String container);

  /**
   * Host ports bound to {@code privatePort} of every instance of {@code component}/{@code container}
   * ({@code ContainerExposedPort*}). Throws {@link UnavailableFactException} when not started yet.
   */
  List<String> containerExposedPorts(String component, String container, String privatePort);

  /** {@code Now} and {@code NowFmt}; injected so tests control time. */
  Instant now();

  /** Identity and versions of the app, as Replicated's {@code App*} functions give them. */
  record AppFacts(String appId, String version, String versionFirst, String versionCurrent, boolean runOffline) {}

  /**
   * The host's addresses. {@code interfaceAddress} answers {@code ThisHostInterfaceAddress}; empty
   * for an interface this host does not have.
   */
  interface HostFacts {
    String privateAddress();

    String publicAddress();

    /** The address containers use to reach the host (the Docker bridge gateway). */
    String dockerAddress();

    Optional<String> interfaceAddress(String interfaceName);
  }
}
