package dev.tugboat.spec;

import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Checks a composed tree before anything reads it. Aliases share nodes, so a small file can stand for
 * a huge tree (billion laughs): the walk counts nodes as readers would see them, aliases expanded,
 * and stops at a limit. Also reports custom tags (never honoured) and duplicate keys.
 */
final class NodeTreeGuard {
  static final int MAX_EXPANDED_NODES = 2_000_000;
  private static final Set<Tag> STANDARD_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ, Tag.MERGE,
          Tag.TIMESTAMP);

  private final LoadContext ctx;
  private final Set<Node> checked = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<Node> enclosing = Collections.newSetFromMap(new IdentityHashMap<>());
  private long visited;

  private NodeTreeGuard(LoadContext ctx) {
    this.ctx = ctx;
  }

  static void check(Node root, LoadContext ctx) throws SpecLoadException {
    new NodeTreeGuard(ctx).walk(root);
  }

  private void walk(Node node) throws SpecLoadException {
    if (++visited > MAX_EXPANDED_NODES) {
      throw new SpecLoadException(ctx.file(), "the spec expands to more than " + MAX_EXPANDED_NODES
          + " values through YAML aliases; write the repeated parts out or use fewer aliases");
    }
    if (!enclosing.add(node)) {
      throw new SpecLoadException(ctx.position(node), "a YAML alias refers to a list or mapping"
          + " that contains it, which never ends; remove the recursive alias");
    }
    walkChecked(node);
    enclosing.remove(node);
  }

  private void walkChecked(Node node) throws SpecLoadException {
    boolean firstVisit = checked.add(node);
    if (firstVisit && !STANDARD_TAGS.contains(node.getTag())) {
      ctx.error("yaml-tag", "", node, "the YAML tag " + node.getTag().getValue()
          + " is not supported; remove it (specs hold only plain strings, numbers, lists and mappings)");
    }
    if (node instanceof MappingNode mapping) {
      Set<String> keys = new HashSet<>();
      for (NodeTuple tuple : mapping.getValue()) {
        Node key = tuple.getKeyNode();
        if (firstVisit && key instanceof ScalarNode scalar && !scalar.getValue().equals("<<")
            && !keys.add(scalar.getValue())) {
          ctx.error("duplicate-key", "", key, "the key \"" + scalar.getValue()
              + "\" appears twice in the same mapping; keep one");
        }
        if (firstVisit && !(key instanceof ScalarNode)) {
          ctx.error("value-type", "", key, "a key must be a plain string, found "
              + YamlNodes.describe(key));
        }
        walk(tuple.getValueNode());
      }
    } else if (node instanceof SequenceNode sequence) {
      for (Node element : sequence.getValue()) {
        walk(element);
      }
    }
  }
}
