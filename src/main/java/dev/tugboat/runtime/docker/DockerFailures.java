package dev.tugboat.runtime.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.RuntimeFailure;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns docker-java's exceptions into {@link RuntimeFailure}s with messages an operator can act on.
 * A failure to reach the engine is always {@code ENGINE_UNREACHABLE}, never mistaken for a
 * container's state.
 */
final class DockerFailures {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NAME_IN_USE =
      Pattern.compile("name \"/?([^\"]+)\" is already in use by container \"([0-9a-f]+)\"");
  private static final Pattern PORT_ALLOCATED =
      Pattern.compile("Bind for (\\S+) failed: port is already allocated");
  private static final Pattern ADDRESS_IN_USE =
      Pattern.compile("listen (?:tcp|udp)[46]? (\\S+): bind: address already in use");

  private final DockerHost host;

  DockerFailures(DockerHost host) {
    this.host = host;
  }

  String engineHost() {
    return host.uri();
  }

  /** The failure of {@code action} ("start db": a busy port is named as a failure to start db). */
  RuntimeFailure of(String action, RuntimeException e) {
    if (e instanceof RuntimeFailure failure) {
      return failure;
    }
    if (!(e instanceof DockerException)) {
      IOException io = ioCause(e);
      if (io != null) {
        return RuntimeFailure.engineUnreachable(host.uri(), describe(io), e);
      }
      return RuntimeFailure.engineError(action, describe(e), e);
    }
    String message = engineMessage((DockerException) e);
    Matcher name = NAME_IN_USE.matcher(message);
    if (e instanceof ConflictException && name.find()) {
      return RuntimeFailure.nameConflict(name.group(1), name.group(2).substring(0, 12));
    }
    String port = busyPort(message);
    if (port != null) {
      return RuntimeFailure.portAlreadyAllocated(action.replaceFirst("^start ", ""), port, message);
    }
    return RuntimeFailure.engineError(action, message, e);
  }

  /** Create failed: a 404 there means the image is missing, since create never pulls. */
  RuntimeFailure ofCreate(String image, String action, RuntimeException e) {
    if (e instanceof NotFoundException && engineMessage((DockerException) e).contains("image")) {
      return RuntimeFailure.imageNotFound(image);
    }
    return of(action, e);
  }

  /** A 404 on a container call: the container is gone. */
  RuntimeFailure ofContainer(ContainerId id, String action, RuntimeException e) {
    if (e instanceof NotFoundException) {
      return RuntimeFailure.noSuchContainer(id);
    }
    return of(action, e);
  }

  private static String busyPort(String message) {
    Matcher allocated = PORT_ALLOCATED.matcher(message);
    if (allocated.find()) {
      return allocated.group(1);
    }
    Matcher inUse = ADDRESS_IN_USE.matcher(message);
    return inUse.find() ? inUse.group(1) : null;
  }

  /**
   * The engine's own words: docker-java's message is {@code Status 409: {"message":"..."}}.
   */
  static String engineMessage(DockerException e) {
    return engineMessage(e.getMessage() == null ? "" : e.getMessage());
  }

  /** The engine's words in an answer's text: its JSON {@code message}, else the text itself. */
  static String engineMessage(String text) {
    int brace = text.indexOf('{');
    if (brace >= 0) {
      try {
        JsonNode node = JSON.readTree(text.substring(brace));
        if (node.hasNonNull("message")) {
          return node.get("message").asText();
        }
      } catch (IOException notJson) {
        // fall through: the text as docker-java gave it is the best there is
      }
    }
    return text.replaceFirst("^Status \\d+: ", "").trim();
  }

  private static IOException ioCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException io) {
        return io;
      }
    }
    return null;
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
  }
}
