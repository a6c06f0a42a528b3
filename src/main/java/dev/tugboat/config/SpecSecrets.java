package dev.tugboat.config;

import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.ContainerSpec;
import dev.tugboat.spec.EnvVarSpec;
import dev.tugboat.template.Template;
import dev.tugboat.template.TemplateEnvironment;
import dev.tugboat.template.TemplateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every secret value of an app in one masker: the config's secret items, and the env vars marked
 * {@code is_excluded_from_support} as they render with {@code env}. An env var whose value depends
 * on a fact known only at run time (another container's address) cannot be rendered before that
 * container starts; it is left out here, and the daemon and {@code tugboat run} add it to their
 * masker as it renders. Its template errors are reported where the spec is validated and run.
 */
public final class SpecSecrets {

  private SpecSecrets() {}

  public static SecretMasker masker(AppSpec spec, ConfigValues values, TemplateEnvironment env) {
    List<String> secrets = new ArrayList<>();
    List<ContainerSpec> containers = spec.containers().toList();
    for (int c = 0; c < containers.size(); c++) {
      List<EnvVarSpec> envVars = containers.get(c).envVars();
      for (int e = 0; e < envVars.size(); e++) {
        EnvVarSpec envVar = envVars.get(e);
        if (envVar.isExcludedFromSupport()) {
          render(envVar.value(), "env_vars[" + e + "]", env).ifPresent(secrets::add);
        }
      }
    }
    return values.masker().with(secrets);
  }

  private static Optional<String> render(String value, String path, TemplateEnvironment env) {
    if (!value.contains("{{repl")) {
      return Optional.of(value);
    }
    try {
      return Optional.of(Template.parse(value, path).render(env));
    } catch (TemplateException e) {
      return Optional.empty();
    }
  }
}
