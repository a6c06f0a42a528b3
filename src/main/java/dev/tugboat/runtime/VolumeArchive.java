package dev.tugboat.runtime;

import java.io.InputStream;
import java.io.OutputStream;
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
   * labels and options (no container may hold it, running or not); a host directory is emptied.
   */
  void empty(DataMount data, Optional<VolumeFacts> facts);

  /** Unpacks {@code tar}, as {@link #read} wrote it, into the (emptied) data. */
  void write(DataMount data, String image, InputStream tar);
}
