package dev.tugboat.spec;

import java.util.Map;

/**
 * Source positions of a loaded spec, keyed by canonical field path: YAML key names and 0-based
 * indexes, such as {@code components[1].containers[0].env_vars[0].value}. A path that was not
 * recorded (an absent optional field) resolves to its nearest recorded parent, so a problem about a
 * missing key points at the mapping that lacks it.
 */
public final class SourceMap {
  private final String file;
  private final Map<String, SourcePosition> positions;
  private final Map<String, String> templatedValues;

  public SourceMap(String file, Map<String, SourcePosition> positions) {
    this(file, positions, Map.of());
  }

  public SourceMap(
      String file, Map<String, SourcePosition> positions, Map<String, String> templatedValues) {
    this.file = file;
    this.positions = Map.copyOf(positions);
    this.templatedValues =
        java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(templatedValues));
  }

  /**
   * Every scalar value that holds a {@code {{repl} action, by path, as written. This is where
   * template checks find their input, with {@link #at} for positions.
   */
  public Map<String, String> templatedValues() {
    return templatedValues;
  }

  /** The file these positions belong to. */
  public String file() {
    return file;
  }

  /** The position of {@code path}, else of its nearest recorded parent, else the start of the file. */
  public SourcePosition at(String path) {
    String current = path;
    while (!current.isEmpty()) {
      SourcePosition position = positions.get(current);
      if (position != null) {
        return position;
      }
      current = parentOf(current);
    }
    return positions.getOrDefault("", SourcePosition.startOf(file));
  }

  /** True when {@code path} itself was written in the file. */
  public boolean contains(String path) {
    return positions.containsKey(path);
  }

  /** {@code a.b[2]} to {@code a.b}, {@code a.b} to {@code a}, {@code a} to the root (empty). */
  static String parentOf(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut < 0 ? "" : path.substring(0, cut);
  }

  public int size() {
    return positions.size();
  }
}
