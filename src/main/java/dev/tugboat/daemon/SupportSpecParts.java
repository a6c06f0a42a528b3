package dev.tugboat.daemon;

import dev.tugboat.events.ContainerKey;
import dev.tugboat.orchestrator.ContainerKeys;
import dev.tugboat.orchestrator.RunStatus;
import dev.tugboat.runtime.ContainerFile;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.EngineDiagnostics;
import dev.tugboat.runtime.ExecRequest;
import dev.tugboat.runtime.ExecResult;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.ContainerRef;
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
import java.util.function.Function;

/**
 * The support bundle's files the vendor's spec asks for: each container's {@code support_files}
 * (read out of the container, running or stopped) and {@code support_commands} (run in it while it
 * runs), and the top-level {@code support} section's, for every instance of the container they
 * name. They go under that instance's directory, {@code files/} with the file's own path and
 * {@code commands/} with the name the spec gives, masked as every file of the bundle is.
 */
final class SupportSpecParts {

  /**
   * What one file or command output may hold: as much as a container's log tail, since the
   * daemon's heap holds what every part made until the bundle is written.
   */
  static final int MAX_FILE_BYTES = 1024 * 1024;
  static final int MAX_COMMAND_OUTPUT_BYTES = 1024 * 1024;
  private static final Duration COMMAND_MARGIN = Duration.ofSeconds(5);

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
    Duration commandTime = commandTime(spec.support().timeoutSeconds());
    ContainerKeys keys = new ContainerKeys(spec);
    for (RunStatus.ContainerStatus instance : run.containers()) {
      if (instance.containerId() == null || instance.containerId().isEmpty()) {
        continue;
      }
      Optional<ContainerSpec> container = specOf(keys, instance);
      if (container.isEmpty()) {
        continue;
      }
      ContainerSpec named = container.get();
      List<SupportFileSpec> files = entries(spec, named, named.supportFiles(),
          spec.support().files(), SupportFileSpec::source);
      List<SupportCommandSpec> commands = entries(spec, named, named.supportCommands(),
          spec.support().commands(), SupportCommandSpec::source);
      ContainerId id = ContainerId.of(instance.containerId());
      String dir = "containers/" + SupportEngineParts.directory(instance) + "/";
      // the container's own entry and the section's may name the same file
      Set<String> taken = new HashSet<>();
      for (SupportFileSpec file : files) {
        String name = dir + "files/" + filePath(file.filename());
        if (taken.add(name)) {
          parts.add(new SupportPart(name, "support file " + file.filename() + " of "
              + instance.container() + " (the spec's; at most " + MAX_FILE_BYTES + " bytes)",
              () -> fileContent(instance, id, file.filename())));
        }
      }
      for (SupportCommandSpec command : commands) {
        String name = unique(dir + "commands/" + fileName(command.filename()), taken);
        parts.add(new SupportPart(name, "the output of " + String.join(" ", command.command())
            + " in " + instance.container() + " (the spec's support command)",
            () -> commandContent(instance, id, command, commandTime)));
      }
    }
    return parts;
  }

  /**
   * The time a command gets: the section's timeout, within the bundle's deadline less a margin,
   * so the command's own timer ends it (and closes its stream) before the bundle gives up on it.
   */
  private Duration commandTime(int timeoutSeconds) {
    Duration most = limits.deadline().minus(COMMAND_MARGIN);
    if (most.compareTo(Duration.ofSeconds(1)) < 0) {
      most = Duration.ofSeconds(1);
    }
    Duration given = Duration.ofSeconds(timeoutSeconds);
    return timeoutSeconds > 0 && given.compareTo(most) < 0 ? given : most;
  }

  /** The spec of the container an instance is of: its key may name it by name, or an instance. */
  private static Optional<ContainerSpec> specOf(ContainerKeys keys, RunStatus.ContainerStatus
      instance) {
    try {
      return Optional.of(keys.spec(ContainerKey.parse(instance.container())));
    } catch (IllegalArgumentException notOfThisSpec) {
      return Optional.empty();
    }
  }

  /**
   * The container's own entries, then those of the section whose source names it (by image_name
   * or name).
   */
  private static <T> List<T> entries(AppSpec spec, ContainerSpec container, List<T> own,
      List<T> section, Function<T, Optional<ContainerRef>> source) {
    List<T> all = new ArrayList<>(own);
    section.stream()
        .filter(entry -> source.apply(entry).flatMap(spec::container)
            .filter(named -> named == container).isPresent())
        .forEach(all::add);
    return all;
  }

  private SupportContent fileContent(RunStatus.ContainerStatus instance, ContainerId id,
      String path) {
    ContainerFile file = engine.fileOf(id, path, MAX_FILE_BYTES);
    if (!file.cut()) {
      return new SupportContent.Text(new String(file.content(), StandardCharsets.UTF_8));
    }
    // A log the spec names may be large, and its end is what support reads: take the end where
    // the container runs, from a tool the image may have; the start otherwise.
    if ("running".equals(instance.state())) {
      try {
        ExecResult tail = engine.exec(id, new ExecRequest(List.of("tail", "-c",
            Integer.toString(MAX_FILE_BYTES), path), "", Duration.ofSeconds(10),
            MAX_FILE_BYTES));
        if (tail.succeeded()) {
          return new SupportContent.Excerpt("[tugboat: the last " + MAX_FILE_BYTES
              + " of the file's " + file.size() + " bytes]\n", tail.output(), "", true, false);
        }
      } catch (RuntimeException noTail) {
        // the start of the file, below, is better than nothing
      }
    }
    return new SupportContent.Excerpt("", new String(file.content(), StandardCharsets.UTF_8),
        "\n[tugboat: cut here, at " + file.content().length + " of the file's " + file.size()
            + " bytes]\n", false, true);
  }

  private SupportContent commandContent(RunStatus.ContainerStatus instance, ContainerId id,
      SupportCommandSpec command, Duration time) {
    if (!"running".equals(instance.state())) {
      throw new SupportPart.Missing("not run: " + instance.container() + " is "
          + instance.state() + ", and a support command runs only in a running container");
    }
    if (command.command().isEmpty() || command.command().get(0).isBlank()) {
      throw new SupportPart.Missing("the spec gives this support command no program");
    }
    ExecResult result = engine.exec(id, new ExecRequest(command.command(), "", time,
        MAX_COMMAND_OUTPUT_BYTES));
    StringBuilder after = new StringBuilder();
    if (result.truncated()) {
      after.append("\n[tugboat: output cut at ").append(MAX_COMMAND_OUTPUT_BYTES)
          .append(" bytes]\n");
    }
    if (!result.succeeded()) {
      after.append("\n[tugboat: the command exited with code ").append(result.exitCode())
          .append("]\n");
    }
    return new SupportContent.Excerpt("", result.output(), after.toString(), false,
        result.truncated());
  }

  /**
   * A file's path in the container as a path of the bundle: resolved ({@code /a/../b} is
   * {@code b}, and nothing climbs above the root), without the leading slash, each step made of
   * characters safe in a file name.
   */
  static String filePath(String path) {
    List<String> steps = new ArrayList<>();
    for (String step : path.split("/")) {
      if (step.equals("..")) {
        if (!steps.isEmpty()) {
          steps.remove(steps.size() - 1);
        }
      } else if (!step.isEmpty() && !step.equals(".")) {
        steps.add(step);
      }
    }
    return steps.isEmpty() ? "_" : steps.stream().map(SupportSpecParts::fileName)
        .collect(java.util.stream.Collectors.joining("/"));
  }

  /** A name the spec gives as one file name of the bundle: no directories, safe characters. */
  static String fileName(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "_");
    return safe.isEmpty() ? "_" : safe;
  }

  /** {@code name}, or {@code name-2}, {@code name-3}... when another part has it. */
  private static String unique(String name, Set<String> taken) {
    String candidate = name;
    for (int n = 2; !taken.add(candidate); n++) {
      candidate = name + "-" + n;
    }
    return candidate;
  }
}
