package dev.tugboat.config;

import dev.tugboat.spec.LoadedSpec;
import dev.tugboat.spec.SpecTree;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.ComponentSpec;
import dev.tugboat.spec.ContainerSpec;
import dev.tugboat.spec.EnvVarSpec;
import dev.tugboat.template.ParsedTemplates;
import dev.tugboat.template.Template;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every {@code {{repl}}} template of a spec, parsed once when the spec loads: each string of the
 * file that holds an action (config screen included), by field path, and the strings the run
 * renders under another path than the one they are written at (the elements of a {@code cmd}
 * array, an env var's {@code static_val} read as its {@code value}). Validation reports the
 * trees' errors; a run renders from the trees.
 */
public final class SpecTemplateSet {

  private SpecTemplateSet() {}

  /**
   * The templates of {@code spec}, whose file reads {@code text}. Errors are those of the strings
   * as written: a string the run renders under another path is part of one written, which has
   * its error already.
   */
  public static ParsedTemplates parse(AppSpec spec, String text) {
    return parse(spec, SpecTree.parse(text));
  }

  /** As above, from the file's tree as the loader made it ({@link LoadedSpec#tree()}). */
  public static ParsedTemplates parse(AppSpec spec, Map<String, Object> tree) {
    Map<String, String> written = new LinkedHashMap<>();
    collect(tree, "", written);
    Map<String, String> elsewhere = new LinkedHashMap<>();
    addRenderedElsewhere(spec, elsewhere);
    written.keySet().forEach(elsewhere::remove);
    ParsedTemplates parsed = ParsedTemplates.parseAll(written);
    Map<String, Template> all = new LinkedHashMap<>(parsed.byFieldPath());
    all.putAll(ParsedTemplates.parseAll(elsewhere).byFieldPath());
    return new ParsedTemplates(all, parsed.errors());
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
    } else if (node instanceof String value && Template.hasActions(value)) {
      templates.put(path, value);
    }
  }

  private static void addRenderedElsewhere(AppSpec spec, Map<String, String> sources) {
    List<ComponentSpec> components = spec.components();
    for (int c = 0; c < components.size(); c++) {
      List<ContainerSpec> containers = components.get(c).containers();
      for (int i = 0; i < containers.size(); i++) {
        String path = "components[" + c + "].containers[" + i + "]";
        ContainerSpec container = containers.get(i);
        if (!container.cmdNeedsRendering()) {
          for (int e = 0; e < container.cmd().size(); e++) {
            putTemplated(sources, path + ".cmd[" + e + "]", container.cmd().get(e));
          }
        }
        List<EnvVarSpec> vars = container.envVars();
        for (int v = 0; v < vars.size(); v++) {
          putTemplated(sources, path + ".env_vars[" + v + "].value", vars.get(v).value());
        }
      }
    }
  }

  private static void putTemplated(Map<String, String> sources, String path, String value) {
    if (Template.hasActions(value)) {
      sources.put(path, value);
    }
  }
}
