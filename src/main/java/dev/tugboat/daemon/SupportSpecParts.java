package dev.tugboat.daemon;

import dev.tugboat.orchestrator.RunStatus;
import dev.tugboat.runtime.ContainerFile;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.EngineDiagnostics;
import dev.tugboat.runtime.ExecRequest;
import dev.tugboat.runtime.ExecResult;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.ContainerSpec;
import dev.tugboat.spec.SupportCommandSpec;
import dev.tugboat.spec.SupportFileSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The support bundle's files the vendor's spec asks for: each container's {@code support_files}
 * (read out of the container, running or stopped) and {@code support_commands} (run in it while it
 * runs), and the top-level {@code support} section's, for every instance of the container they
 * name. They go under that instance's directory, {@code files/} with the file's own path and
 * {@code commands/} with the name the spec gives, masked as every file of the bundle is.
 */
final class SupportSpecParts {

  /** A support file larger than this is cut: logs are what vendors name, and the end is kept by none. */
  static final int MAX_FILE_BYTES = 8 * 1024 * 1024;
  static final int MAX_COMMAND_OUTPUT_BYTES = 4 * 1024 * 1024;

  private final EngineDiagnostics engine;
  private final SupportLimits limits;

  SupportSpecParts(EngineDiagnostics engine, SupportLimits limits) {
    this.engine = engine;
    this.limits = limits;
  }

  List<SupportPart> parts(RunStatus run, AppSpec spec) {
    List<SupportPart> parts = new ArrayList<>();
    if (run == null) {
      return parts;
    }
    Duration commandTime = spec.support().timeoutSeconds() > 0
        && Duration.ofSeconds(spec.support().timeoutSeconds()).compareTo(limits.deadline()) < 0
        ? Duration.ofSeconds(spec.support().timeoutSeconds()) : limits.deadline();
    for (RunStatus.ContainerStatus instance : run.containers()) {
      if (instance.containerId() == null || instance.containerId().isEmpty()) {
        continue;
      }
      Optional<ContainerSpec> container = spec.containers()
          .filter(c -> c.ref().toString().equals(instance.container())).findFirst();
      if (container.isEmpty()) {
        continue;
      }
      List<SupportFileSpec> files = new ArrayList<>(container.get().supportFiles());
      spec.support().files().stream()
          .filter(file -> file.source().filter(container.get().ref()::equals).isPresent())
          .forEach(files::add);
      List<SupportCommandSpec> commands = new ArrayList<>(container.get().supportCommands());
      spec.support().commands().stream()
          .filter(command -> command.source().filter(container.get().ref()::equals).isPresent())
          .forEach(commands::add);
      ContainerId id = ContainerId.of(instance.containerId());
      String dir = "containers/" + SupportEngineParts.directory(instance) + "/";
      // the container's own entry and the section's may name the same file or output name
      Set<String> taken = new HashSet<>();
      for (SupportFileSpec file : files) {
        String name = dir + "files/" + inBundle(file.filename());
        if (!taken.add(name)) {
          continue;
        }
        parts.add(new SupportPart(name,
            "support file " + file.filename() + " of " + instance.container() + " (the spec's;"
                + " at most " + MAX_FILE_BYTES + " bytes)",
            () -> fileContent(engine.fileOf(id, file.filename(), MAX_FILE_BYTES))));
      }
      for (SupportCommandSpec command : commands) {
        String name = dir + "commands/" + inBundle(command.filename());
        if (!taken.add(name)) {
          continue;
        }
        ExecRequest request = new ExecRequest(command.command(), "", commandTime,
            MAX_COMMAND_OUTPUT_BYTES);
        boolean running = "running".equals(instance.state());
        parts.add(new SupportPart(name, "the output of " + String.join(" ", command.command())
            + " in " + instance.container() + " (the spec's support command)", () -> {
              if (!running) {
                throw new SupportPart.Missing("not run: " + instance.container() + " is "
                    + instance.state() + ", and a support command runs only in a running"
                    + " container");
              }
              return commandContent(engine.exec(id, request));
            }));
      }
    }
    return parts;
  }

  private static SupportContent fileContent(ContainerFile file) {
    String text = new String(file.content(), StandardCharsets.UTF_8);
    return new SupportContent.Text(file.cut() ? text + "\n[tugboat: cut here, at "
        + file.content().length + " of the file's " + file.size() + " bytes]\n" : text);
  }

  private static SupportContent commandContent(ExecResult result) {
    StringBuilder text = new StringBuilder(result.output());
    if (result.truncated()) {
      text.append("\n[tugboat: output cut at ").append(MAX_COMMAND_OUTPUT_BYTES)
          .append(" bytes]\n");
    }
    if (!result.succeeded()) {
      text.append("\n[tugboat: the command exited with code ").append(result.exitCode())
          .append("]\n");
    }
    return new SupportContent.Text(text.toString());
  }

  /**
   * A path the spec gives, as a relative path of the bundle: no leading slash, no {@code ..} or
   * {@code .} steps (they could climb out of the instance's directory when unpacked), and only
   * characters safe in a file name.
   */
  static String inBundle(String path) {
    List<String> steps = new ArrayList<>();
    for (String step : path.split("/")) {
      if (!step.isEmpty() && !step.equals(".") && !step.equals("..")) {
        steps.add(step.replaceAll("[^A-Za-z0-9._-]", "_"));
      }
    }
    return steps.isEmpty() ? "_" : String.join("/", steps);
  }
}
