package dev.tugboat.config;

import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.Problem;
import dev.tugboat.spec.ProblemSource;
import dev.tugboat.spec.SourceMap;
import dev.tugboat.spec.SourcePosition;
import dev.tugboat.template.ParsedTemplates;
import dev.tugboat.template.TemplateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tugboat validate}'s template check: parses every {@code {{repl}}} template of the spec
 * (every string of the file, config screen included) and reports each that does not parse at its
 * place in the spec file: the field's position plus the offset inside the template.
 */
public final class TemplateProblems implements ProblemSource {

  public static final String RULE = "template-syntax";

  @Override
  public List<Problem> problems(AppSpec spec) {
    String file = spec.sourceMap().file();
    String text;
    try {
      text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return List.of(Problem.warning(RULE, "", SourcePosition.startOf(file),
          "templates were not checked: cannot read " + file + " again: " + e.getMessage()));
    }
    return problems(spec.sourceMap(), text);
  }

  /** The template problems of spec {@code text}, placed with {@code sourceMap}. */
  public static List<Problem> problems(SourceMap sourceMap, String text) {
    Map<String, String> templates = new LinkedHashMap<>();
    collect(SpecTree.parse(text), "", templates);
    List<Problem> problems = new ArrayList<>();
    for (TemplateException e : ParsedTemplates.parseAll(templates).errors()) {
      problems.add(Problem.error(RULE, e.fieldPath(), TemplatePositions.of(sourceMap, text, e),
          e.fieldPath() + ": " + e.detail()));
    }
    return List.copyOf(problems);
  }

  /** Every string that holds an action, by its field path. */
  private static void collect(Object node, String path, Map<String, String> templates) {
    if (node instanceof Map<?, ?> map) {
      map.forEach((key, value) ->
          collect(value, path.isEmpty() ? String.valueOf(key) : path + "." + key, templates));
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        collect(list.get(i), path + "[" + i + "]", templates);
      }
    } else if (node instanceof String value && value.contains("{{repl")) {
      templates.put(path, value);
    }
  }
}
