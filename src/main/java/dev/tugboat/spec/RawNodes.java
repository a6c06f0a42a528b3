package dev.tugboat.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Converts a node tree to plain immutable data: maps (written order), lists, and scalars as their
 * written text ({@code ""} for null). Never constructs objects from tags.
 */
final class RawNodes {
  private RawNodes() {}

  static Object toPlain(Node node, String path, LoadContext ctx) {
    ctx.record(path, node);
    if (node instanceof MappingNode mapping) {
      Map<String, Object> result = new LinkedHashMap<>();
      for (Map.Entry<String, NodeTuple> entry : YamlNodes.entriesOf(mapping).entrySet()) {
        String key = entry.getKey();
        result.put(key, toPlain(entry.getValue().getValueNode(), LoadContext.child(path, key), ctx));
      }
      return Collections.unmodifiableMap(result);
    }
    if (node instanceof SequenceNode sequence) {
      List<Object> result = new ArrayList<>();
      List<Node> elements = sequence.getValue();
      for (int i = 0; i < elements.size(); i++) {
        result.add(toPlain(elements.get(i), LoadContext.element(path, i), ctx));
      }
      return Collections.unmodifiableList(result);
    }
    return YamlNodes.isNull(node) ? "" : ((ScalarNode) node).getValue();
  }
}
