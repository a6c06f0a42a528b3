package dev.tugboat.spec;

/** {@code logs: {max_size, max_files}}, as written ({@code ""} when absent). */
public record LogsSpec(String maxSize, String maxFiles) {
  public static final LogsSpec NONE = new LogsSpec("", "");
}
