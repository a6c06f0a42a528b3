package dev.tugboat.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settings file: one JSON document ({@code {"format": 1, "items": {"name": {"value": ...,
 * "data": ...}}}}) in the state directory ({@code <state_dir>/settings.json} for the daemon). Saved
 * atomically with mode 0600, as it holds passwords. A missing file is empty settings.
 */
public final class SettingsStore {

  /** The file name the daemon uses inside its state directory. */
  public static final String FILE_NAME = "settings.json";
  static final int FORMAT = 1;

  private final Path file;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public SettingsStore(Path file) {
    this.file = file;
  }

  /** The file this store reads and writes. */
  public Path file() {
    return file;
  }

  /** The stored settings; empty when the file does not exist yet. */
  public Settings load() throws IOException {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      return Settings.empty();
    }
    try {
      return fromJson(json.readTree(text));
    } catch (JsonProcessingException e) {
      throw new IOException("settings file " + file + " is not valid JSON (line "
          + e.getLocation().getLineNr() + "): " + e.getOriginalMessage()
          + "; fix it or remove it to start from the spec's defaults", e);
    }
  }

  /** Replaces the file's contents with {@code settings}, atomically. */
  public void save(Settings settings) throws IOException {
    AtomicFiles.writePrivate(file, json.writeValueAsString(toJson(settings)) + "\n");
  }

  private Settings fromJson(JsonNode root) throws IOException {
    if (root == null || !root.isObject()) {
      throw new IOException("settings file " + file + " must hold a JSON object with \"items\"");
    }
    int format = root.path("format").asInt(FORMAT);
    if (format != FORMAT) {
      throw new IOException("settings file " + file + " has format " + format
          + ", this Tugboat reads format " + FORMAT + "; use the Tugboat version that wrote it");
    }
    Map<String, StoredValue> items = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = root.path("items").fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode node = field.getValue();
      if (!node.isObject() || !node.path("value").isTextual()) {
        throw new IOException("settings file " + file + ": item \"" + field.getKey()
            + "\" must be an object with a string \"value\"");
      }
      JsonNode data = node.get("data");
      items.put(field.getKey(), new StoredValue(node.get("value").asText(),
          data == null || data.isNull() ? null : data.asText()));
    }
    return new Settings(items);
  }

  private ObjectNode toJson(Settings settings) {
    ObjectNode root = json.createObjectNode();
    root.put("format", FORMAT);
    ObjectNode items = root.putObject("items");
    settings.items().forEach((name, stored) -> {
      ObjectNode item = items.putObject(name);
      item.put("value", stored.value());
      stored.dataIfAny().ifPresent(data -> item.put("data", data));
    });
    return root;
  }
}
