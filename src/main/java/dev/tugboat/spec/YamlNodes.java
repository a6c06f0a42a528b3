package dev.tugboat.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reading SnakeYAML nodes the way every reader of this package needs: entries, nulls, descriptions. */
final class YamlNodes {
  private YamlNodes() {}

  /** Key to entry, with {@code <<} merge keys applied (keys written here win over merged ones). */
  static Map<String, NodeTuple> entriesOf(MappingNode mapping) {
    Map<String, NodeTuple> merged = new LinkedHashMap<>();
    Map<String, NodeTuple> own = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node key = tuple.getKeyNode();
      if (key.getTag().equals(Tag.MERGE) || (key instanceof ScalarNode s && s.getValue().equals("<<"))) {
        for (Node source : mergeSources(tuple.getValueNode())) {
          entriesOf((MappingNode) source).forEach(merged::putIfAbsent);
        }
      } else if (key instanceof ScalarNode scalar) {
        own.putIfAbsent(scalar.getValue(), tuple);
      }
    }
    merged.putAll(own);
    return merged;
  }

  private static List<Node> mergeSources(Node value) {
    if (value instanceof MappingNode) {
      return List.of(value);
    }
    if (value instanceof SequenceNode sequence) {
      return sequence.getValue().stream().filter(n -> n instanceof MappingNode).toList();
    }
    return List.of();
  }

  static boolean isNull(Node node) {
    return node.getNodeId() == NodeId.scalar && node.getTag().equals(Tag.NULL);
  }

  static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    String text = ((ScalarNode) node).getValue();
    return "\"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
  }
}
