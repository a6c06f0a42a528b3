package dev.tugboat.runtime;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.OptionalLong;

/**
 * Images as archives ({@code docker save} / {@code docker load}), for hosts that reach no
 * registry. Blocking and long: a save or load takes as long as the image's size needs, so it is
 * bounded by silence (no bytes for a while), not by a deadline on the whole. Thread-safe.
 */
public interface ImageArchive {

  /**
   * The image's size as the engine reports it (about what {@link #save} writes), empty when it
   * is not on this host.
   *
   * @throws RuntimeFailure ENGINE_UNREACHABLE when the engine does not answer
   */
  OptionalLong size(String image);

  /**
   * Writes {@code image} to {@code out} as a {@code docker save} archive that keeps its name.
   * {@code out} is not closed.
   *
   * @throws RuntimeFailure IMAGE_NOT_FOUND when it is not on this host, ENGINE_UNREACHABLE when
   *     the engine stops answering (the stream is silent too long)
   * @throws java.io.UncheckedIOException when {@code out} cannot be written
   */
  void save(String image, OutputStream out, ByteProgress progress);

  /**
   * Loads every image of the {@code docker save} archive {@code in} ({@code size} bytes); the
   * engine's words for what it loaded (one line per image, {@code Loaded image: NAME}).
   *
   * @throws RuntimeFailure ENGINE_ERROR when the engine refuses the archive, ENGINE_UNREACHABLE
   *     when it stops answering
   */
  List<String> load(InputStream in, long size, ByteProgress progress);
}
