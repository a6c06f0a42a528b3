package dev.tugboat.spec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Rules about the configuration screen and the {@code cmds} that fill it. */
final class ConfigRules {
  static final List<String> ITEM_TYPES = List.of("text", "password", "textarea", "bool",
      "select_one", "select_many", "file", "label", "heading");
  static final List<String> COMMANDS = List.of("random", "publicip", "cert", "system_uuid", "echo");

  private ConfigRules() {}

  static List<ValidationRule> all() {
    return List.of(
        ValidationRule.of("config-item-unique", ConfigRules::itemNamesUnique),
        ValidationRule.of("config-item-type", ConfigRules::itemTypeKnown),
        ValidationRule.of("select-options", ConfigRules::selectHasOptions),
        ValidationRule.of("cmd-ref-exists", ConfigRules::cmdRefExists),
        ValidationRule.of("known-cmd", ConfigRules::knownCmd),
        ValidationRule.of("cmd-args", ConfigRules::cmdArgs));
  }

  static void itemNamesUnique(AppSpec spec, Findings findings) {
    Map<String, String> first = new HashMap<>();
    for (Located<ConfigItemSpec> item : SpecWalk.configItems(spec)) {
      reportRepeat(findings, first, item, "config item");
      Map<String, String> options = new HashMap<>();
      List<ConfigItemSpec> nested = item.value().items();
      for (int i = 0; i < nested.size(); i++) {
        reportRepeat(findings, options, new Located<>(item.child("items[" + i + "]"), nested.get(i)),
            "option of " + item.value().name() + ",");
      }
    }
  }

  private static void reportRepeat(
      Findings findings, Map<String, String> first, Located<ConfigItemSpec> item, String what) {
    String name = item.value().name();
    if (name.isEmpty()) {
      return;
    }
    String earlier = first.putIfAbsent(name, item.path());
    if (earlier != null) {
      findings.error(item.child("name"), what + " name \"" + name + "\" is already used at line "
          + findings.lineOf(earlier + ".name") + "; names must be unique");
    }
  }

  static void itemTypeKnown(AppSpec spec, Findings findings) {
    for (Located<ConfigItemSpec> item : SpecWalk.configItems(spec)) {
      String type = item.value().type();
      if (type.isEmpty()) {
        findings.error(item.path(), "config item " + item.value().name()
            + " has no \"type\"; use one of " + String.join(", ", ITEM_TYPES));
      } else if (!ITEM_TYPES.contains(type)) {
        findings.error(item.child("type"), "config item " + item.value().name() + " has unknown type \""
            + type + "\"" + EventRules.didYouMean(type, Set.copyOf(ITEM_TYPES)) + "; use one of "
            + String.join(", ", ITEM_TYPES));
      }
    }
  }

  static void selectHasOptions(AppSpec spec, Findings findings) {
    for (Located<ConfigItemSpec> item : SpecWalk.configItems(spec)) {
      String type = item.value().type();
      if ((type.equals("select_one") || type.equals("select_many")) && item.value().items().isEmpty()) {
        findings.error(item.path(), type + " item " + item.value().name()
            + " has no options; list them under \"items\" with a name and title each");
      }
    }
  }

  static void cmdRefExists(AppSpec spec, Findings findings) {
    Set<String> names = spec.cmds().stream().map(CmdSpec::name).collect(Collectors.toSet());
    for (Located<ConfigItemSpec> item : SpecWalk.configItemsAndOptions(spec)) {
      checkRef(findings, item, "default_cmd", item.value().defaultCmd(), names);
      checkRef(findings, item, "value_cmd", item.value().valueCmd(), names);
      checkRef(findings, item, "data_cmd", item.value().dataCmd(), names);
    }
  }

  private static void checkRef(Findings findings, Located<ConfigItemSpec> item, String key,
      Optional<CmdRefSpec> ref, Set<String> names) {
    if (ref.isEmpty() || names.contains(ref.get().name())) {
      return;
    }
    String name = ref.get().name();
    findings.error(item.child(key + ".name"), key + " of config item " + item.value().name()
        + (name.isEmpty() ? " names no command" : " names command \"" + name + "\", which is not in cmds")
        + EventRules.didYouMean(name, names));
  }

  static void knownCmd(AppSpec spec, Findings findings) {
    for (int i = 0; i < spec.cmds().size(); i++) {
      String cmd = spec.cmds().get(i).cmd();
      if (!cmd.isEmpty() && !COMMANDS.contains(cmd)) {
        findings.error("cmds[" + i + "].cmd", "command " + spec.cmds().get(i).name() + " uses unknown cmd \""
            + cmd + "\"" + EventRules.didYouMean(cmd, Set.copyOf(COMMANDS)) + "; known: "
            + String.join(", ", COMMANDS));
      }
    }
  }

  /** Arguments a generator needs, refused as the generator refuses them when it runs. */
  static void cmdArgs(AppSpec spec, Findings findings) {
    for (int i = 0; i < spec.cmds().size(); i++) {
      CmdSpec cmd = spec.cmds().get(i);
      if (cmd.cmd().equals("random")) {
        String path = "cmds[" + i + "]" + (cmd.args().isEmpty() ? "" : ".args");
        CmdSpec.randomArityProblem(cmd.args().size()).ifPresent(problem ->
            findings.error(path, "command " + cmd.name() + ": " + problem));
      }
    }
  }
}
