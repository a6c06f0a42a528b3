package dev.tugboat.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The names a {@code docker save} archive gives its images, which {@code docker load} tags them
 * with: {@code manifest.json}'s {@code RepoTags}, the older {@code repositories} file, and an OCI
 * {@code index.json}'s image-name annotations. Read as the archive streams past, so a part of
 * gigabytes is read once.
 *
 * @param repoTags {@code manifest.json}'s, as written
 * @param all every name any of the three gives, as written
 */
record SavedImageTags(List<String> repoTags, Set<String> all) {

  /** The files that name images are small; anything larger is not a docker save archive. */
  static final int MAX_METADATA_BYTES = 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  SavedImageTags {
    repoTags = List.copyOf(repoTags);
    all = Set.copyOf(all);
  }

  /**
   * Reads the archive to its end-of-archive mark (not further: the caller reads what follows).
   *
   * @throws IOException when the stream fails
   * @throws NotAnImageArchive when it is no {@code docker save} archive (no {@code manifest.json},
   *     or one that is not what the engine writes)
   */
  static SavedImageTags read(InputStream archive) throws IOException, NotAnImageArchive {
    List<String> repoTags = null;
    Set<String> all = new LinkedHashSet<>();
    TarArchiveInputStream tar = new TarArchiveInputStream(archive);
    TarArchiveEntry entry;
    while ((entry = tar.getNextEntry()) != null) {
      String name = entry.getName().startsWith("./") ? entry.getName().substring(2)
          : entry.getName();
      if (!name.equals("manifest.json") && !name.equals("repositories")
          && !name.equals("index.json")) {
        continue;
      }
      if (entry.getSize() > MAX_METADATA_BYTES) {
        throw new NotAnImageArchive("its " + name + " is " + entry.getSize() + " bytes");
      }
      JsonNode root;
      try {
        root = JSON.readTree(tar.readNBytes(MAX_METADATA_BYTES));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new NotAnImageArchive("its " + name + " is not JSON");
      }
      switch (name) {
        case "manifest.json" -> {
          repoTags = repoTags(root);
          all.addAll(repoTags);
        }
        case "repositories" -> root.properties().forEach(repo -> repo.getValue().fieldNames()
            .forEachRemaining(tag -> all.add(repo.getKey() + ":" + tag)));
        default -> root.path("manifests").forEach(manifest -> {
          String image = manifest.path("annotations").path("io.containerd.image.name").asText("");
          if (!image.isBlank()) {
            all.add(image);
          }
        });
      }
    }
    if (repoTags == null) {
      throw new NotAnImageArchive("it has no manifest.json");
    }
    return new SavedImageTags(repoTags, all);
  }

  private static List<String> repoTags(JsonNode root) throws NotAnImageArchive {
    if (root == null || !root.isArray()) {
      throw new NotAnImageArchive("its manifest.json is not a list of images");
    }
    List<String> tags = new ArrayList<>();
    for (JsonNode image : root) {
      for (JsonNode tag : image.path("RepoTags")) {
        tags.add(tag.asText());
      }
    }
    return tags;
  }

  /** The part is not what {@code docker save} writes; the message says what it lacks. */
  static final class NotAnImageArchive extends Exception {
    NotAnImageArchive(String message) {
      super(message);
    }
  }
}
