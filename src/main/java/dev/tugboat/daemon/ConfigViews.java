package dev.tugboat.daemon;

import dev.tugboat.api.ConfigItemView;
import dev.tugboat.api.ConfigView;
import dev.tugboat.config.ConfigEntry;
import dev.tugboat.config.ConfigException;
import dev.tugboat.config.ConfigTable;
import dev.tugboat.config.ConfigValue;
import dev.tugboat.config.ConfigValues;
import dev.tugboat.config.SecretMasker;
import dev.tugboat.config.WhenCondition;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.ConfigGroupSpec;
import dev.tugboat.spec.TestProcSpec;
import dev.tugboat.spec.TestProcs;
import dev.tugboat.template.TemplateEnvironment;
import dev.tugboat.template.TemplateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The config screen as the API shows it: groups with their titles, items with values masked. */
final class ConfigViews {

  private ConfigViews() {}

  /** {@code facts} answers what a group's {@code when} template may ask beyond config values. */
  static ConfigView of(AppSpec spec, ConfigValues values, TemplateEnvironment facts)
      throws ConfigException {
    TemplateEnvironment env = values.environment(facts);
    Map<String, String> tests = TestProcs.of(spec).stream().filter(proc -> proc.check().isPresent())
        .collect(Collectors.toMap(TestProcSpec::item, TestProcSpec::shownAs, (a, b) -> a));
    List<ConfigView.Group> groups = new ArrayList<>();
    for (int g = 0; g < spec.config().size(); g++) {
      ConfigGroupSpec group = spec.config().get(g);
      List<ConfigItemView> items = values.screen().entries().stream()
          .filter(entry -> entry.group().equals(group.name()))
          .map(entry -> item(values, entry, tests.get(entry.name())))
          .toList();
      groups.add(new ConfigView.Group(group.name(), group.title(), group.description(),
          group.when(), shown(group, "config[" + g + "].when", env), items));
    }
    return ConfigView.of(groups);
  }

  private static boolean shown(ConfigGroupSpec group, String path, TemplateEnvironment env)
      throws ConfigException {
    try {
      return WhenCondition.parse(group.when(), path).test(env);
    } catch (TemplateException e) {
      throw new ConfigException("config group '" + group.name() + "': its when cannot be decided: "
          + e.getMessage(), e);
    }
  }

  /** {@code test}: the name of the item's test procedure when Tugboat can run it, else null. */
  private static ConfigItemView item(ConfigValues values, ConfigEntry entry, String test) {
    SecretMasker masker = values.masker();
    ConfigValue value = values.value(entry.name()).orElseThrow();
    return new ConfigItemView(entry.name(), entry.item().title(), entry.type().specName(),
        entry.group(), entry.parent().orElse(null),
        entry.isSecret() && value.isSet() ? SecretMasker.MASK
            : masker.mask(ConfigTable.shown(values, entry.name())),
        value.source().label(), entry.item().required(), entry.item().hidden(),
        entry.item().readonly(), values.isShown(entry.name()), entry.isSecret(),
        entry.item().when(), test);
  }
}
