package dev.tugboat.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ImageArchive} in memory: an image is a name and some bytes; its "archive" is a header
 * line naming it and the bytes. Loading an archive that does not start so is refused as the engine
 * refuses a damaged one. Records what was loaded, in order.
 */
public final class InMemoryImageArchive implements ImageArchive {

  private static final String HEADER = "in-memory-image ";
  private final Map<String, byte[]> images = new ConcurrentHashMap<>();
  private final List<String> loads = java.util.Collections.synchronizedList(new ArrayList<>());
  private final java.util.function.Consumer<String> onLoad;

  public InMemoryImageArchive() {
    this(image -> { });
  }

  /** {@code onLoad} hears each image loaded (e.g. to add it to an {@link InMemoryRuntime}). */
  public InMemoryImageArchive(java.util.function.Consumer<String> onLoad) {
    this.onLoad = onLoad;
  }

  public InMemoryImageArchive with(String image, String contents) {
    images.put(image, contents.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  public void remove(String image) {
    images.remove(image);
  }

  public boolean has(String image) {
    return images.containsKey(image);
  }

  /** The images loaded so far, in order. */
  public List<String> loads() {
    return List.copyOf(loads);
  }

  @Override
  public OptionalLong size(String image) {
    byte[] bytes = images.get(image);
    return bytes == null ? OptionalLong.empty() : OptionalLong.of(bytes.length);
  }

  @Override
  public void save(String image, OutputStream out, ByteProgress progress) {
    byte[] bytes = images.get(image);
    if (bytes == null) {
      throw RuntimeFailure.imageNotFound(image);
    }
    try {
      byte[] header = (HEADER + image + "\n").getBytes(StandardCharsets.UTF_8);
      out.write(header);
      out.write(bytes);
      progress.advanced(header.length + bytes.length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<String> load(InputStream in, long size, ByteProgress progress) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try {
      in.transferTo(all);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    progress.advanced(all.size());
    String text = all.toString(StandardCharsets.UTF_8);
    int newline = text.indexOf('\n');
    if (!text.startsWith(HEADER) || newline < 0) {
      throw new RuntimeFailure(RuntimeFailure.Kind.ENGINE_ERROR,
          "the engine refused the image archive: not an image archive");
    }
    String image = text.substring(HEADER.length(), newline);
    images.put(image, text.substring(newline + 1).getBytes(StandardCharsets.UTF_8));
    loads.add(image);
    onLoad.accept(image);
    return List.of("Loaded image: " + image);
  }
}
