package dev.tugboat.config;

import dev.tugboat.spec.SpecTree;
import dev.tugboat.template.Template;
import dev.tugboat.template.TemplateEnvironment;
import dev.tugboat.template.TemplateException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The spec as it would run with a configuration: every {@code {{repl}}} template outside {@code
 * config} and {@code cmds} evaluated, and every entry whose {@code when} is false dropped (a
 * container, an env var, a port, a volume, ...). Secret values (of {@code password} items and of env
 * vars marked {@code is_excluded_from_support}) are masked unless asked otherwise. All template
 * errors are collected, each with its field path, rather than stopping at the first.
 */
public final class SpecPreview {

  /** Sections that are the config screen itself, not what runs: kept as written. */
  private static final Set<String> KEPT_AS_WRITTEN = Set.of("config", "cmds");

  /**
   * What rendering gave.
   *
   * @param tree the rendered spec (ordered maps, lists, scalars), masked unless asked otherwise
   * @param errors templates that failed, in spec order
   */
  public record Result(Map<String, Object> tree, List<TemplateException> errors) {
    public Result {
      errors = List.copyOf(errors);
    }
  }

  private final TemplateEnvironment env;
  private final List<TemplateException> errors = new ArrayList<>();
  private final List<String> secrets = new ArrayList<>();

  private SpecPreview(TemplateEnvironment env) {
    this.env = env;
  }

  /**
   * Renders {@code specText} with {@code env} (config functions answered by {@code values}).
   *
   * @param showSecrets false to mask secret values everywhere in the result
   */
  public static Result render(String specText, ConfigValues values, TemplateEnvironment env,
      boolean showSecrets) {
    SpecPreview preview = new SpecPreview(env);
    Map<String, Object> tree = SpecTree.parse(specText);
    Map<String, Object> rendered = new LinkedHashMap<>();
    tree.forEach((key, value) -> rendered.put(key,
        KEPT_AS_WRITTEN.contains(key) ? value : preview.node(value, key)));
    if (showSecrets) {
      return new Result(rendered, preview.errors);
    }
    SecretMasker masker = values.masker().with(preview.secrets);
    return new Result(mask(rendered, masker), preview.errors);
  }

  private Object node(Object value, String path) {
    if (value instanceof Map<?, ?> map) {
      return mapping(map, path, false);
    }
    if (value instanceof List<?> list) {
      List<Object> kept = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        Object element = list.get(i);
        String elementPath = path + "[" + i + "]";
        if (!(element instanceof Map<?, ?> map)) {
          kept.add(node(element, elementPath));
        } else if (isWanted(map.get("when"), elementPath + ".when")) {
          // A kept entry's when has done its job: the output shows what runs.
          kept.add(mapping(map, elementPath, true));
        }
      }
      return kept;
    }
    if (value instanceof String text) {
      return render(text, path).orElse(text);
    }
    return value;
  }

  private Map<String, Object> mapping(Map<?, ?> map, String path, boolean whenDecided) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = String.valueOf(entry.getKey());
      if (!(whenDecided && key.equals("when"))) {
        out.put(key, node(entry.getValue(), path + "." + key));
      }
    }
    if (SpecTree.isTrue(map.get("is_excluded_from_support"))) {
      for (String key : List.of("value", "static_val")) {
        if (out.get(key) instanceof String secret) {
          secrets.add(secret);
        }
      }
    }
    return out;
  }

  /** An entry is wanted when it has no {@code when}, or its {@code when} renders to true. */
  private boolean isWanted(Object when, String path) {
    if (SpecTree.isNull(when)) {
      return true;
    }
    String written = SpecTree.text(when);
    if (written.isBlank()) {
      return true;
    }
    Optional<String> rendered = render(written, path);
    if (rendered.isEmpty()) {
      return true; // the error is reported; the entry stays so the output shows where it was
    }
    try {
      return WhenCondition.isTrue(rendered.get(), path);
    } catch (TemplateException e) {
      errors.add(e);
      return true;
    }
  }

  private Optional<String> render(String text, String path) {
    if (!text.contains("{{repl")) {
      return Optional.of(text);
    }
    try {
      return Optional.of(Template.parse(text, path).render(env));
    } catch (TemplateException e) {
      errors.add(e);
      return Optional.empty();
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T mask(T value, SecretMasker masker) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), mask(v, masker)));
      return (T) out;
    }
    if (value instanceof List<?> list) {
      return (T) list.stream().map(v -> mask(v, masker)).toList();
    }
    if (value instanceof String text) {
      return (T) masker.mask(text);
    }
    return value;
  }
}
