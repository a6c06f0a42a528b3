package dev.tugboat.spec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rules about one container's keys: names, command, volumes, restart policy. */
final class ContainerRules {
  static final List<String> RESTART_POLICIES = List.of("never", "always", "on-failure");

  private ContainerRules() {}

  static List<ValidationRule> all() {
    return List.of(
        ValidationRule.of("unique-container-names", ContainerRules::uniqueContainerNames),
        ValidationRule.of("cmd-json-array", ContainerRules::cmdJsonArray),
        ValidationRule.of("restart-policy", ContainerRules::restartPolicy),
        ValidationRule.of("ephemeral-restart", ContainerRules::ephemeralRestart),
        ValidationRule.of("config-file-source", ContainerRules::configFileSource));
  }

  static void uniqueContainerNames(AppSpec spec, Findings findings) {
    Map<String, String> first = new HashMap<>();
    for (Located<ContainerSpec> located : SpecWalk.containers(spec)) {
      String name = located.value().name();
      if (name.isEmpty()) {
        continue;
      }
      String earlier = first.putIfAbsent(name, located.path());
      if (earlier != null) {
        findings.error(located.child("name"), "container name \"" + name + "\" is already used by "
            + earlier + " (line " + findings.lineOf(earlier + ".name")
            + "); Docker needs container names to be unique");
      }
    }
  }

  static void cmdJsonArray(AppSpec spec, Findings findings) {
    CmdJson cmdJson = new CmdJson();
    for (Located<ContainerSpec> located : SpecWalk.containers(spec)) {
      // A cmd with actions outside its strings becomes JSON only once rendered; it is checked then.
      if (cmdJson.parse(located.value().cmdText()) instanceof CmdJson.Invalid invalid) {
        findings.error(located.child("cmd"), "cmd of container " + located.value().ref() + " "
            + invalid.reason() + "; write a JSON array of strings in a string, such as"
            + " '[\"python\", \"manage.py\", \"migrate\"]'");
      }
    }
  }

  static void restartPolicy(AppSpec spec, Findings findings) {
    for (Located<ContainerSpec> located : SpecWalk.containers(spec)) {
      RestartSpec restart = located.value().restart();
      if (!restart.policy().isEmpty() && !RESTART_POLICIES.contains(restart.policy())) {
        findings.error(located.child("restart.policy"), "restart policy \"" + restart.policy()
            + "\" of container " + located.value().ref() + " is unknown; use never, always or on-failure");
      }
      if (restart.max().isPresent() && !restart.effectivePolicy().equals("on-failure")) {
        findings.error(located.child("restart.max"), "restart max applies only to policy on-failure,"
            + " but container " + located.value().ref() + " has policy " + restart.effectivePolicy());
      }
      if (restart.max().isPresent() && restart.max().getAsInt() < 0) {
        findings.error(located.child("restart.max"), "restart max of container "
            + located.value().ref() + " is negative; give the number of restarts, 0 or more");
      }
    }
  }

  static void ephemeralRestart(AppSpec spec, Findings findings) {
    for (Located<ContainerSpec> located : SpecWalk.containers(spec)) {
      if (located.value().ephemeral() && located.value().restart().policy().equals("always")) {
        findings.warning(located.child("restart.policy"), "container " + located.value().ref()
            + " is ephemeral (expected to exit) but has restart policy always, so it is started again"
            + " every time it completes; use on-failure or never");
      }
    }
  }

  /**
   * Replicated fetched a {@code source: github} config file when the vendor released the app; an
   * on-prem host has no such release step and must not reach GitHub at run time.
   */
  static void configFileSource(AppSpec spec, Findings findings) {
    for (Located<ContainerSpec> located : SpecWalk.containers(spec)) {
      List<ConfigFileSpec> files = located.value().configFiles();
      for (int i = 0; i < files.size(); i++) {
        ConfigFileSpec file = files.get(i);
        if (file.fromRepository().isEmpty()) {
          continue;
        }
        ConfigFileSpec.RepositoryFileSpec repository = file.fromRepository().get();
        String key = repository.source().isEmpty() ? "repo" : "source";
        String source = repository.source().isEmpty() ? "a repository" : repository.source();
        findings.error(located.child("config_files[" + i + "]." + key), "config file "
            + file.filename() + " of container " + located.value().ref() + " is taken from "
            + source + " (" + repository.describe() + "), which Tugboat does not fetch: an"
            + " on-prem host does not reach GitHub at run time. Put the file's text in"
            + " \"contents:\" (a block scalar, `contents: |`) and remove source, owner, repo, path"
            + " and ref");
      }
    }
  }
}
