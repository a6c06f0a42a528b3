package dev.tugboat.daemon;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tugboat.files.AtomicFiles;
import dev.tugboat.files.ByteSizes;
import dev.tugboat.runtime.DataMount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a snapshot holds, {@code <state_dir>/snapshots/<id>/manifest.json}: when and why it was
 * taken ({@code cause}: {@link #BY_APPLY} or {@link #BY_OPERATOR}), the app's name and version, the digests of the spec and settings it belongs to (kept
 * beside it as {@code spec.yml} and {@code settings.json}), and each piece of data with its
 * archive's name, size and SHA-256 and the owner and mode of its top directory (every file's
 * owner and mode are in the archive). Written last: a snapshot directory without it is unfinished.
 * A saved format: add fields, never rename them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SnapshotManifest(int format, String id, Instant created, String cause, String reason,
    String app,
    String version, String specDigest, String settingsDigest, double seconds, long bytes,
    List<Volume> volumes) {

  static final int FORMAT = 1;
  /** Taken by {@code tugboat apply} before the new version ran: what {@code rollback --data} restores. */
  static final String BY_APPLY = "apply";
  static final String BY_OPERATOR = "operator";
  static final String FILE = "manifest.json";
  static final String SPEC_FILE = "spec.yml";
  static final String SETTINGS_FILE = "settings.json";

  private static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  SnapshotManifest {
    volumes = List.copyOf(volumes);
  }

  /**
   * One piece of data: {@code name} is the volume's name or the host directory, {@code path}
   * where the app mounts it, {@code image} the image the copy is made through; {@code driver},
   * {@code labels} and {@code options} make an emptied named volume again as it was.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Volume(String name, String kind, String path, String container, String image,
      String driver, Map<String, String> labels, Map<String, String> options, String archive,
      long archiveBytes, Long dataBytes, String sha256, String owner, String mode) {

    DataMount data() {
      return new DataMount(DataMount.Kind.ofLabel(kind), name);
    }
  }

  static SnapshotManifest read(Path file) throws IOException {
    SnapshotManifest manifest;
    try {
      manifest = JSON.readValue(Files.readAllBytes(file), SnapshotManifest.class);
    } catch (JsonProcessingException e) {
      throw new IOException(file + " cannot be read: " + e.getOriginalMessage(), e);
    }
    if (manifest.format() != FORMAT) {
      throw new IOException(file + " has format " + manifest.format() + ", this Tugboat reads"
          + " format " + FORMAT);
    }
    return manifest;
  }

  /** As the API shows it. */
  dev.tugboat.api.SnapshotInfo info() {
    return new dev.tugboat.api.SnapshotInfo(id, created, cause, reason, app, version, seconds,
        bytes, volumes.stream().map(v -> new dev.tugboat.api.SnapshotInfo.Volume(v.name(),
            v.kind(), v.path(), v.archiveBytes(), v.sha256(), v.owner(), v.mode())).toList());
  }

  void write(Path file) throws IOException {
    AtomicFiles.writePrivate(file, JSON.writeValueAsString(this) + "\n");
  }

  /** "2 volumes, 48.3 MiB in 2.4 s". */
  String summary() {
    return volumes.size() + (volumes.size() == 1 ? " volume, " : " volumes, ")
        + ByteSizes.of(bytes) + " in " + String.format(java.util.Locale.ROOT, "%.1f s", seconds);
  }
}
