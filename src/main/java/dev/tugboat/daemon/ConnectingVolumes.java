package dev.tugboat.daemon;

import dev.tugboat.runtime.ContainerSummary;
import dev.tugboat.runtime.DataMount;
import dev.tugboat.runtime.HostPathKind;
import dev.tugboat.runtime.VolumeArchive;
import dev.tugboat.runtime.VolumeFacts;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The volume archive of the engine client {@link ConnectingRuntime} is still making: asked for at
 * the first copy, which waits for the client as the runtime's first call does.
 */
final class ConnectingVolumes implements VolumeArchive {

  private final Supplier<VolumeArchive> connected;

  ConnectingVolumes(Supplier<VolumeArchive> connected) {
    this.connected = connected;
  }

  @Override
  public Optional<VolumeFacts> inspectVolume(String name) {
    return connected.get().inspectVolume(name);
  }

  @Override
  public OptionalLong size(DataMount data) {
    return connected.get().size(data);
  }

  @Override
  public void read(DataMount data, String image, OutputStream tar) {
    connected.get().read(data, image, tar);
  }

  @Override
  public List<String> empty(DataMount data, Optional<VolumeFacts> facts) {
    return connected.get().empty(data, facts);
  }

  @Override
  public HostPathKind hostPathKind(String path) {
    return connected.get().hostPathKind(path);
  }

  @Override
  public List<ContainerSummary> holders(String name) {
    return connected.get().holders(name);
  }

  @Override
  public void write(DataMount data, String image, InputStream tar) {
    connected.get().write(data, image, tar);
  }
}
