package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The real three-node swarm of scripts/swarm/cluster.sh (this host's engine the manager, two
 * engines in containers the workers), for the tests of what runs on it. A test class brings it up
 * before its tests and leaves it as it found it: taken down only if it brought it up.
 */
final class TestSwarm {

  static final String WORKER_1 = "tugboat-worker-1";
  static final String WORKER_2 = "tugboat-worker-2";
  private static final Path CLUSTER = Path.of("scripts/swarm/cluster.sh").toAbsolutePath();

  private TestSwarm() {}

  /** Brings the swarm up (or repairs it); whether it was not fully up before. */
  static boolean up() throws IOException, InterruptedException {
    boolean wasDown = !fullyUp();
    String output = cluster("up");
    assertThat(fullyUp()).as("cluster.sh up did not bring the 3-node swarm up:\n" + output)
        .isTrue();
    return wasDown;
  }

  /** Takes it down if {@code broughtUp}. */
  static void asFound(boolean broughtUp) throws IOException, InterruptedException {
    if (broughtUp) {
      cluster("down");
    }
  }

  /** This engine a manager and both workers Ready. */
  static boolean fullyUp() throws IOException, InterruptedException {
    Process info = new ProcessBuilder("docker", "info", "--format",
        "{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}").start();
    String state = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!info.waitFor(60, TimeUnit.SECONDS) || !state.equals("active true")) {
      return false;
    }
    String nodes = DockerCli.run("node", "ls", "--format", "{{.Hostname}} {{.Status}}");
    return nodes.lines().filter(line -> line.equals(WORKER_1 + " Ready")
        || line.equals(WORKER_2 + " Ready")).count() == 2;
  }

  static String cluster(String command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(CLUSTER.toString(), command).redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new AssertionError("scripts/swarm/cluster.sh " + command + " failed:\n" + output);
    }
    return output;
  }
}
