package dev.tugboat.config;

import dev.tugboat.spec.SpecTree;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Prints a rendered spec as YAML (block style, keys in spec order, numbers and booleans as written)
 * or as JSON. The same tree always prints the same text.
 */
public final class PreviewWriter {

  private PreviewWriter() {}

  public static String yaml(Map<String, Object> tree) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndicatorIndent(0);
    options.setWidth(120);
    options.setSplitLines(false);
    // Equal empty lists may be one shared instance; a reader wants them written out, not as &id001.
    options.setDereferenceAliases(true);
    return new Yaml(new PlainScalarRepresenter(options), options).dump(tree);
  }

  public static String json(Map<String, Object> tree) {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(toJsonValues(tree)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a rendered spec holds only maps, lists and scalars", e);
    }
  }

  private static Object toJsonValues(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), toJsonValues(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(PreviewWriter::toJsonValues).toList();
    }
    if (value instanceof SpecTree.PlainScalar scalar) {
      return jsonScalar(scalar);
    }
    return value;
  }

  private static Object jsonScalar(SpecTree.PlainScalar scalar) {
    String text = scalar.text();
    if (scalar.tag().equals(Tag.NULL)) {
      return null;
    }
    if (scalar.tag().equals(Tag.BOOL)) {
      return SpecTree.isTrue(scalar);
    }
    try {
      return scalar.tag().equals(Tag.INT) ? new BigInteger(text.replace("_", "")) : new BigDecimal(text);
    } catch (NumberFormatException e) {
      return text; // 0x1F, .inf and friends: JSON has no such numbers, so they stay text
    }
  }

  /** Prints {@link SpecTree.PlainScalar}s unquoted with their own text. */
  private static final class PlainScalarRepresenter extends Representer {
    PlainScalarRepresenter(DumperOptions options) {
      super(options);
      this.representers.put(SpecTree.PlainScalar.class, new Represent() {
        @Override
        public Node representData(Object data) {
          SpecTree.PlainScalar scalar = (SpecTree.PlainScalar) data;
          return representScalar(scalar.tag(), scalar.text(), DumperOptions.ScalarStyle.PLAIN);
        }
      });
    }
  }
}
