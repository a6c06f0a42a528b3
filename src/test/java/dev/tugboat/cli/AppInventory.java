package dev.tugboat.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The engine's view of one app, as the chaos tests judge it: its labelled containers, the rows
 * its migration wrote into the database, and whatever was left that should not be.
 */
final class AppInventory {

  /** A container of the app, as {@code docker inspect} tells it. */
  record Instance(String id, String name, String state, int exitCode, String startedAt,
      String run, String component, String container) {

    String key() {
      return component + "/" + container;
    }

    @Override
    public String toString() {
      return name + " " + id.substring(0, 12) + " run=" + run + " " + state
          + (state.equals("exited") ? "(" + exitCode + ")" : "") + " started " + startedAt;
    }
  }

  private static final String FORMAT = "{{.Id}}|{{.Name}}|{{.State.Status}}|{{.State.ExitCode}}|"
      + "{{.State.StartedAt}}|{{index .Config.Labels \"dev.tugboat.run\"}}|"
      + "{{index .Config.Labels \"dev.tugboat.component\"}}|"
      + "{{index .Config.Labels \"dev.tugboat.container\"}}";

  private final String app;

  AppInventory(String app) {
    this.app = app;
  }

  List<Instance> instances() throws IOException, InterruptedException {
    String ids = DockerCli.run("ps", "-aq", "--no-trunc", "--filter", "label=dev.tugboat.app=" + app);
    if (ids.isEmpty()) {
      return List.of();
    }
    List<String> command = new ArrayList<>(List.of("inspect", "--format", FORMAT));
    command.addAll(List.of(ids.split("\n")));
    List<Instance> instances = new ArrayList<>();
    for (String line : DockerCli.run(command.toArray(String[]::new)).split("\n")) {
      String[] f = line.split("\\|", -1);
      instances.add(new Instance(f[0], f[1].substring(1), f[2], Integer.parseInt(f[3]), f[4], f[5],
          f[6], f[7]));
    }
    return List.copyOf(instances);
  }

  Optional<Instance> running(String run, String component) throws IOException, InterruptedException {
    return instances().stream().filter(i -> i.run().equals(run) && i.component().equals(component)
        && i.state().equals("running")).findFirst();
  }

  /** PostgreSQL of the run takes TCP connections on its own address, as port-listen checks. */
  boolean databaseAccepts(String run) throws IOException, InterruptedException {
    Optional<Instance> db = running(run, "db");
    if (db.isEmpty()) {
      return false;
    }
    String address = DockerCli.inspect(db.get().id(),
        "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}");
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, 5432), 200);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  /** Rows of {@code migration_runs}: the migration writes one per execution. */
  int migrationRuns(String run) throws IOException, InterruptedException {
    Optional<Instance> running = running(run, "db");
    if (running.isEmpty()) {
      throw new AssertionError("no running PostgreSQL in run " + run + ":" + describe());
    }
    Instance db = running.get();
    return Integer.parseInt(DockerCli.run("exec", db.id(), "psql", "-U", "demo", "-d", "demo",
        "-tAc", "SELECT count(*) FROM migration_runs"));
  }

  /**
   * What must not exist once {@code run} is up: a second instance of one container, an instance
   * of another run, a container named like ours without a run label.
   */
  List<String> orphans(String run) throws IOException, InterruptedException {
    List<String> found = new ArrayList<>();
    List<Instance> all = instances();
    all.stream().filter(i -> !i.run().equals(run))
        .forEach(i -> found.add("instance of another run: " + i));
    Map<String, List<Instance>> byKey = all.stream().filter(i -> i.run().equals(run))
        .collect(Collectors.groupingBy(Instance::key));
    byKey.forEach((key, instances) -> {
      if (instances.size() > 1) {
        found.add(instances.size() + " instances of " + key + ": " + instances);
      }
    });
    String named = DockerCli.run("ps", "-a", "--filter", "name=tugboat-" + app + "-",
        "--format", "{{.Names}}|{{.Label \"dev.tugboat.run\"}}");
    for (String line : named.isEmpty() ? new String[0] : named.split("\n")) {
      if (line.endsWith("|")) {
        found.add("container without a run label: " + line.substring(0, line.length() - 1));
      }
    }
    return found;
  }

  /** Every container of the app, one per line, for a failure report. */
  String describe() throws IOException, InterruptedException {
    return instances().stream().map(Instance::toString).collect(Collectors.joining("\n  ", "\n  ", ""));
  }
}
