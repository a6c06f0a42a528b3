package dev.tugboat.app;

import dev.tugboat.config.TemplatePositions;
import dev.tugboat.spec.Problem;
import dev.tugboat.spec.SourceMap;
import dev.tugboat.spec.SourcePosition;
import dev.tugboat.template.TemplateException;
import java.util.Optional;

/**
 * A failure to render or plan a spec with its config values, as a problem at its place in the
 * spec file, in the form {@code tugboat validate} prints: a template's error at its action, any
 * other at the field its message names ({@code components[0].containers[1].ports[0]: ...}).
 */
final class LaunchProblems {

  /** A template that does not render with the config values. */
  static final String RULE = "template-render";
  /** What a container's fields render to cannot be used (a port number, a file mode, a cmd). */
  static final String LAUNCH_RULE = "launch-check";
  /** The containers and events do not make a plan. */
  static final String PLAN_RULE = "plan";

  private LaunchProblems() {}

  /** A launch that would fail. */
  static Problem of(CheckedSpec checked, RuntimeException error) {
    return of(checked, error, LAUNCH_RULE);
  }

  /** A plan that cannot be made. */
  static Problem ofPlan(CheckedSpec checked, RuntimeException error) {
    return of(checked, error, PLAN_RULE);
  }

  private static Problem of(CheckedSpec checked, RuntimeException error, String otherRule) {
    SourceMap sources = checked.spec().sourceMap();
    Optional<TemplateException> template = templateCause(error);
    if (template.isPresent()) {
      TemplateException e = template.get();
      return Problem.error(RULE, e.fieldPath(),
          TemplatePositions.of(sources, checked.text(), e), e.fieldPath() + ": " + e.detail());
    }
    String message = String.valueOf(error.getMessage());
    String path = fieldPathOf(message, sources).orElse("");
    SourcePosition at = path.isEmpty() ? SourcePosition.startOf(sources.file()) : sources.at(path);
    return Problem.error(otherRule, path, at, message);
  }

  private static Optional<TemplateException> templateCause(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof TemplateException template) {
        return Optional.of(template);
      }
    }
    return Optional.empty();
  }

  /** The field path a launch message starts with, when it names one the spec has. */
  private static Optional<String> fieldPathOf(String message, SourceMap sources) {
    int colon = message.indexOf(": ");
    if (colon <= 0) {
      return Optional.empty();
    }
    String candidate = message.substring(0, colon);
    return candidate.startsWith("components[") || candidate.startsWith("state.")
        ? Optional.of(candidate) : Optional.empty();
  }
}
