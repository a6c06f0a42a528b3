package dev.tugboat.spec;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems one rule finds, placing each at its field path's position. */
public final class Findings {
  private final String ruleId;
  private final SourceMap sourceMap;
  private final List<Problem> problems = new ArrayList<>();

  public Findings(String ruleId, SourceMap sourceMap) {
    this.ruleId = ruleId;
    this.sourceMap = sourceMap;
  }

  public void error(String path, String message) {
    problems.add(Problem.error(ruleId, path, sourceMap.at(path), message));
  }

  public void warning(String path, String message) {
    problems.add(Problem.warning(ruleId, path, sourceMap.at(path), message));
  }

  /** Whether {@code path} itself was written in the file (not only a parent of it). */
  public boolean written(String path) {
    return sourceMap.contains(path);
  }

  /** The line a path was written on, for messages that point at a second place. */
  public int lineOf(String path) {
    return sourceMap.at(path).line();
  }

  public List<Problem> problems() {
    return List.copyOf(problems);
  }
}
