package dev.tugboat.config;

import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.ConfigGroupSpec;
import dev.tugboat.spec.ConfigItemSpec;
import dev.tugboat.spec.Problem;
import dev.tugboat.spec.SourcePosition;
import dev.tugboat.spec.Spelling;
import dev.tugboat.template.ConfigItemReference;
import dev.tugboat.template.ParsedTemplates;
import dev.tugboat.template.Template;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ConfigOption "name"} (and {@code ConfigOptionData}, {@code ConfigOptionEquals}, {@code
 * ConfigOptionNotEquals}) with a literal name the config screen does not have: the run would
 * refuse it when it renders, so validation refuses it first, where the name is written.
 */
public final class ConfigReferenceProblems {

  public static final String RULE = "config-item-exists";

  private ConfigReferenceProblems() {}

  public static List<Problem> problems(AppSpec spec, String text, ParsedTemplates templates) {
    Set<String> items = itemNames(spec);
    List<Problem> problems = new ArrayList<>();
    for (Map.Entry<String, Template> entry : templates.byFieldPath().entrySet()) {
      if (!spec.sourceMap().contains(entry.getKey())) {
        continue; // rendered elsewhere: checked where it is written
      }
      for (ConfigItemReference reference : entry.getValue().configItemReferences()) {
        if (items.contains(reference.item())) {
          continue;
        }
        SourcePosition at = TemplatePositions.locate(text, spec.sourceMap().at(entry.getKey()),
            reference.line(), reference.column());
        problems.add(Problem.error(RULE, entry.getKey(), at, entry.getKey() + ": no config item"
            + " named \"" + reference.item() + "\"" + Spelling.closest(reference.item(), items)
                .map(name -> " (did you mean " + name + "?)").orElse("")
            + "; name an item of the config screen, or add one"));
      }
    }
    return List.copyOf(problems);
  }

  /** Items of every group, and the options of select items, which config functions read too. */
  private static Set<String> itemNames(AppSpec spec) {
    Set<String> names = new LinkedHashSet<>();
    for (ConfigGroupSpec group : spec.config()) {
      for (ConfigItemSpec item : group.items()) {
        names.add(item.name());
        item.items().forEach(option -> names.add(option.name()));
      }
    }
    names.remove("");
    return names;
  }
}
