package dev.tugboat.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tugboat.files.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The settings file: one JSON document ({@code {"format": 1, "items": {"name": {"value": ...,
 * "data": ...}}}}) in the state directory ({@code <state_dir>/settings.json} for the daemon). Saved
 * atomically with mode 0600, as it holds passwords. A missing file is empty settings.
 *
 * <p>A damaged file (empty, cut short, NUL bytes as a disk leaves after a power loss, not UTF-8) is
 * set aside as {@code settings.json.corrupt-<time>} and reported, and the settings start empty, so
 * the app can start. A JSON object cut anywhere before its closing brace no longer parses, so
 * truncation shows without a marker or checksum. A file that is whole but wrong (a syntax error
 * within it, a wrong shape, another format) is an edit by hand, or a newer Tugboat's: it is
 * refused, not set aside, since starting empty would make every generated password anew.
 */
public final class SettingsStore {

  /** The file name the daemon uses inside its state directory. */
  public static final String FILE_NAME = "settings.json";
  static final int FORMAT = 1;

  private final Path file;
  private final Clock clock;
  private final Consumer<String> warnings;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** A store that reports a damaged file set aside on standard error. */
  public SettingsStore(Path file) {
    this(file, Clock.systemUTC(), warning -> System.err.println("WARN " + warning));
  }

  /** {@code warnings} hears of a damaged file set aside; {@code clock} names the copy. */
  public SettingsStore(Path file, Clock clock, Consumer<String> warnings) {
    this.file = file;
    this.clock = clock;
    this.warnings = warnings;
  }

  /** The file this store reads and writes. */
  public Path file() {
    return file;
  }

  /**
   * The stored settings; empty when the file does not exist yet, or when it was damaged and is now
   * set aside (the warning says so).
   */
  public Settings load() throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Settings.empty();
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return setAside("it is not UTF-8 text");
    }
    if (text.isBlank()) {
      return setAside("it is empty");
    }
    if (text.indexOf('\0') >= 0) {
      return setAside("it holds NUL bytes");
    }
    try {
      return fromJson(json.readTree(text));
    } catch (JsonProcessingException e) {
      if (endsEarly(e, text)) {
        return setAside("it ends before its JSON does (line " + e.getLocation().getLineNr() + ")");
      }
      throw new IOException("settings file " + file + " is not valid JSON (line "
          + e.getLocation().getLineNr() + "): " + e.getOriginalMessage()
          + "; fix it or remove it to start from the spec's defaults", e);
    }
  }

  /** The parser ran out of text: the file was cut short (Jackson does not always say EOF). */
  private static boolean endsEarly(JsonProcessingException e, String text) {
    return e instanceof JsonEOFException || (e.getLocation() != null
        && e.getLocation().getCharOffset() >= text.stripTrailing().length());
  }

  private Settings setAside(String damage) throws IOException {
    Path aside = AtomicFiles.setAside(file, clock);
    warnings.accept("settings file " + file + " is damaged: " + damage + "; it is kept as "
        + aside.getFileName() + " and the settings start empty: generated values are made anew,"
        + " the others take the spec's defaults (copy values back from it with tugboat config set)");
    return Settings.empty();
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
