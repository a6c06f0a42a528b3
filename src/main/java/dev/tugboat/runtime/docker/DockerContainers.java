package dev.tugboat.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.ContainerInfo;
import dev.tugboat.runtime.ContainerState;
import dev.tugboat.runtime.ContainerSummary;
import dev.tugboat.runtime.FileToCopy;
import dev.tugboat.runtime.HostInterfaces;
import dev.tugboat.runtime.RuntimeFailure;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A container's life: create, copy files in, start, stop, remove, inspect, list. */
final class DockerContainers {
  /** How long a removal the engine already has under way may take before it counts as failed. */
  private static final Duration OTHER_REMOVAL_WAIT = Duration.ofSeconds(30);
  private static final Duration OTHER_REMOVAL_POLL = Duration.ofMillis(100);
  private static final String DEFAULT_STOP_SIGNAL = "SIGTERM";

  private final DockerClient client;
  private final DockerCalls calls;
  private final DockerFailures failures;
  private final DockerContainerConfigMapper mapper;
  private final DockerRawApi raw;
  private final com.fasterxml.jackson.databind.ObjectMapper json =
      new com.fasterxml.jackson.databind.ObjectMapper();

  DockerContainers(DockerClient client, DockerCalls calls, DockerFailures failures,
      HostInterfaces interfaces) {
    this.client = client;
    this.calls = calls;
    this.failures = failures;
    this.mapper = new DockerContainerConfigMapper(interfaces);
    this.raw = DockerRawApi.under(client);
  }

  ContainerId create(ContainerConfig config) {
    String action = "create " + config.displayName();
    ContainerId id;
    try {
      id = ContainerId.of(calls.ask(action,
          () -> mapper.apply(config, client.createContainerCmd(config.image())).exec().getId()));
    } catch (RuntimeException e) {
      throw failures.ofCreate(config.image(), action, e);
    }
    // The engine creates a container on one network; the others are joined before it starts.
    for (String network : config.joinedNetworks()) {
      String join = "connect " + config.displayName() + " to network " + network;
      try {
        calls.tell(join, () -> client.connectToNetworkCmd().withContainerId(id.value())
            .withNetworkId(network).exec());
      } catch (RuntimeException e) {
        throw failures.ofContainer(id, join, e);
      }
    }
    return id;
  }

  /**
   * The copy endpoint takes a tar archive and works on a created container that has not started:
   * that is how config files are in place before its process first reads them.
   */
  void copy(ContainerId id, List<FileToCopy> files) {
    if (files.isEmpty()) {
      return;
    }
    String action = "copy files into " + id;
    try {
      byte[] tar = TarArchive.of(files);
      calls.tell(action, () -> client.copyArchiveToContainerCmd(id.value()).withRemotePath("/")
          .withTarInputStream(new ByteArrayInputStream(tar)).exec());
    } catch (RuntimeException e) {
      throw failures.ofContainer(id, action, e);
    }
  }

  void start(ContainerId id) {
    try {
      calls.tell("start " + id, () -> client.startContainerCmd(id.value()).exec());
    } catch (NotModifiedException alreadyRunning) {
      // Starting a running container is harmless, as the interface promises.
    } catch (RuntimeException e) {
      throw failures.ofContainer(id, "start " + nameOf(id), e);
    }
  }

  /** A PID 1 that ignores SIGTERM (busybox httpd) makes this wait the whole timeout. */
  void stop(ContainerId id, Duration timeout) {
    if (timeout.isZero()) {
      kill(id);
      return;
    }
    try {
      calls.run("stop " + id, calls.deadlines().stop(timeout), () -> client
          .stopContainerCmd(id.value()).withTimeout(Math.toIntExact(timeout.toSeconds())).exec());
    } catch (NotModifiedException alreadyStopped) {
      // Stopping a stopped container is harmless.
    } catch (RuntimeException e) {
      throw failures.ofContainer(id, "stop " + id, e);
    }
  }

  /**
   * Docker's stop with no timeout sends the stop signal and SIGKILL straight after it, and the
   * engine delivers each signal through a runc process of its own: about a tenth of a second of a
   * core here, so 50 containers killed at once waited a second on signals none could act on. So
   * SIGKILL alone, then the engine's wait, so that this returns once the container has ended.
   */
  private void kill(ContainerId id) {
    String action = "kill " + id;
    try {
      calls.run(action, calls.deadlines().stop(Duration.ZERO), () -> {
        try {
          client.killContainerCmd(id.value()).withSignal("SIGKILL").exec();
        } catch (ConflictException notRunning) {
          // killing a container that does not run is harmless, as stopping a stopped one is
        }
        DockerRawApi.Answer ended =
            raw.post("/containers/" + id.value() + "/wait?condition=not-running", null);
        if (ended.status() == 404) {
          throw RuntimeFailure.noSuchContainer(id);
        }
        if (!ended.ok()) {
          throw new IllegalStateException("wait answered " + ended.status() + ": "
              + DockerFailures.engineMessage(ended.body()));
        }
      });
    } catch (RuntimeException e) {
      throw failures.ofContainer(id, action, e);
    }
  }

  void pause(ContainerId id) {
    try {
      calls.tell("pause " + id, () -> client.pauseContainerCmd(id.value()).exec());
    } catch (ConflictException pausedOrNotRunning) {
      // Docker refuses a paused or stopped container; either way nothing of it runs on.
    } catch (RuntimeException e) {
      throw failures.ofContainer(id, "pause " + id, e);
    }
  }

