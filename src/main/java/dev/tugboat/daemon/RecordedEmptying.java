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

/**
 * The volumes as a restore uses them: the first time a piece of data is about to be emptied, the
 * restore under way is recorded as unfinished ({@link UnfinishedRestore#begin}). A restore that
 * fails before that (its containers cannot be removed, say) leaves no record: the data is as it
 * was, and the app may start on it.
 */
final class RecordedEmptying implements VolumeArchive {

  private final VolumeArchive volumes;
  private final UnfinishedRestore unfinished;
  // the snapshot whose restore runs, until its first emptying is recorded; set on the worker
  private volatile String restoring;

  RecordedEmptying(VolumeArchive volumes, UnfinishedRestore unfinished) {
    this.volumes = volumes;
    this.unfinished = unfinished;
  }

  /** Runs {@code restore} of snapshot {@code id}, recording it before it empties anything. */
  void restoring(String id, Runnable restore) {
    restoring = id;
    try {
      restore.run();
    } finally {
      restoring = null;
    }
  }

  @Override
  public List<String> empty(DataMount data, Optional<VolumeFacts> facts) {
    String id = restoring;
    if (id != null) {
      unfinished.begin(id);
      restoring = null;
    }
    return volumes.empty(data, facts);
  }

  @Override
  public Optional<VolumeFacts> inspectVolume(String name) {
    return volumes.inspectVolume(name);
  }

  @Override
  public OptionalLong size(DataMount data) {
    return volumes.size(data);
  }

  @Override
  public void read(DataMount data, String image, OutputStream tar) {
    volumes.read(data, image, tar);
  }

  @Override
  public HostPathKind hostPathKind(String path) {
    return volumes.hostPathKind(path);
  }

  @Override
  public List<ContainerSummary> holders(String name) {
    return volumes.holders(name);
  }

  @Override
  public void write(DataMount data, String image, InputStream tar) {
    volumes.write(data, image, tar);
  }
}
