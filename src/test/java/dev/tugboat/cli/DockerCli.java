package dev.tugboat.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Docker's own view, through its command line, for end-to-end tests to check what Tugboat did. */
final class DockerCli {

  private DockerCli() {}

  static String run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(Arrays.asList(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("docker " + String.join(" ", args) + " failed: " + output);
    }
    return output.strip();
  }

  static String inspect(String container, String format) throws IOException, InterruptedException {
    return run("inspect", "--format", format, container);
  }

  static Instant startedAt(String container) throws IOException, InterruptedException {
    return Instant.parse(inspect(container, "{{.State.StartedAt}}"));
  }

  static Instant finishedAt(String container) throws IOException, InterruptedException {
    return Instant.parse(inspect(container, "{{.State.FinishedAt}}"));
  }

  static int exitCode(String container) throws IOException, InterruptedException {
    return Integer.parseInt(inspect(container, "{{.State.ExitCode}}"));
  }

  /** Names of the containers carrying {@code dev.tugboat.app=APP}, running or not. */
  static List<String> containersOf(String app) throws IOException, InterruptedException {
    String names = run("ps", "-a", "--filter", "label=dev.tugboat.app=" + app,
        "--format", "{{.Names}}");
    return names.isEmpty() ? List.of() : List.of(names.split("\n"));
  }

  /** The engine's time of the last output line containing {@code text}. */
  static Instant lastLineTime(String container, String text) throws IOException, InterruptedException {
    Instant found = null;
    for (String line : run("logs", "--timestamps", container).split("\n")) {
      if (line.contains(text)) {
        found = Instant.parse(line.substring(0, line.indexOf(' ')));
      }
    }
    if (found == null) {
      throw new AssertionError(container + " never wrote \"" + text + "\"");
    }
    return found;
  }

  /** Removes an app's containers and the named volumes given. */
  static void removeApp(String app, String... volumes) throws IOException, InterruptedException {
    for (String name : containersOf(app)) {
      run("rm", "-f", name);
    }
    for (String volume : volumes) {
      run("volume", "rm", "-f", volume);
    }
  }
}
