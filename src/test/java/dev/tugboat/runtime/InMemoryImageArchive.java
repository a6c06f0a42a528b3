package dev.tugboat.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * {@link ImageArchive} in memory: an image is a name and some bytes; its archive is a tar as
 * {@code docker save} writes one ({@code manifest.json} with its {@code RepoTags}, {@code
 * repositories}, and the bytes as its one layer). A load tags what the archive's {@code
 * manifest.json} names, as the engine does, whatever the caller expected; an archive without one
 * is refused as the engine refuses a damaged one. Records what was loaded, in order.
 */
public final class InMemoryImageArchive implements ImageArchive {

  private static final String LAYER = "0123abcd/layer.tar";
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
    byte[] archive = archive(List.of(image), bytes);
    try {
      out.write(archive);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    progress.advanced(archive.length);
  }

  /**
   * A {@code docker save} archive whose {@code manifest.json} tags {@code tags} (none: an image
   * known by its ID only) and whose one layer is {@code layer}.
   */
  public static byte[] archive(List<String> tags, byte[] layer) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    StringBuilder repoTags = new StringBuilder();
    StringBuilder repositories = new StringBuilder();
    for (String tag : tags) {
      int colon = tag.lastIndexOf(':');
      repoTags.append(repoTags.isEmpty() ? "" : ",").append('"').append(tag).append('"');
      repositories.append(repositories.isEmpty() ? "" : ",").append('"')
          .append(tag, 0, colon).append("\":{\"").append(tag.substring(colon + 1))
          .append("\":\"0123abcd\"}");
    }
    files.put("manifest.json", ("[{\"Config\":\"0123abcd.json\",\"RepoTags\":[" + repoTags
        + "],\"Layers\":[\"" + LAYER + "\"]}]").getBytes(StandardCharsets.UTF_8));
    files.put("repositories", ("{" + repositories + "}").getBytes(StandardCharsets.UTF_8));
    files.put(LAYER, layer);
    return tar(files);
  }

  /** A tar of {@code files}, in order. */
  public static byte[] tar(Map<String, byte[]> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
        entry.setSize(file.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(file.getValue());
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
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
    String manifest = null;
    byte[] layer = new byte[0];
    try (TarArchiveInputStream tar = new TarArchiveInputStream(
        new java.io.ByteArrayInputStream(all.toByteArray()))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (entry.getName().equals("manifest.json")) {
          manifest = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
        } else if (entry.getName().equals(LAYER)) {
          layer = tar.readAllBytes();
        }
      }
    } catch (IOException e) {
      manifest = null;
    }
    if (manifest == null) {
      throw new RuntimeFailure(RuntimeFailure.Kind.ENGINE_ERROR,
          "the engine refused the image archive: not an image archive");
    }
    java.util.regex.Matcher tags = java.util.regex.Pattern.compile("\"RepoTags\":\\[([^]]*)]")
        .matcher(manifest);
    List<String> lines = new ArrayList<>();
    if (tags.find() && !tags.group(1).isBlank()) {
      for (String quoted : tags.group(1).split(",")) {
        String image = quoted.strip().replace("\"", "");
        images.put(image, layer);
        loads.add(image);
        onLoad.accept(image);
        lines.add("Loaded image: " + image);
      }
    } else {
      lines.add("Loaded image ID: sha256:0123abcd");
    }
    return lines;
  }
}
