package dev.tugboat.runtime;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads and writes the whole content of an app's data (a named volume or a host directory) as a
 * tar stream, with every file's owner, mode and symbolic links as they are: what a snapshot keeps
 * and a restore puts back. The entries of an archive sit under one directory, {@link #ROOT}, which
 * stands for the data's own top directory (its owner and mode are kept too).
 *
 * <p>Calls block the caller's thread for as long as the data takes to copy, but never forever: a
 * copy whose stream says nothing for a while fails as {@link RuntimeFailure.Kind#ENGINE_UNREACHABLE}.
 * Thread-safe. The data must not be in use by a running container while it is read or written.
 */
public interface VolumeArchive {

  /** The directory every entry of an archive is under. */
  String ROOT = "tugboat-data";

  /**
   * The label of the never-started containers a copy is made through: a container with it that
   * holds data is a leftover of an interrupted copy, removed before the next copy of that data.
   */
  String HELPER_LABEL = "dev.tugboat.volume-copy";

  /** The named volume's facts; empty when the engine has no volume of that name. */
  Optional<VolumeFacts> inspectVolume(String name);

  /** How many bytes the data takes, when this process can measure it; else empty. */
  OptionalLong size(DataMount data);

  /**
   * Writes the data's content to {@code tar}; {@code image} (on the host already) makes the
   * never-started container the engine reads it through.
   */
  void read(DataMount data, String image, OutputStream tar);

  /**
   * Leaves the data empty: a named volume is removed and made again with {@code facts}' driver,
   * labels and options (no container may hold it, running or not; leftover copy containers are
   * removed first); a host directory is emptied without crossing into other mounts.
   *
   * @return the entries left in place because another file system is mounted there (empty for a
   *     named volume)
   */
  List<String> empty(DataMount data, Optional<VolumeFacts> facts);

  /**
   * What is at {@code path} on the engine's host now, without following a link.
   *
   * @throws RuntimeFailure {@link RuntimeFailure.Kind#INVALID_CONFIG} when the engine is not on
   *     this machine: its host directories cannot be seen, copied or emptied from here
   */
  HostPathKind hostPathKind(String path);

  /** The containers, running or not, that mount named volume {@code name}. */
  List<ContainerSummary> holders(String name);

  /** Unpacks {@code tar}, as {@link #read} wrote it, into the (emptied) data. */
  void write(DataMount data, String image, InputStream tar);
}
