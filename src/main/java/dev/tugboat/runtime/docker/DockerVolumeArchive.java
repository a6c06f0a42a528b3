package dev.tugboat.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PropagationMode;
import com.github.dockerjava.api.model.SELContext;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.api.model.Container;
import dev.tugboat.runtime.ContainerSummary;
import dev.tugboat.runtime.DataMount;
import dev.tugboat.runtime.HostPathKind;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.runtime.VolumeArchive;
import dev.tugboat.runtime.VolumeFacts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * {@link VolumeArchive} through the engine's archive endpoints: the data is mounted at {@code
 * /tugboat-data} in a container that is created from an image already on the host and never
 * started, and {@code GET /containers/{id}/archive} reads it as a tar with owners, modes and links,
 * {@code PUT} unpacks one into it. The engine mounts a created container's volumes for these calls,
 * so nothing of the app's image runs, and no image is pulled. Each helper container carries the
 * label {@value #HELPER_LABEL}, and {@value #DATA_LABEL} naming the data, and is removed after the
 * copy; one a failed removal left is removed before the next copy of the same data (it would hold
 * a named volume, which then cannot be emptied). Host directories are read and emptied on this
 * machine's file system: only an engine on this machine's unix socket shares it.
 */
final class DockerVolumeArchive implements VolumeArchive {
  static final String HELPER_LABEL = VolumeArchive.HELPER_LABEL;
  /** The data a helper holds, as {@link DataMount#toString()} says it. */
  static final String DATA_LABEL = HELPER_LABEL + ".data";

  private final DockerClient client;
  private final DockerCalls calls;
  private final DockerFailures failures;
  private final DockerHost host;
  private final LocalData local;
  private final Consumer<String> warnings;

  DockerVolumeArchive(DockerClient client, DockerCalls calls, DockerFailures failures,
      DockerHost host, LocalData local, Consumer<String> warnings) {
    this.client = client;
    this.calls = calls;
    this.failures = failures;
    this.host = host;
    this.local = local;
    this.warnings = warnings;
  }

  /** The same archive, telling {@code to} what it could not clean up. */
  DockerVolumeArchive warningTo(Consumer<String> to) {
    return new DockerVolumeArchive(client, calls, failures, host, local, to);
  }

  @Override
  public HostPathKind hostPathKind(String path) {
    requireLocal(path);
    try {
      return local.kind(path);
    } catch (java.io.UncheckedIOException e) {
      throw RuntimeFailure.invalidConfig(path, "cannot tell what the host path is: "
          + e.getCause());
    }
  }

  @Override
  public List<ContainerSummary> holders(String name) {
    String action = "list the containers that hold volume " + name;
    try {
      return calls.ask(action, () -> client.listContainersCmd().withShowAll(true)
          .withVolumeFilter(List.of(name)).exec()).stream()
          .map(DockerContainers::summary).toList();
    } catch (RuntimeException e) {
      throw failures.of(action, e);
    }
  }

  /** A host directory is copied and emptied from here: refused unless the engine's is ours. */
  private void requireLocal(String path) {
    if (!HostPaths.isLocal(host)) {
      throw RuntimeFailure.invalidConfig(path, "host directory " + path + " cannot be kept in a"
          + " snapshot or restored: the Docker Engine at " + host.uri() + " is not on this"
          + " machine, and a host directory is copied and emptied on this machine's file"
          + " system, not the engine's (a restore would empty the wrong machine's directory);"
          + " run Tugboat on the engine's machine with the engine on its unix socket, or keep"
          + " the app's data in named volumes");
    }
  }

  @Override
  public Optional<VolumeFacts> inspectVolume(String name) {
    try {
      InspectVolumeResponse volume = calls.ask("inspect volume " + name,
          () -> client.inspectVolumeCmd(name).exec());
      return Optional.of(new VolumeFacts(volume.getName(), orEmpty(volume.getDriver()),
          orNone(volume.getLabels()), orNone(volume.getOptions()),
          orEmpty(volume.getMountpoint())));
    } catch (NotFoundException e) {
      return Optional.empty();
    } catch (RuntimeException e) {
      throw failures.of("inspect volume " + name, e);
    }
  }

  /** Measured on this host's file system: the engine tells a volume's size only by a slow df. */
  @Override
  public OptionalLong size(DataMount data) {
    if (data.kind() == DataMount.Kind.HOST_PATH) {
      requireLocal(data.source());
      return local.size(data.source());
    }
    return inspectVolume(data.source()).map(v -> local.size(v.mountpoint()))
        .orElse(OptionalLong.empty());
  }

  @Override
  public void read(DataMount data, String image, OutputStream tar) {
    String action = "read " + data;
    String helper = createHelper(data, image);
    try {
      InputStream in = calls.ask(action, () -> client.copyArchiveFromContainerCmd(helper,
          "/" + ROOT).exec());
      IdleWatch watch = new IdleWatch(failures.engineHost(), calls.deadlines().copyIdle());
      watch.await(action, () -> {
        try (InputStream stream = watch.watching(in)) {
          return stream.transferTo(tar);
        }
      }, () -> closeQuietly(in));
    } catch (RuntimeException e) {
      throw failures.of(action, e);
    } finally {
      removeHelper(helper);
    }
  }

  @Override
  public List<String> empty(DataMount data, Optional<VolumeFacts> facts) {
    removeLeftoverHelpers(data);
    if (data.kind() == DataMount.Kind.HOST_PATH) {
      requireLocal(data.source());
      return local.empty(data.source());
    }
    String name = data.source();
    try {
      calls.run("remove volume " + name, calls.deadlines().removal(),
          () -> client.removeVolumeCmd(name).exec());
    } catch (NotFoundException alreadyGone) {
      // made again below
    } catch (RuntimeException e) {
      throw failures.of("remove volume " + name + " (a container that holds it, running or"
          + " not, keeps it)", e);
    }
    try {
      calls.tell("create volume " + name, () -> client.createVolumeCmd().withName(name)
          .withDriver(facts.map(VolumeFacts::driver).filter(d -> !d.isEmpty()).orElse("local"))
          .withDriverOpts(facts.map(VolumeFacts::options).orElse(Map.of()))
          .withLabels(facts.map(VolumeFacts::labels).orElse(Map.of())).exec());
    } catch (RuntimeException e) {
      throw failures.of("create volume " + name, e);
    }
    return List.of();
  }

  @Override
  public void write(DataMount data, String image, InputStream tar) {
    String action = "write " + data;
    String helper = createHelper(data, image);
    try {
      IdleWatch watch = new IdleWatch(failures.engineHost(), calls.deadlines().copyIdle());
      InputStream watched = watch.watching(tar);
      watch.await(action, () -> {
        client.copyArchiveToContainerCmd(helper).withRemotePath("/")
            .withTarInputStream(watched).exec();
        return null;
      }, () -> closeQuietly(watched));
    } catch (RuntimeException e) {
      throw failures.of(action, e);
    } finally {
      removeHelper(helper);
    }
  }

  /** A container that holds {@code data} at {@code /tugboat-data}; it is never started. */
  private String createHelper(DataMount data, String image) {
    if (data.kind() == DataMount.Kind.HOST_PATH) {
      requireLocal(data.source());
    }
    removeLeftoverHelpers(data);
    String action = "create a container from " + image + " to copy " + data;
    // nocopy: a new, empty volume must stay empty, not get what the image has at the path
    Bind bind = data.kind() == DataMount.Kind.HOST_PATH
        ? new Bind(data.source(), new Volume("/" + ROOT), AccessMode.rw)
        : new Bind(data.source(), new Volume("/" + ROOT), AccessMode.rw, SELContext.DEFAULT,
            Boolean.TRUE, PropagationMode.DEFAULT_MODE);
    try {
      return calls.ask(action, () -> client.createContainerCmd(image)
          .withLabels(Map.of(HELPER_LABEL, "true", DATA_LABEL, data.toString()))
          // never run; an imported image has no command, and create wants one
          .withCmd("/tugboat-never-runs")
          .withNetworkDisabled(true)
          .withHostConfig(HostConfig.newHostConfig().withBinds(bind))
          .exec().getId());
    } catch (RuntimeException e) {
      throw failures.ofCreate(image, action, e);
    }
  }

  /**
   * With the anonymous volumes of its image's {@code VOLUME}s (PostgreSQL's image declares one):
   * each copy would leave one on the host. The data's own volume is named, and stays.
   */
  private void removeHelper(String id) {
    try {
      calls.run("remove container " + id, calls.deadlines().removal(),
          () -> client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec());
    } catch (NotFoundException alreadyGone) {
      // nothing left
    } catch (RuntimeException e) {
      // a copy's result stands; the next copy of the same data removes the helper
      warnings.accept("cannot remove container " + id + ", which a copy of data was made"
          + " through: " + failures.of("remove container " + id, e).getMessage() + "; the next"
          + " snapshot or restore of the same data removes it (or docker rm -f " + id + ")");
    }
  }

  /**
   * Helpers an interrupted copy left on {@code data}: a named volume one holds cannot be emptied.
   * Found by their data label, and for a named volume also by the volume they hold.
   */
  private void removeLeftoverHelpers(DataMount data) {
    String action = "list the containers left by an earlier copy of " + data;
    Map<String, String> leftovers = new LinkedHashMap<>();
    try {
      List<Container> found = new java.util.ArrayList<>(calls.ask(action,
          () -> client.listContainersCmd().withShowAll(true)
              .withLabelFilter(Map.of(HELPER_LABEL, "true", DATA_LABEL, data.toString())).exec()));
      if (data.kind() == DataMount.Kind.NAMED_VOLUME) {
        found.addAll(calls.ask(action, () -> client.listContainersCmd().withShowAll(true)
            .withLabelFilter(Map.of(HELPER_LABEL, "true"))
            .withVolumeFilter(List.of(data.source())).exec()));
      }
      found.forEach(c -> leftovers.put(c.getId(), c.getId()));
    } catch (RuntimeException e) {
      throw failures.of(action, e);
    }
    for (String id : leftovers.keySet()) {
      try {
        calls.run("remove container " + id, calls.deadlines().removal(),
            () -> client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec());
      } catch (NotFoundException alreadyGone) {
        // nothing left
      } catch (RuntimeException e) {
        throw failures.of("remove container " + id + ", left by an earlier copy of " + data
            + " (docker rm -f " + id + " removes it)", e);
      }
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException | RuntimeException alreadyBroken) {
      // abandoned either way
    }
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  private static Map<String, String> orNone(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
