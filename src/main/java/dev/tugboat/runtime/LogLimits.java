package dev.tugboat.runtime;

import java.util.Objects;

/**
 * Rotation of the container's log file.
 *
 * @param maxSize size of one file as the engine reads it ({@code 10m}, {@code 1g}); empty: engine
 *     default
 * @param maxFiles how many files to keep; 0: engine default
 */
public record LogLimits(String maxSize, int maxFiles) {
  public LogLimits {
    Objects.requireNonNull(maxSize, "maxSize");
    if (maxFiles < 0) {
      throw new IllegalArgumentException("log max files must be >= 0, got " + maxFiles);
    }
  }

  public static LogLimits engineDefault() {
    return new LogLimits("", 0);
  }

  public boolean isEngineDefault() {
    return maxSize.isEmpty() && maxFiles == 0;
  }
}
