package dev.tugboat.requirements;

/** A check's outcome: an error stops the start, a warning is shown and the start goes on. */
public enum Verdict {
  OK("ok"),
  WARN("warn"),
  ERROR("error"),
  /** Known, deliberately not checked (the message says why); never stops a start. */
  SKIPPED("not checked");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
