package dev.tugboat.orchestrator;

import dev.tugboat.template.Template;
import dev.tugboat.template.TemplateEnvironment;

/**
 * Renders one raw string of the spec. {@code fieldPath} names the field in messages ({@code
 * components[1].containers[0].env_vars[0].value}). Throws a runtime exception whose message says
 * what went wrong and where.
 */
@FunctionalInterface
public interface SpecTemplates {

  String render(String raw, String fieldPath, TemplateEnvironment env);

  /** The {@code {{repl}}} language; a failure's message reads {@code field:line:column: detail}. */
  static SpecTemplates standard() {
    return (raw, fieldPath, env) -> Template.parse(raw, fieldPath).render(env);
  }
}
