package dev.tugboat.orchestrator;

import dev.tugboat.events.ContainerKey;
import java.util.List;

/**
 * What a run needs from the host before anything starts: its images and the host ports it
 * publishes, each with the containers that need it (for messages).
 */
public record PreflightNeeds(String app, List<ImageNeed> images, List<PortNeed> ports) {

  public PreflightNeeds {
    images = List.copyOf(images);
    ports = List.copyOf(ports);
  }

  /** An image reference and the containers that run it. */
  public record ImageNeed(String image, List<ContainerKey> containers) {
    public ImageNeed {
      containers = List.copyOf(containers);
    }
  }

  /** A host port a container publishes; {@code hostAddress} empty: every address. */
  public record PortNeed(String hostAddress, int hostPort, String protocol, ContainerKey container) {}
}
