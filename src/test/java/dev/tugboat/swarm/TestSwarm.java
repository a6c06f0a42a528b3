package dev.tugboat.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real three-node swarm of scripts/swarm/cluster.sh (this host's engine the manager, two
 * engines in containers the workers), for the tests of what runs on it. The first test class that
 * needs it brings it up; it stays up for the others of the same test run, and is taken down when
 * the run ends only if the run brought it up: a swarm that was there before is left as found.
 */
public final class TestSwarm {

  public static final String WORKER_1 = "tugboat-worker-1";
  public static final String WORKER_2 = "tugboat-worker-2";
  private static final Path CLUSTER = Path.of("scripts/swarm/cluster.sh").toAbsolutePath();
  private static final Object LOCK = new Object();
  /**
   * Whether this test run (one JVM) brought the swarm up, and so takes it down at its end: the
   * swarm is one machine-wide thing, held for the whole run rather than per test class.
   */
  private static boolean broughtUp;

  private TestSwarm() {}

  /** The swarm up, repaired where a worker went away; the first call decides who takes it down. */
  public static void up() throws IOException, InterruptedException {
    synchronized (LOCK) {
      boolean wasDown = !fullyUp();
      if (!wasDown) {
        return;
      }
      String output = cluster("up");
      assertThat(fullyUp()).as("cluster.sh up did not bring the 3-node swarm up:\n" + output)
          .isTrue();
      if (!broughtUp) {
        broughtUp = true;
        Runtime.getRuntime().addShutdownHook(new Thread(TestSwarm::downQuietly,
            "test-swarm-down"));
      }
    }
  }

  private static void downQuietly() {
    try {
      cluster("down");
    } catch (IOException | InterruptedException | AssertionError e) {
      System.err.println("the test swarm was left up: " + e);
    }
  }

  /** This engine a manager and both workers Ready. */
  public static boolean fullyUp() throws IOException, InterruptedException {
    Process info = new ProcessBuilder("docker", "info", "--format",
        "{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}").start();
    String state = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!info.waitFor(60, TimeUnit.SECONDS) || !state.equals("active true")) {
      return false;
    }
    String nodes = docker("node", "ls", "--format", "{{.Hostname}} {{.Status}}");
    return nodes.lines().filter(line -> line.equals(WORKER_1 + " Ready")
        || line.equals(WORKER_2 + " Ready")).count() == 2;
  }

  private static String cluster(String command) throws IOException, InterruptedException {
    return run(List.of(CLUSTER.toString(), command));
  }

  private static String docker(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(Arrays.asList(args));
    return run(command);
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
    }
    return output;
  }
}
