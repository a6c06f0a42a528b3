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

/** A {@link VolumeArchive} that passes every call on; tests override the calls they watch. */
class ForwardingVolumes implements VolumeArchive {
  private final VolumeArchive to;

  ForwardingVolumes(VolumeArchive to) {
    this.to = to;
  }

  @Override
  public Optional<VolumeFacts> inspectVolume(String name) {
    return to.inspectVolume(name);
  }

  @Override
  public OptionalLong size(DataMount data) {
    return to.size(data);
  }

  @Override
  public void read(DataMount data, String image, OutputStream tar) {
    to.read(data, image, tar);
  }

  @Override
  public List<String> empty(DataMount data, Optional<VolumeFacts> facts) {
    return to.empty(data, facts);
  }

  @Override
  public HostPathKind hostPathKind(String path) {
    return to.hostPathKind(path);
  }

  @Override
  public List<ContainerSummary> holders(String name) {
    return to.holders(name);
  }

  @Override
  public void write(DataMount data, String image, InputStream tar) {
    to.write(data, image, tar);
  }
}
