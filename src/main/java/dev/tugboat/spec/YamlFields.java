package dev.tugboat.spec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiFunction;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Typed reads of one YAML mapping at a field path. Each read records the value's position and
 * reports a wrong type as a problem (the field then takes its absent value), so one bad field does not
 * hide the others. Each reader names the keys its mapping has in one constant set, which
 * {@link #reportUnknownKeys(Set)} warns against and docs/compatibility.md lists.
 */
final class YamlFields {
  static final String WRONG_TYPE = "value-type";
  static final String UNKNOWN_KEY = "unknown-key";

  private final LoadContext ctx;
  private final String path;
  private final Node node;
  private final Map<String, NodeTuple> entries;
  private final Set<String> read = new HashSet<>();

  private YamlFields(LoadContext ctx, String path, Node node, Map<String, NodeTuple> entries) {
    this.ctx = ctx;
    this.path = path;
    this.node = node;
    this.entries = entries;
  }

  /** The fields of {@code node}; a node that is not a mapping is reported and reads as empty. */
  static YamlFields of(LoadContext ctx, String path, Node node) {
    ctx.record(path, node);
    if (node instanceof MappingNode mapping) {
      return new YamlFields(ctx, path, node, YamlNodes.entriesOf(mapping));
    }
    if (!YamlNodes.isNull(node)) {
      ctx.error(WRONG_TYPE, path, node, "expected a mapping at " + path + ", found " + YamlNodes.describe(node));
    }
    return new YamlFields(ctx, path, node, Map.of());
  }

  String path() {
    return path;
  }

  Node node() {
    return node;
  }

  String pathOf(String key) {
    return LoadContext.child(path, key);
  }

  boolean has(String key) {
    read.add(key);
    return entries.containsKey(key) && !YamlNodes.isNull(entries.get(key).getValueNode());
  }

  /** The value node of {@code key}, recorded; empty when absent or null. */
  Optional<Node> value(String key) {
    read.add(key);
    NodeTuple tuple = entries.get(key);
    if (tuple == null || YamlNodes.isNull(tuple.getValueNode())) {
      return Optional.empty();
    }
    ctx.record(pathOf(key), tuple.getValueNode());
    return Optional.of(tuple.getValueNode());
  }

  /** A scalar as written ({@code 9.5} stays {@code "9.5"}); {@code ""} when absent. */
  String string(String key) {
    return value(key).map(v -> scalarText(key, v, WRONG_TYPE)).orElse("");
  }

  boolean bool(String key) {
    Optional<Node> value = value(key);
    if (value.isEmpty()) {
      return false;
    }
    String text = scalarText(key, value.get(), WRONG_TYPE).trim().toLowerCase(Locale.ROOT);
    switch (text) {
      case "true", "yes", "on", "1":
        return true;
      case "false", "no", "off", "0", "":
        return false;
      default:
        ctx.error(WRONG_TYPE, pathOf(key), value.get(),
            "expected true or false for \"" + key + "\", found \"" + text + "\"");
        return false;
    }
  }

  /** An integer written as a number or a string ({@code 600}, {@code "600"}). */
  int integer(String key, int absent, String ruleId) {
    return optionalInt(key, ruleId).orElse(absent);
  }

  OptionalInt optionalInt(String key, String ruleId) {
    Optional<Node> value = value(key);
    if (value.isEmpty()) {
      return OptionalInt.empty();
    }
    String text = scalarText(key, value.get(), ruleId);
    if (text.isBlank()) {
      return OptionalInt.empty();
    }
    OptionalInt number = Numbers.parseInt(text);
    if (number.isEmpty()) {
      ctx.error(ruleId, pathOf(key), value.get(),
          "expected an integer for \"" + key + "\", found \"" + text + "\"");
    }
    return number;
  }

  /** A list of scalars; a lone scalar where a list belongs is reported with {@code ruleId}. */
  List<String> strings(String key, String ruleId) {
    Optional<Node> value = value(key);
    if (value.isEmpty()) {
      return List.of();
    }
    if (!(value.get() instanceof SequenceNode sequence)) {
      ctx.error(ruleId, pathOf(key), value.get(),
          "expected a list for \"" + key + "\", found " + YamlNodes.describe(value.get()));
      return List.of();
    }
    List<String> result = new ArrayList<>();
    List<Node> elements = sequence.getValue();
    for (int i = 0; i < elements.size(); i++) {
      Node element = elements.get(i);
      String elementPath = LoadContext.element(pathOf(key), i);
      ctx.record(elementPath, element);
      if (YamlNodes.isNull(element)) {
        result.add("");
      } else if (element instanceof ScalarNode scalar) {
        result.add(scalar.getValue());
      } else {
        ctx.error(ruleId, elementPath, element,
            "expected a string in \"" + key + "\", found " + YamlNodes.describe(element));
      }
    }
    return result;
  }

  List<String> strings(String key) {
    return strings(key, WRONG_TYPE);
  }

  /** A list of mappings with the keys {@code known}, each read by {@code reader} from its own fields. */
  <T> List<T> list(String key, Set<String> known, BiFunction<YamlFields, Integer, T> reader) {
    Optional<Node> value = value(key);
    if (value.isEmpty()) {
      return List.of();
    }
    if (!(value.get() instanceof SequenceNode sequence)) {
      ctx.error(WRONG_TYPE, pathOf(key), value.get(),
          "expected a list for \"" + key + "\", found " + YamlNodes.describe(value.get()));
      return List.of();
    }
    List<T> result = new ArrayList<>();
    List<Node> elements = sequence.getValue();
    for (int i = 0; i < elements.size(); i++) {
      YamlFields fields = of(ctx, LoadContext.element(pathOf(key), i), elements.get(i));
      result.add(reader.apply(fields, i));
      fields.reportUnknownKeys(known);
    }
    return Collections.unmodifiableList(result);
  }

  /** A nested mapping's fields; empty when absent. Its unknown keys are reported by the caller. */
  Optional<YamlFields> mapping(String key) {
    return value(key).map(v -> of(ctx, pathOf(key), v));
  }

  /** A mapping of scalars, in written order. */
  Map<String, String> stringMap(String key) {
    Optional<YamlFields> fields = mapping(key);
    if (fields.isEmpty()) {
      return Map.of();
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (String entryKey : fields.get().entries.keySet()) {
      result.put(entryKey, fields.get().string(entryKey));
    }
    return result;
  }

  /** Plain data (maps, lists, strings) for a section kept but not interpreted. */
  Optional<Object> raw(String key) {
    return value(key).map(v -> RawNodes.toPlain(v, pathOf(key), ctx));
  }

  /** Every key of this mapping not yet read, as plain data (for keys kept as they are). */
  Map<String, Object> rawOf(Collection<String> keys) {
    Map<String, Object> result = new LinkedHashMap<>();
    for (String key : keys) {
      raw(key).ifPresent(v -> result.put(key, v));
    }
    return result;
  }

  /**
   * Warns about every key not in {@code known}, suggesting the closest known key. A read of a key
   * outside {@code known} is a reader that its key set does not describe: a programming error.
   */
  void reportUnknownKeys(Set<String> known) {
    for (String key : read) {
      if (!known.contains(key)) {
        throw new IllegalStateException("the reader of " + (path.isEmpty() ? "the top level" : path)
            + " reads \"" + key + "\", which its key set lacks");
      }
    }
    for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
      if (known.contains(entry.getKey())) {
        continue;
      }
      String keyPath = pathOf(entry.getKey());
      String where = path.isEmpty() ? "at the top level" : "in " + path;
      String suggestion = Spelling.closest(entry.getKey(), known)
          .map(s -> " (did you mean " + s + "?)").orElse("");
      ctx.warning(UNKNOWN_KEY, keyPath, entry.getValue().getKeyNode(),
          "unknown key \"" + entry.getKey() + "\" " + where + suggestion);
    }
  }

  /** A key set made of several: a place whose keys are read by more than one reader. */
  @SafeVarargs
  static Set<String> keys(Collection<String>... parts) {
    Set<String> keys = new LinkedHashSet<>();
    for (Collection<String> part : parts) {
      keys.addAll(part);
    }
    return Collections.unmodifiableSet(keys);
  }

  private String scalarText(String key, Node value, String ruleId) {
    if (value instanceof ScalarNode scalar) {
      return scalar.getValue();
    }
    ctx.error(ruleId, pathOf(key), value,
        "expected a single value for \"" + key + "\", found " + YamlNodes.describe(value));
    return "";
  }
}
