package dev.tugboat.config;

import dev.tugboat.spec.AppSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values given on a command line as {@code ITEM=VALUE}, or {@code ITEM=@PATH} for a {@code file}
 * item (the file's contents are the value, its name the item's value), each checked against its
 * item's type before anything is used.
 */
public final class ConfigAssignments {

  private ConfigAssignments() {}

  /**
   * The assignments as values to store, in the order given.
   *
   * @throws ConfigException for text that is not ITEM=VALUE, a file that cannot be read, or a value
   *     its item refuses
   */
  public static Map<String, StoredValue> parse(ConfigScreen screen, List<String> assignments)
      throws ConfigException, IOException {
    Map<String, StoredValue> changes = new LinkedHashMap<>();
    for (String assignment : assignments) {
      int eq = assignment.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException("'" + assignment + "' is not ITEM=VALUE");
      }
      String name = assignment.substring(0, eq);
      String value = assignment.substring(eq + 1);
      boolean file = screen.entry(name).filter(e -> e.type() == ItemType.FILE).isPresent();
      StoredValue stored = file && value.startsWith("@") ? readFile(name, Path.of(value.substring(1)))
          : StoredValue.of(value);
      ConfigValidator.checkWrite(screen, name, stored);
      changes.put(name, stored);
    }
    return changes;
  }

  /** {@code settings} with the assignments applied, for a preview that stores nothing. */
  public static Settings apply(AppSpec spec, Settings settings, List<String> assignments)
      throws ConfigException, IOException {
    return assignments.isEmpty() ? settings : settings.withAll(parse(ConfigScreen.of(spec), assignments));
  }

  private static StoredValue readFile(String item, Path path) throws ConfigException, IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new ConfigException("config item '" + item + "': no such file " + path);
    }
    try {
      String contents = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
      return StoredValue.file(path.getFileName().toString(), contents);
    } catch (CharacterCodingException e) {
      throw new ConfigException("config item '" + item + "': " + path
          + " is not UTF-8 text; file items hold text such as PEM certificates and keys");
    }
  }
}
