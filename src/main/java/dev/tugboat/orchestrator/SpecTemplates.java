package dev.tugboat.orchestrator;

import dev.tugboat.template.ParsedTemplates;
import dev.tugboat.template.Template;
import dev.tugboat.template.TemplateEnvironment;
import java.util.function.BiFunction;

/**
 * Renders one raw string of the spec. {@code fieldPath} names the field in messages ({@code
 * components[1].containers[0].env_vars[0].value}). Throws a runtime exception whose message says
 * what went wrong and where.
 */
@FunctionalInterface
public interface SpecTemplates {

  String render(String raw, String fieldPath, TemplateEnvironment env);

  /** Parses at each render: for tests and tools that have no parsed spec. */
  static SpecTemplates standard() {
    return (raw, fieldPath, env) -> Template.parse(raw, fieldPath).render(env);
  }

  /**
   * Renders from the trees parsed when the spec loaded ({@code kept}, by field path); a string not
   * among them (none should be) is parsed with {@link Template#parse}.
   */
  static SpecTemplates parsedAtLoad(ParsedTemplates kept) {
    return parsedAtLoad(kept, Template::parse);
  }

  /** As {@link #parsedAtLoad(ParsedTemplates)}, with {@code parser} for strings not kept. */
  static SpecTemplates parsedAtLoad(ParsedTemplates kept,
      BiFunction<String, String, Template> parser) {
    return (raw, fieldPath, env) -> kept.template(fieldPath)
        .filter(template -> template.source().equals(raw))
        .orElseGet(() -> parser.apply(raw, fieldPath))
        .render(env);
  }
}
