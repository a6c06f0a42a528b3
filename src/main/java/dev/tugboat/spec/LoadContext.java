package dev.tugboat.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** What one load collects: positions by path and load-time problems. Used by one load only. */
final class LoadContext {
  private final String file;
  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, SourcePosition> positions = new HashMap<>();
  private final Map<String, String> templatedValues = new HashMap<>();

  LoadContext(String file) {
    this.file = file;
  }

  String file() {
    return file;
  }

  SourcePosition position(Mark mark) {
    return new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  SourcePosition position(Node node) {
    return position(node.getStartMark());
  }

  void record(String path, Node node) {
    positions.putIfAbsent(path, position(node));
    if (node instanceof ScalarNode scalar && Templates.isTemplated(scalar.getValue())) {
      templatedValues.putIfAbsent(path, scalar.getValue());
    }
  }

  void error(String ruleId, String path, Node node, String message) {
    problems.add(Problem.error(ruleId, path, position(node), message));
  }

  void warning(String ruleId, String path, Node node, String message) {
    problems.add(Problem.warning(ruleId, path, position(node), message));
  }

  /** The problems in file order. */
  List<Problem> problems() {
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(java.util.Comparator.comparingInt((Problem p) -> p.position().line())
        .thenComparingInt(p -> p.position().column()));
    return List.copyOf(sorted);
  }

  SourceMap sourceMap() {
    return new SourceMap(file, positions, templatedValues);
  }

  /** {@code parent.key}, or {@code key} at the top. */
  static String child(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  static String element(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
