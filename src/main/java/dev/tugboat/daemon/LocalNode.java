package dev.tugboat.daemon;

import dev.tugboat.api.NodesView;
import java.util.List;

/**
 * The daemon's own host as the nodes' listing shows it: its name, its address, and the containers
 * of the app's current run, which run here whatever the swarm around it.
 */
record LocalNode(String hostname, String address, List<NodesView.Container> containers) {
  LocalNode {
    containers = List.copyOf(containers);
  }
}
