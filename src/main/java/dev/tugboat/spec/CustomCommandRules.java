package dev.tugboat.spec;

import java.util.Optional;

/** The {@code command} of a custom requirement: one Tugboat can run, with the data it needs. */
final class CustomCommandRules {
  private CustomCommandRules() {}

  static void check(AppSpec spec, CustomRequirementSpec req, Findings findings) {
    check(spec, req, "command", findings);
  }

  /** {@code key}: where the command is written ({@code custom_command} in a {@code test_proc}). */
  static void check(AppSpec spec, CustomRequirementSpec req, String key, Findings findings) {
    CustomRequirementSpec.Command command = req.command();
    String path = req.path() + "." + key;
    if (command.id().isBlank()) {
      findings.error(path, "custom requirement " + req.id() + " has no command id; use one of "
          + String.join(", ", RequirementRules.COMMANDS.stream().sorted().toList()));
      return;
    }
    if (!command.timeout().isBlank() && Numbers.parseInt(command.timeout()).isEmpty()) {
      findings.error(path + ".timeout", "timeout \"" + command.timeout()
          + "\" is not a number of seconds (-1: no timeout)");
    }
    String data = path + ".data";
    switch (command.id()) {
      case "scheduler" -> scheduler(spec, command, data, findings);
      case "disk_space_available", "disk_space_total" -> required(command, "dir", data, findings);
      case "port_available" -> required(command, "port", data, findings);
      case "tcp_dial" -> required(command, "addr", data, findings);
      case "raw" -> findings.error(path + ".id", "command raw runs in Replicated's own command image"
          + " (replicated/cmd), which Tugboat does not have; run the check with id: scheduler and"
          + " data: {component, container, cmd} naming a container of this spec whose image has the tools");
      default -> findings.error(path + ".id", "command \"" + command.id() + "\" is not one Tugboat"
          + " can run on one host; use one of "
          + String.join(", ", RequirementRules.COMMANDS.stream().sorted().toList()));
    }
  }

  private static void scheduler(AppSpec spec, CustomRequirementSpec.Command command, String path,
      Findings findings) {
    Optional<ContainerRef> target = command.schedulerTarget();
    if (target.isEmpty()) {
      findings.error(path, "command scheduler needs data.component and data.container naming the"
          + " container to run");
      return;
    }
    if (spec.container(target.get()).isEmpty()) {
      findings.error(path, "command scheduler names " + target.get().component() + "/"
          + target.get().container() + ", which is not a container of this spec");
    }
    if (command.data().get("cmd") instanceof String cmd
        && new CmdJson().parse(cmd) instanceof CmdJson.Invalid invalid) {
      findings.error(path + ".cmd", "cmd " + invalid.reason() + "; write a JSON array in a string,"
          + " such as '[\"sh\", \"-c\", \"test -e /data\"]'");
    }
  }

  private static void required(CustomRequirementSpec.Command command, String key, String path,
      Findings findings) {
    if (command.string(key).isBlank()) {
      findings.error(path + "." + key, "command " + command.id() + " needs data." + key);
    }
  }
}
