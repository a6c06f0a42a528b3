package dev.tugboat.spec;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A spec file as a plain tree (ordered maps, lists, strings, and {@link PlainScalar}s for numbers,
 * booleans and nulls kept as written, so {@code version: 1.10} does not print as {@code 1.1}). Built
 * from SnakeYAML's node API only: no object is ever constructed from a YAML tag. The spec loader
 * makes it from the nodes it composed (see {@link LoadedSpec#tree()}): parsing a large spec a second
 * time for its templates took a fifth of a {@code validate}.
 */
public final class SpecTree {

  /** A scalar that is not a string: its text as written and its YAML type. */
  public record PlainScalar(String text, Tag tag) {}

  private SpecTree() {}

  /** Parses {@code text}, which the spec loader has already checked; the same limits apply. */
  public static Map<String, Object> parse(String text) {
    Composer composer = composer(text);
    return of(composer.checkNode() ? composer.getNode() : null);
  }

  /**
   * Any YAML document of a single value as a plain tree: null (an empty document), a map, a
   * list, a string or a {@link PlainScalar}. For files other than specs (the daemon's config):
   * SnakeYAML's constructors, which this avoids, make an object of every scalar and start Java's
   * logging framework on their first use, at every command that reads the file.
   *
   * @throws org.yaml.snakeyaml.error.YAMLException when {@code text} is not YAML
   */
  public static Object parseDocument(String text) {
    Node root = composer(text).getSingleNode();
    return root == null ? null : toPlain(root);
  }

  private static Composer composer(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(50);
    options.setNestingDepthLimit(50);
    options.setAllowDuplicateKeys(false);
    return new Composer(
        new ParserImpl(new StreamReader(new StringReader(text)), options), new Resolver(), options);
  }

  /** The tree of a composed document; its root must be a mapping. */
  static Map<String, Object> of(Node root) {
    Object tree = root == null ? null : toPlain(root);
    if (tree instanceof Map<?, ?>) {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) tree;
      return map;
    }
    throw new IllegalArgumentException("the spec is not a mapping of keys");
  }

  private static Object toPlain(Node node) {
    if (node instanceof MappingNode mapping) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("<<")) {
          mergeInto(map, toPlain(tuple.getValueNode()));
        } else if (tuple.getKeyNode() instanceof ScalarNode key) {
          map.put(key.getValue(), toPlain(tuple.getValueNode()));
        }
      }
      return map;
    }
    if (node instanceof SequenceNode sequence) {
      List<Object> list = new ArrayList<>();
      for (Node element : sequence.getValue()) {
        list.add(toPlain(element));
      }
      return list;
    }
    ScalarNode scalar = (ScalarNode) node;
    Tag tag = scalar.getTag();
    if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) || tag.equals(Tag.BOOL) || tag.equals(Tag.NULL)) {
      return new PlainScalar(scalar.getValue(), tag);
    }
    return scalar.getValue();
  }

  @SuppressWarnings("unchecked")
  private static void mergeInto(Map<String, Object> map, Object source) {
    List<Object> sources = source instanceof List<?> list ? (List<Object>) list : List.of(source);
    for (Object each : sources) {
      if (each instanceof Map<?, ?> merged) {
        ((Map<String, Object>) merged).forEach(map::putIfAbsent);
      }
    }
  }

  /** Whether a scalar is absent or YAML null. */
  public static boolean isNull(Object value) {
    return value == null || (value instanceof PlainScalar p && p.tag().equals(Tag.NULL));
  }

  /** Whether a value is a bare YAML boolean ({@code on}, {@code no}...), not a quoted string. */
  public static boolean isBoolean(Object value) {
    return value instanceof PlainScalar p && p.tag().equals(Tag.BOOL);
  }

  /** A scalar's text: a string itself, or a plain scalar as written. */
  public static String text(Object value) {
    return value instanceof PlainScalar p ? p.text() : String.valueOf(value);
  }

  /** Whether a YAML scalar is a true boolean as YAML 1.1 writes them ({@code true}, {@code yes}, {@code on}). */
  public static boolean isTrue(Object value) {
    return !isNull(value) && TRUE_WORDS.contains(text(value).trim().toLowerCase(Locale.ROOT));
  }

  private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "on", "y", "1");
}