  void unpause(ContainerId id) {
    try {
      calls.tell("unpause " + id, () -> client.unpauseContainerCmd(id.value()).exec());
    } catch (RuntimeException e) {
      // Docker refuses a container that is not paused with a 500 ("is not paused"), not a
      // conflict: what the container is now says whether anything is left to do.
      RuntimeFailure failure = failures.ofContainer(id, "unpause " + id, e);
      if (failure.kind() == RuntimeFailure.Kind.ENGINE_ERROR && inspect(id)
          .map(info -> info.state() != ContainerState.PAUSED).orElse(true)) {
        return;
      }
      throw failure;
    }
  }

  /**
   * Docker's stop would wait out the timeout on the caller's thread; a kill with the container's
   * own stop signal returns at once. The signal is read from the container, as Docker's stop does:
   * an image's {@code STOPSIGNAL} (PostgreSQL's SIGINT) must not become SIGTERM here.
   */
  void signalStop(ContainerId id) {
    String action = "signal " + id + " to stop";
    try {
      DockerRawApi.Answer inspect = calls.ask(action,
          () -> raw.get("/containers/" + id.value() + "/json"));
      if (inspect.status() == 404) {
        throw RuntimeFailure.noSuchContainer(id);
      }
      String signal = stopSignalOf(inspect);
      calls.tell(action, () -> client.killContainerCmd(id.value()).withSignal(signal).exec());
    } catch (ConflictException notRunning) {
      // Signalling a container that does not run is harmless, as stopping a stopped one is.
    } catch (RuntimeException e) {
      throw failures.ofContainer(id, action, e);
    }
  }

  /** docker-java's model of a container has no field for it, so the engine's own JSON is read. */
  private String stopSignalOf(DockerRawApi.Answer inspect) {
    if (!inspect.ok()) {
      throw new IllegalStateException("inspect answered " + inspect.status() + ": "
          + inspect.body().strip());
    }
    try {
      String signal = json.readTree(inspect.body()).path("Config").path("StopSignal").asText("");
      return signal.isBlank() ? DEFAULT_STOP_SIGNAL : signal;
    } catch (java.io.IOException e) {
      throw new IllegalStateException("inspect answered what is not JSON: " + e.getMessage(), e);
    }
  }

  /**
   * With the anonymous volumes the image's {@code VOLUME}s gave the container: a new container
   * gets new ones, so nothing reaches them once it is gone, and each run would leave its own on
   * the host. The engine never removes a named volume this way, nor one another container uses.
   */
  void remove(ContainerId id) {
    try {
      calls.run("remove " + id, calls.deadlines().removal(), () -> client
          .removeContainerCmd(id.value()).withForce(true).withRemoveVolumes(true).exec());
    } catch (NotFoundException alreadyGone) {
      // Removing a removed container is harmless.
    } catch (ConflictException e) {
      if (!e.getMessage().contains("already in progress")) {
        throw failures.of("remove " + id, e);
      }
      awaitOtherRemoval(id, e);
    } catch (RuntimeException e) {
      throw failures.of("remove " + id, e);
    }
  }

  /**
   * The engine answers 409 "removal of container ... is already in progress" while a removal it
   * already started (a restart's clean-up, a `docker rm` beside us) runs. That removal is the one
   * asked for: wait until the container is gone instead of failing the run that asked.
   */
  private void awaitOtherRemoval(ContainerId id, ConflictException conflict) {
    long deadline = System.nanoTime() + OTHER_REMOVAL_WAIT.toNanos();
    while (inspect(id).isPresent()) {
      if (System.nanoTime() > deadline) {
        throw failures.of("remove " + id + " (another removal has run for "
            + OTHER_REMOVAL_WAIT.toSeconds() + " s)", conflict);
      }
      try {
        Thread.sleep(OTHER_REMOVAL_POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failures.of("remove " + id + " (interrupted while another removal ran)", conflict);
      }
    }
  }

  /** For messages: the container's name, else its short id. */
  private String nameOf(ContainerId id) {
    try {
      String name = calls.ask("inspect " + id,
          () -> client.inspectContainerCmd(id.value()).exec().getName());
      return name == null ? id.shortForm() : name.replaceFirst("^/", "");
    } catch (RuntimeException unknown) {
      return id.shortForm();
    }
  }

  Optional<ContainerInfo> inspect(ContainerId id) {
    try {
      return Optional.of(DockerContainerInfoMapper.map(
          calls.ask("inspect " + id, () -> client.inspectContainerCmd(id.value()).exec())));
    } catch (NotFoundException gone) {
      return Optional.empty();
    } catch (RuntimeException e) {
      throw failures.of("inspect " + id, e);
    }
  }

  List<ContainerSummary> listByLabels(Map<String, String> labels) {
    String action = "list containers labelled " + labels;
    try {
      return calls.ask(action, () -> client.listContainersCmd().withShowAll(true)
          .withLabelFilter(labels).exec()).stream().map(DockerContainers::summary).toList();
    } catch (RuntimeException e) {
      throw failures.of(action, e);
    }
  }

  static ContainerSummary summary(Container c) {
    String name = c.getNames() == null || c.getNames().length == 0 ? "" : c.getNames()[0];
    return new ContainerSummary(ContainerId.of(c.getId()), name.replaceFirst("^/", ""),
        c.getImage() == null ? "" : c.getImage(), c.getLabels() == null ? Map.of() : c.getLabels(),
        ContainerState.parse(c.getState()));
  }
}
