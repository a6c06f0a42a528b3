package dev.tugboat.orchestrator;

import dev.tugboat.events.ContainerKey;
import java.util.List;

/**
 * What a run needs from the host before anything starts: its images, the host ports it publishes
 * and the log drivers it names, each with the containers that need it (for messages).
 */
public record PreflightNeeds(String app, List<ImageNeed> images, List<PortNeed> ports,
    List<LogDriverNeed> logDrivers) {

  public PreflightNeeds {
    images = List.copyOf(images);
    ports = List.copyOf(ports);
    logDrivers = List.copyOf(logDrivers);
  }

  /** Images and ports only. */
  public PreflightNeeds(String app, List<ImageNeed> images, List<PortNeed> ports) {
    this(app, images, ports, List.of());
  }

  /** A log driver other than json-file (which every engine has), and the containers using it. */
  public record LogDriverNeed(String driver, List<ContainerKey> containers) {
    public LogDriverNeed {
      containers = List.copyOf(containers);
    }
  }

  /**
   * An image reference, the containers that run it, and the spec's image {@code source} it comes
   * from ({@code public}, {@code replicated} or a named source; empty: public), which says which
   * configured registry, and login, pulls it.
   */
  public record ImageNeed(String image, List<ContainerKey> containers, String source) {
    public ImageNeed {
      containers = List.copyOf(containers);
      java.util.Objects.requireNonNull(source, "source");
    }

    /** A public image. */
    public ImageNeed(String image, List<ContainerKey> containers) {
      this(image, containers, "");
    }
  }

  /**
   * A host port a container publishes: on {@code hostInterface}'s address when one is named,
   * else on {@code hostAddress}, empty meaning every address.
   */
  public record PortNeed(String hostAddress, int hostPort, String protocol, ContainerKey container,
      String hostInterface) {

    public PortNeed(String hostAddress, int hostPort, String protocol, ContainerKey container) {
      this(hostAddress, hostPort, protocol, container, "");
    }

    /** The port as messages name it: {@code 8080/tcp}, or {@code 8080/tcp on eth1}. */
    public String label() {
      return hostPort + "/" + protocol + (hostInterface.isEmpty() ? "" : " on " + hostInterface);
    }
  }
}
