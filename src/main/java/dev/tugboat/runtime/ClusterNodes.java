package dev.tugboat.runtime;

import java.util.List;
import java.util.Set;

/**
 * The swarm's nodes as an operator sees and tags them. Every call but {@link #membership()} needs
 * a manager: on a worker or an engine in no swarm it fails with {@code NOT_A_SWARM_MANAGER}, the
 * message saying what to do. A {@code node} is a node id, an unambiguous id prefix or a hostname
 * ({@link NodeNames}). Blocking; safe from any thread.
 */
public interface ClusterNodes {

  /** Whether this engine is a swarm manager, a worker or in no swarm. */
  SwarmMembership membership();

  /** Every node, managers first, then by hostname. */
  List<ClusterNode> nodes();

  /**
   * The tasks of Tugboat's apps' services, on whichever node they are; not the replaced tasks
   * Swarm keeps as history (desired state shutdown).
   */
  List<ClusterTask> appTasks();

  /**
   * Adds {@code tags} to the node ({@link NodeTags}; a tag it has already stays); throws {@link
   * IllegalArgumentException} for a tag that cannot be a label, before changing anything.
   */
  void tag(String node, Set<String> tags);

  /** Removes {@code tags} from the node; one it does not have is no change. */
  void untag(String node, Set<String> tags);
}
