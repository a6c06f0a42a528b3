package dev.tugboat.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Many templates parsed at once, keyed by field path, with every error found rather than only the
 * first: what {@code tugboat validate} reports for a whole spec, and the trees a run renders from
 * (a spec is parsed once, when it loads).
 */
public record ParsedTemplates(Map<String, Template> byFieldPath, List<TemplateException> errors) {

  public ParsedTemplates {
    byFieldPath = Collections.unmodifiableMap(new LinkedHashMap<>(byFieldPath));
    errors = List.copyOf(errors);
  }

  /** Parses each (field path, source) pair in the map's order; a failed one is left out of the map. */
  public static ParsedTemplates parseAll(Map<String, String> sourcesByFieldPath) {
    Map<String, Template> templates = new LinkedHashMap<>();
    List<TemplateException> errors = new ArrayList<>();
    sourcesByFieldPath.forEach(
        (fieldPath, source) -> {
          try {
            templates.put(fieldPath, Template.parse(source, fieldPath));
          } catch (TemplateException e) {
            errors.add(e);
          }
        });
    return new ParsedTemplates(templates, errors);
  }

  /** The template parsed for {@code fieldPath}, if it parsed. */
  public java.util.Optional<Template> template(String fieldPath) {
    return java.util.Optional.ofNullable(byFieldPath.get(fieldPath));
  }

  /** The containers any of the templates names, in order of first appearance. */
  public List<ContainerReference> containerReferences() {
    return byFieldPath.values().stream()
        .flatMap(t -> t.containerReferences().stream())
        .distinct()
        .toList();
  }
}
