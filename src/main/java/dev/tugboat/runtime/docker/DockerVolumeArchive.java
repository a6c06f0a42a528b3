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
import dev.tugboat.runtime.DataMount;
import dev.tugboat.runtime.VolumeArchive;
import dev.tugboat.runtime.VolumeFacts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@link VolumeArchive} through the engine's archive endpoints: the data is mounted at {@code
 * /tugboat-data} in a container that is created from an image already on the host and never
 * started, and {@code GET /containers/{id}/archive} reads it as a tar with owners, modes and links,
 * {@code PUT} unpacks one into it. The engine mounts a created container's volumes for these calls,
 * so nothing of the app's image runs, and no image is pulled. Each helper container carries the
 * label {@value #HELPER_LABEL} and is removed after the copy.
 */
final class DockerVolumeArchive implements VolumeArchive {
  static final String HELPER_LABEL = "dev.tugboat.volume-copy";

  private final DockerClient client;
  private final DockerCalls calls;
  private final DockerFailures failures;
  private final LocalData local = new LocalData();

  DockerVolumeArchive(DockerClient client, DockerCalls calls, DockerFailures failures) {
    this.client = client;
    this.calls = calls;
    this.failures = failures;
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
  public void empty(DataMount data, Optional<VolumeFacts> facts) {
    if (data.kind() == DataMount.Kind.HOST_PATH) {
      local.empty(data.source());
      return;
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
    String action = "create a container from " + image + " to copy " + data;
    // nocopy: a new, empty volume must stay empty, not get what the image has at the path
    Bind bind = data.kind() == DataMount.Kind.HOST_PATH
        ? new Bind(data.source(), new Volume("/" + ROOT), AccessMode.rw)
        : new Bind(data.source(), new Volume("/" + ROOT), AccessMode.rw, SELContext.DEFAULT,
            Boolean.TRUE, PropagationMode.DEFAULT_MODE);
    try {
      return calls.ask(action, () -> client.createContainerCmd(image)
          .withLabels(Map.of(HELPER_LABEL, "true"))
          // never run; an imported image has no command, and create wants one
          .withCmd("/tugboat-never-runs")
          .withNetworkDisabled(true)
          .withHostConfig(HostConfig.newHostConfig().withBinds(bind))
          .exec().getId());
    } catch (RuntimeException e) {
      throw failures.ofCreate(image, action, e);
    }
  }

  private void removeHelper(String id) {
    try {
      calls.run("remove container " + id, calls.deadlines().removal(),
          () -> client.removeContainerCmd(id).withForce(true).withRemoveVolumes(false).exec());
    } catch (NotFoundException alreadyGone) {
      // nothing left
    } catch (RuntimeException e) {
      // a copy's result stands; the helper never ran and holds no port: removable by its label
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
