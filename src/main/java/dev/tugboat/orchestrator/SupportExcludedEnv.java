package dev.tugboat.orchestrator;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The label naming a container's env vars that the spec marks {@code is_excluded_from_support},
 * as their names rendered. A name may itself be a template, so only the container knows it: the
 * support bundle reads the label from the container's own inspect and leaves those vars out,
 * whatever the spec on disk says now. A saved format: never rename it.
 */
public final class SupportExcludedEnv {

  public static final String LABEL = "dev.tugboat.support-excluded-env";

  /** A name may hold a comma (Docker allows any character but '='); none holds a line break. */
  private static final String SEPARATOR = "\n";

  private SupportExcludedEnv() {}

  static String label(List<String> names) {
    return String.join(SEPARATOR, names);
  }

  /** The names a container's labels list; none when it has no such label. */
  public static List<String> names(Map<String, String> labels) {
    String value = labels.get(LABEL);
    if (value == null || value.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(value.split(SEPARATOR)).filter(name -> !name.isEmpty()).toList();
  }
}
