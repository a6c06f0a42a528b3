package dev.tugboat.runtime;

import java.util.Objects;

/**
 * A runtime call failed. {@link #kind()} says how, so callers can tell "the engine is unreachable"
 * (nothing is known about containers) from a container's own fate; the message says what to do and
 * is meant for the operator as it is.
 */
public final class RuntimeFailure extends RuntimeException {
  /** The ways a call fails that callers act on differently. */
  public enum Kind {
    /** The engine did not answer: container states are unknown, not stopped. */
    ENGINE_UNREACHABLE,
    IMAGE_NOT_FOUND,
    /** A registry refused the pull's login (wrong user or password, or no access to the image). */
    REGISTRY_DENIED,
    PORT_ALREADY_ALLOCATED,
    NAME_CONFLICT,
    NO_SUCH_CONTAINER,
    TIMED_OUT,
    /** The config cannot be given to the engine as it is (not sent); the message names the field. */
    INVALID_CONFIG,
    /** The engine refused the call for another reason; the message carries its words. */
    ENGINE_ERROR,
    /** A swarm call on an engine in no swarm, or on a worker: only a manager knows the nodes. */
    NOT_A_SWARM_MANAGER,
    /** No swarm node has that id, id prefix or hostname. */
    NO_SUCH_NODE,
    /** More than one swarm node answers to that id prefix or hostname; the message names them. */
    AMBIGUOUS_NODE
  }

  private final Kind kind;

  public RuntimeFailure(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public RuntimeFailure(Kind kind, String message) {
    this(kind, message, null);
  }

  public Kind kind() {
    return kind;
  }

  public static RuntimeFailure engineUnreachable(String engineHost, String reason, Throwable cause) {
    return new RuntimeFailure(Kind.ENGINE_UNREACHABLE,
        "cannot reach Docker at " + engineHost + ": " + reason
            + " (is the Docker daemon running, and may this user use it? DOCKER_HOST selects"
            + " another engine)",
        cause);
  }

  /**
   * The engine took {@code call} but gave no answer within {@code deadline}: paused, wedged or
   * overloaded. Counted as unreachable, since nothing is known about what the call did.
   */
  public static RuntimeFailure engineDidNotAnswer(
      String engineHost, String call, java.time.Duration deadline) {
    return new RuntimeFailure(Kind.ENGINE_UNREACHABLE,
        "the Docker Engine at " + engineHost + " did not answer a call to " + call + " within "
            + inWords(deadline) + " (is it paused, wedged or overloaded? check:"
            + " systemctl status docker)");
  }

  private static String inWords(java.time.Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  public static RuntimeFailure imageNotFound(String image) {
    return new RuntimeFailure(Kind.IMAGE_NOT_FOUND,
        "image " + image + " is not on this host: load it with `docker load -i FILE`"
            + " (FILE: the image archive shipped with the application), or make its registry"
            + " reachable so it can be pulled");
  }

  /** A pull failed; the message is the engine's words, for the caller to put in context. */
  public static RuntimeFailure pullFailed(String image, String pullError) {
    return new RuntimeFailure(Kind.IMAGE_NOT_FOUND,
        "Docker could not pull " + image + ": " + pullError);
  }

  /** The registry refused the pull's login, or the login may not pull this image. */
  public static RuntimeFailure registryDenied(String image, String registryError) {
    return new RuntimeFailure(Kind.REGISTRY_DENIED,
        "the registry refused the pull of " + image + ": " + registryError);
  }

  public static RuntimeFailure portAlreadyAllocated(String container, String hostPort, String why) {
    return new RuntimeFailure(Kind.PORT_ALREADY_ALLOCATED,
        "cannot start " + container + ": host port " + hostPort + " is already in use (" + why
            + "): stop what holds it, or publish the container on another host port");
  }

  public static RuntimeFailure nameConflict(String name, String holder) {
    return new RuntimeFailure(Kind.NAME_CONFLICT,
        "container name \"" + name + "\" is already in use by container " + holder
            + ": remove or rename that container");
  }

  public static RuntimeFailure noSuchContainer(ContainerId id) {
    return new RuntimeFailure(Kind.NO_SUCH_CONTAINER, "no such container: " + id);
  }

  public static RuntimeFailure timedOut(String what) {
    return new RuntimeFailure(Kind.TIMED_OUT, what);
  }

  public static RuntimeFailure invalidConfig(String container, String problem) {
    return new RuntimeFailure(Kind.INVALID_CONFIG, "cannot create " + container + ": " + problem);
  }

  /** A swarm call on an engine that is not a manager ({@code membership}: {@code inactive}...). */
  public static RuntimeFailure notASwarmManager(SwarmMembership membership) {
    String what;
    if (membership instanceof SwarmMembership.Inactive none) {
      what = "this Docker Engine is in no swarm (" + none.state() + "): an app of plain"
          + " containers needs none; to spread clustered components over several hosts, make this"
          + " host a manager with `docker swarm init` and join the others with the `docker swarm"
          + " join` command it prints";
    } else if (membership instanceof SwarmMembership.Worker worker) {
      what = "this Docker Engine is a swarm worker (node " + worker.nodeId() + "): only a manager"
          + " lists and tags the nodes; run the daemon on a manager (`docker node promote` on a"
          + " manager makes this node one)";
    } else {
      what = "this Docker Engine is a swarm manager but refused a manager's call";
    }
    return new RuntimeFailure(Kind.NOT_A_SWARM_MANAGER, what);
  }

  public static RuntimeFailure engineError(String action, String engineMessage, Throwable cause) {
    return new RuntimeFailure(Kind.ENGINE_ERROR,
        "Docker refused to " + action + ": " + engineMessage, cause);
  }
}
