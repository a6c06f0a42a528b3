package dev.tugboat.spec;

/** How bad a {@link Problem} is: errors stop a spec from running, warnings do not. */
public enum Severity {
  ERROR,
  WARNING;

  /** The lower-case word used in problem lines: {@code error}, {@code warning}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
