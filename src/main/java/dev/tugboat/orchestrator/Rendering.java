package dev.tugboat.orchestrator;

import dev.tugboat.config.WhenCondition;
import dev.tugboat.template.TemplateEnvironment;
import dev.tugboat.template.TemplateException;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the raw strings of one part of the spec (a container, an event) with one environment.
 * Text without a {@code {{repl} action is returned as it is, without a parse. A failure becomes a
 * {@link Launcher.LaunchException} with the renderer's message (which names the field).
 */
final class Rendering {

  private static final String ACTION = "{{repl";

  private final SpecTemplates templates;
  private final TemplateEnvironment env;
  private final String basePath;

  Rendering(SpecTemplates templates, TemplateEnvironment env, String basePath) {
    this.templates = templates;
    this.env = env;
    this.basePath = basePath;
  }

  /** The same environment for another part of the spec: what a container inherits, say. */
  Rendering at(String otherBasePath) {
    return new Rendering(templates, env, otherBasePath);
  }

  TemplateEnvironment env() {
    return env;
  }

  String text(String raw, String field) {
    if (raw == null || !raw.contains(ACTION)) {
      return raw == null ? "" : raw;
    }
    try {
      return templates.render(raw, basePath + "." + field, env);
    } catch (RuntimeException e) {
      throw new Launcher.LaunchException(String.valueOf(e.getMessage()), e);
    }
  }

  /** Every element rendered; elements that render empty are dropped (a `when`-style `if`). */
  List<String> list(List<String> raws, String field) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < raws.size(); i++) {
      String value = text(raws.get(i), field + "[" + i + "]");
      if (!value.isEmpty()) {
        out.add(value);
      }
    }
    return out;
  }

  /** Like {@link #list} but keeps empty elements: a command's arguments may be empty strings. */
  List<String> args(List<String> raws, String field) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < raws.size(); i++) {
      out.add(text(raws.get(i), field + "[" + i + "]"));
    }
    return out;
  }

  /**
   * A {@code when}: absent or empty is true; otherwise the rendered text is read as {@code tugboat
   * render} and the config screen read it ({@link WhenCondition}: Go's {@code strconv.ParseBool}).
   */
  boolean when(String raw, String field) {
    if (raw == null || raw.isBlank()) {
      return true;
    }
    String value = text(raw, field);
    try {
      return WhenCondition.isTrue(value, path(field));
    } catch (TemplateException e) {
      throw new Launcher.LaunchException(e.getMessage(), e);
    }
  }

  String path(String field) {
    return basePath + "." + field;
  }
}
