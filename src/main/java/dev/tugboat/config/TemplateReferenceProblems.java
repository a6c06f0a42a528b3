package dev.tugboat.config;

import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.ContainerRef;
import dev.tugboat.spec.Problem;
import dev.tugboat.spec.ProblemSource;
import dev.tugboat.spec.SourceMap;
import dev.tugboat.spec.SourcePosition;
import dev.tugboat.spec.Spelling;
import dev.tugboat.template.ContainerReference;
import dev.tugboat.template.ParsedTemplates;
import dev.tugboat.template.Template;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tugboat validate}'s check of the containers templates name by literal arguments ({@code
 * NodePrivateIPAddress "db" "cassandra"}, {@code ContainerExposedPort ...}): each must be a
 * container of the spec, as a run refuses a name it cannot place. Reported where the names stand.
 */
public final class TemplateReferenceProblems implements ProblemSource {

  public static final String RULE = "template-container-exists";

  @Override
  public List<Problem> problems(AppSpec spec) {
    String text;
    try {
      text = Files.readString(Path.of(spec.sourceMap().file()), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      text = ""; // positions fall back to the field's
    }
    return problems(spec, text);
  }

  /** The references of {@code spec}'s templates to containers it does not have. */
  public static List<Problem> problems(AppSpec spec, String specText) {
    SourceMap sourceMap = spec.sourceMap();
    List<Problem> problems = new ArrayList<>();
    ParsedTemplates parsed = ParsedTemplates.parseAll(sourceMap.templatedValues());
    for (Map.Entry<String, Template> entry : parsed.byFieldPath().entrySet()) {
      String field = entry.getKey();
      for (ContainerReference reference : entry.getValue().containerReferences()) {
        ContainerRef ref = new ContainerRef(reference.component(), reference.container());
        if (spec.container(ref).isEmpty()) {
          problems.add(Problem.error(RULE, field,
              position(sourceMap, specText, field, reference),
              field + ": there is no container " + ref + " in the spec" + hint(spec, reference)
                  + "; name a component, then a container's image_name or name"));
        }
      }
    }
    return List.copyOf(problems);
  }

  private static String hint(AppSpec spec, ContainerReference reference) {
    List<String> known = new ArrayList<>();
    spec.components().forEach(component -> component.containers().forEach(container -> {
      known.add(component.name() + "/" + container.imageName());
      if (!container.name().isEmpty()) {
        known.add(component.name() + "/" + container.name());
      }
    }));
    return Spelling.closest(reference.toString(), known).map(k -> " (did you mean " + k + "?)")
        .orElse("");
  }

  /** Where the two names stand in the file; the field's own position when they cannot be found. */
  private static SourcePosition position(SourceMap sourceMap, String specText, String field,
      ContainerReference reference) {
    SourcePosition start = sourceMap.at(field);
    String template = sourceMap.templatedValues().get(field);
    if (specText.isEmpty() || template == null) {
      return start;
    }
    Matcher m = Pattern.compile("\"" + Pattern.quote(reference.component()) + "\"\\s+\""
        + Pattern.quote(reference.container()) + "\"").matcher(template);
    if (!m.find()) {
      return start;
    }
    String before = template.substring(0, m.start());
    int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
    int column = m.start() - before.lastIndexOf('\n');
    return TemplatePositions.locate(specText, start, line, column);
  }
}
