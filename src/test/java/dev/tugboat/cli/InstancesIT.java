package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cluster_instance_count: 3} on the real engine: three Docker containers of one spec
 * container, each seeded with its own container's node addresses before any started, and a
 * subscriber whose env lists every instance's address and the host port Docker chose for it.
 */
class InstancesIT {

  private final String app = TestSpecs.uniqueApp("it-instances");

  @AfterEach
  void removeContainers() throws Exception {
    DockerCli.removeApp(app);
  }

  @Test
  void threeInstancesRunAndTheSubscriberListsEachAddressAndPort(@TempDir Path dir)
      throws Exception {
    Path spec = TestSpecs.write(dir, "instances.yml", Map.of("APP", app));

    try (TugboatProcess tugboat = TugboatProcess.start("run", spec.toString())) {
      tugboat.awaitLine(line -> line.contains("app started"), Duration.ofSeconds(120));

      List<String> seeds = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      for (int n = 1; n <= 3; n++) {
        String name = "tugboat-" + app + "-ring-busybox-" + n;
        assertThat(DockerCli.inspect(name, "{{.State.Status}}")).isEqualTo("running");
        assertThat(DockerCli.inspect(name, "{{index .Config.Labels \"dev.tugboat.instance\"}}"))
            .isEqualTo(String.valueOf(n));
        seeds.add(env(name, "SEEDS"));
        String hostPort = DockerCli.inspect(name,
            "{{(index (index .NetworkSettings.Ports \"7000/tcp\") 0).HostPort}}");
        expected.add(hostPort);
      }
      assertThat(seeds).as(tugboat.stdout()).containsOnly(seeds.get(0));
      String[] addresses = seeds.get(0).split(",");
      assertThat(addresses).hasSize(3).containsOnly(addresses[0]);
      assertThat(expected).doesNotHaveDuplicates().allMatch(port -> !port.equals("0"));
      String client = "tugboat-" + app + "-client-busybox-1";
      assertThat(env(client, "RING")).isEqualTo(addresses[0] + ":" + expected.get(0) + ","
          + addresses[0] + ":" + expected.get(1) + "," + addresses[0] + ":" + expected.get(2));
      assertThat(tugboat.stdout()).contains("ring/tugboat-test/busybox#1")
          .contains("ring/tugboat-test/busybox#3");

      tugboat.terminate();
      assertThat(tugboat.awaitExit(Duration.ofSeconds(60))).as(tugboat.stdout()).isZero();
    }
    assertThat(DockerCli.containersOf(app)).hasSize(4);
  }

  private static String env(String container, String name) throws Exception {
    String all = DockerCli.inspect(container, "{{range .Config.Env}}{{println .}}{{end}}");
    return all.lines().filter(line -> line.startsWith(name + "="))
        .map(line -> line.substring(name.length() + 1)).findFirst().orElse("(no " + name + ")");
  }
}
