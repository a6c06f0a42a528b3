package dev.tugboat.spec;

import java.util.List;

/** Keys without which a spec means nothing: {@code required-fields}. */
final class RequiredFieldsRule {
  static final String ID = "required-fields";

  private RequiredFieldsRule() {}

  static ValidationRule rule() {
    return ValidationRule.of(ID, RequiredFieldsRule::check);
  }

  static void check(AppSpec spec, Findings findings) {
    require(findings, "", "the spec", "replicated_api_version", spec.apiVersion());
    require(findings, "", "the spec", "name", spec.name());
    for (int i = 0; i < spec.components().size(); i++) {
      require(findings, "components[" + i + "]", "component", "name", spec.components().get(i).name());
    }
    for (Located<ContainerSpec> located : SpecWalk.containers(spec)) {
      checkContainer(findings, located);
    }
    for (LocatedEvent event : SpecWalk.events(spec)) {
      require(findings, event.path(), "event", "name", event.event().name());
      require(findings, event.path(), "event", "trigger", event.event().trigger());
      List<SubscriptionSpec> subscriptions = event.event().subscriptions();
      for (int i = 0; i < subscriptions.size(); i++) {
        String path = event.child("subscriptions[" + i + "]");
        require(findings, path, "subscription", "component", subscriptions.get(i).component());
        require(findings, path, "subscription", "container", subscriptions.get(i).container());
        require(findings, path, "subscription", "action", subscriptions.get(i).action());
      }
    }
    for (int i = 0; i < spec.config().size(); i++) {
      require(findings, "config[" + i + "]", "config group", "name", spec.config().get(i).name());
    }
    for (Located<ConfigItemSpec> item : SpecWalk.configItemsAndOptions(spec)) {
      require(findings, item.path(), "config item", "name", item.value().name());
    }
    for (int i = 0; i < spec.cmds().size(); i++) {
      require(findings, "cmds[" + i + "]", "command", "name", spec.cmds().get(i).name());
      require(findings, "cmds[" + i + "]", "command", "cmd", spec.cmds().get(i).cmd());
    }
    for (int i = 0; i < spec.adminCommands().size(); i++) {
      require(findings, "admin_commands[" + i + "]", "admin command", "alias",
          spec.adminCommands().get(i).alias());
    }
  }

  private static void checkContainer(Findings findings, Located<ContainerSpec> located) {
    ContainerSpec container = located.value();
    String path = located.path();
    require(findings, path, "container", "source", container.source());
    require(findings, path, "container", "image_name", container.imageName());
    require(findings, path, "container", "version", container.version());
    for (int i = 0; i < container.envVars().size(); i++) {
      require(findings, path + ".env_vars[" + i + "]", "env var", "name", container.envVars().get(i).name());
    }
    for (int i = 0; i < container.ports().size(); i++) {
      require(findings, path + ".ports[" + i + "]", "port", "private_port",
          container.ports().get(i).privatePort());
    }
    for (int i = 0; i < container.volumes().size(); i++) {
      require(findings, path + ".volumes[" + i + "]", "volume", "container_path",
          container.volumes().get(i).containerPath());
    }
    for (int i = 0; i < container.configFiles().size(); i++) {
      require(findings, path + ".config_files[" + i + "]", "config file", "filename",
          container.configFiles().get(i).filename());
    }
    for (int i = 0; i < container.customerFiles().size(); i++) {
      require(findings, path + ".customer_files[" + i + "]", "customer file", "name",
          container.customerFiles().get(i).name());
      require(findings, path + ".customer_files[" + i + "]", "customer file", "filename",
          container.customerFiles().get(i).filename());
    }
  }

  private static void require(Findings findings, String path, String what, String key, String value) {
    if (value.isBlank()) {
      String where = path.isEmpty() ? what : what + " " + path;
      findings.error(path.isEmpty() ? key : path + "." + key,
          where + " has no \"" + key + "\"; it is required");
    }
  }
}
