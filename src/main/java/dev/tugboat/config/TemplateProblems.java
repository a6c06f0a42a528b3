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
import java.util.List;

/**
 * {@code tugboat validate}'s template check: every {@code {{repl}}} template of the spec (every
 * string of the file, config screen included) that does not parse, at its place in the spec file:
 * the field's position plus the offset inside the template.
 */
public final class TemplateProblems implements ProblemSource {

  public static final String RULE = "template-syntax";

  /** Reads the spec's file again; {@link #problems(SourceMap, String, ParsedTemplates)} does not. */
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
    return problems(spec.sourceMap(), text, SpecTemplateSet.parse(spec, text));
  }

  /** The problems of {@code templates}, parsed from spec {@code text} and placed with {@code sourceMap}. */
  public static List<Problem> problems(SourceMap sourceMap, String text, ParsedTemplates templates) {
    List<Problem> problems = new ArrayList<>();
    for (TemplateException e : templates.errors()) {
      problems.add(Problem.error(RULE, e.fieldPath(), TemplatePositions.of(sourceMap, text, e),
          e.fieldPath() + ": " + e.detail()));
    }
    return List.copyOf(problems);
  }
}
