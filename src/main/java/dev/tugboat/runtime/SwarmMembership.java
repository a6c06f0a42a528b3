package dev.tugboat.runtime;

/** What part this host's engine has in a Docker Swarm. */
public sealed interface SwarmMembership {

  /** How the API and the CLI name it: {@code inactive}, {@code worker} or {@code manager}. */
  String name();

  /** The engine is in no swarm (or joining one, or locked): {@code state} is Docker's word. */
  record Inactive(String state) implements SwarmMembership {
    @Override
    public String name() {
      return "inactive";
    }
  }

  /** A worker: it runs tasks, but only a manager knows the nodes. */
  record Worker(String nodeId) implements SwarmMembership {
    @Override
    public String name() {
      return "worker";
    }
  }

  /** A manager: it lists and labels the nodes. */
  record Manager(String nodeId) implements SwarmMembership {
    @Override
    public String name() {
      return "manager";
    }
  }
}
