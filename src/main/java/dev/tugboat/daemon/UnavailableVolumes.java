package dev.tugboat.daemon;

import dev.tugboat.runtime.ContainerSummary;
import dev.tugboat.runtime.DataMount;
import dev.tugboat.runtime.HostPathKind;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.runtime.VolumeArchive;
import dev.tugboat.runtime.VolumeFacts;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** For a supervisor given no way to copy volumes: every copy fails, saying so. */
final class UnavailableVolumes implements VolumeArchive {

  @Override
  public Optional<VolumeFacts> inspectVolume(String name) {
    throw unavailable();
  }

  @Override
  public OptionalLong size(DataMount data) {
    throw unavailable();
  }

  @Override
  public void read(DataMount data, String image, OutputStream tar) {
    throw unavailable();
  }

  @Override
  public List<String> empty(DataMount data, Optional<VolumeFacts> facts) {
    throw unavailable();
  }

  @Override
  public HostPathKind hostPathKind(String path) {
    throw unavailable();
  }

  @Override
  public List<ContainerSummary> holders(String name) {
    throw unavailable();
  }

  @Override
  public void write(DataMount data, String image, InputStream tar) {
    throw unavailable();
  }

  private static RuntimeFailure unavailable() {
    return RuntimeFailure.engineError("copy a volume", "this daemon has no way to copy volumes",
        null);
  }
}
