package dev.tugboat.orchestrator;

import static dev.tugboat.orchestrator.Plans.APP;
import static dev.tugboat.orchestrator.Plans.DB;
import static dev.tugboat.orchestrator.Plans.MIGRATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.InMemoryRuntime;
import dev.tugboat.runtime.ManualClock;
import dev.tugboat.runtime.PortMapping;
import dev.tugboat.runtime.Protocol;
import dev.tugboat.runtime.RegistryCredentials;
import dev.tugboat.runtime.RuntimeFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightTest {

  private final InMemoryRuntime runtime = new InMemoryRuntime(new ManualClock());

  private static PreflightNeeds needs(List<PreflightNeeds.PortNeed> ports) {
    return new PreflightNeeds("shop", List.of(
        new PreflightNeeds.ImageNeed("tugboat-demo/postgres:15", List.of(DB)),
        new PreflightNeeds.ImageNeed("tugboat-demo/app:1", List.of(MIGRATION, APP))), ports);
  }

  @Test
  void missingImageThatCannotBePulledStopsTheRunBeforeAnythingStarts() {
    runtime.removeImage("tugboat-demo/app:1");

    assertThatThrownBy(() -> new Preflight(runtime, port -> Optional.empty()).check(needs(List.of())))
        .isInstanceOf(PreflightException.class)
        .hasMessage("an image is missing; nothing was started:\n"
            + "  tugboat-demo/app:1 (for db-migration/pythonapp, python-app/pythonapp): is not on "
            + "this host and could not be pulled: load it with `docker load -i FILE` (FILE: the "
            + "image archive shipped with the application), or make its registry reachable");
    assertThat(runtime.history()).containsExactly("pull tugboat-demo/app:1");
  }

  @Test
  void aLogDriverTheEngineLacksStopsTheRunNamingTheOnesItHas() {
    PreflightNeeds needs = new PreflightNeeds("shop", List.of(), List.of(), List.of(
        new PreflightNeeds.LogDriverNeed("journald", List.of(DB)),
        new PreflightNeeds.LogDriverNeed("splunk", List.of(MIGRATION, APP))));

    assertThatThrownBy(() -> new Preflight(runtime, port -> Optional.empty()).check(needs))
        .isInstanceOf(PreflightException.class)
        .hasMessage("the engine lacks a log driver; nothing was started:\n"
            + "  splunk (log_config of db-migration/pythonapp, python-app/pythonapp): the engine"
            + " has json-file, local, journald, syslog and none; install the driver's plugin"
            + " (docker plugin install), or name one of these");
    assertThat(runtime.history()).noneMatch(h -> h.startsWith("create"));
  }

  @Test
  void anEngineThatListsNoLogDriversIsLeftToAnswerAtCreate() {
    runtime.setEngineResources(new dev.tugboat.runtime.EngineResources(2, 4L << 30, "24.0.7",
        "/var/lib/docker", List.of()));

    new Preflight(runtime, port -> Optional.empty()).check(new PreflightNeeds("shop", List.of(),
        List.of(), List.of(new PreflightNeeds.LogDriverNeed("journald", List.of(DB)))));
  }

  @Test
  void aPluginsDriverIsFoundWithOrWithoutItsTagAndNoneAlways() {
    runtime.setEngineResources(new dev.tugboat.runtime.EngineResources(2, 4L << 30, "24.0.7",
        "/var/lib/docker", List.of("json-file", "loki:latest", "vendor/shipper:2")));
    for (String driver : List.of("loki", "loki:latest", "vendor/shipper:2", "none")) {
      new Preflight(runtime, port -> Optional.empty()).check(new PreflightNeeds("shop",
          List.of(), List.of(), List.of(new PreflightNeeds.LogDriverNeed(driver, List.of(DB)))));
    }
    assertThatThrownBy(() -> new Preflight(runtime, port -> Optional.empty()).check(
        new PreflightNeeds("shop", List.of(), List.of(), List.of(
            new PreflightNeeds.LogDriverNeed("vendor/shipper", List.of(DB))))))
        .hasMessageContaining("vendor/shipper (log_config of db/postgres)");
  }

  @Test
  void imageThatIsHereIsNotPulled() {
    new Preflight(runtime, port -> Optional.empty()).check(needs(List.of()));

    assertThat(runtime.history()).noneMatch(h -> h.startsWith("pull"));
  }

  @Test
  void takenHostPortIsNamedWithItsHolder() {
    PreflightNeeds.PortNeed pg = new PreflightNeeds.PortNeed("", 5432, "tcp", DB);

    assertThatThrownBy(() -> new Preflight(runtime,
        port -> Optional.of("process postgres (pid 812)")).check(needs(List.of(pg))))
        .hasMessage("host port is already in use; nothing was started:\n"
            + "  5432/tcp (for db/postgres) is held by process postgres (pid 812): stop it, or set "
            + "another public_port");
  }

  @Test
  void aPortOnANamedInterfaceIsNamedWithIt() {
    PreflightNeeds.PortNeed web = new PreflightNeeds.PortNeed("", 8080, "tcp", APP, "eth1");

    assertThatThrownBy(() -> new Preflight(runtime,
        port -> Optional.of("container shop-old")).check(needs(List.of(web))))
        .hasMessageEndingWith("  8080/tcp on eth1 (for python-app/pythonapp) is held by container"
            + " shop-old: stop it, or set another public_port");
  }

  @Test
  void aRefusedPortCheckRemovesNothing() {
    runtime.create(ContainerConfig.builder("tugboat-demo/app:1").name("old-app")
        .labels(Map.of(InstanceLabels.APP, "shop", InstanceLabels.RUN, "run-0")).build());
    PreflightNeeds.PortNeed web = new PreflightNeeds.PortNeed("", 8080, "tcp", APP);

    assertThatThrownBy(() -> new Preflight(runtime, port -> Optional.of("process nginx (pid 4)"))
        .check(needs(List.of(web))))
        .hasMessageStartingWith("host port is already in use; nothing was started");
    assertThat(runtime.history()).containsExactly("create old-app");
  }

  @Test
  void aPassedCheckRemovesNothingEitherTheRunsStartDoes() {
    runtime.create(ContainerConfig.builder("tugboat-demo/app:1").name("old-app")
        .labels(Map.of(InstanceLabels.APP, "shop", InstanceLabels.RUN, "run-0")).build());

    new Preflight(runtime, port -> Optional.empty()).check(needs(List.of()));

    assertThat(runtime.history()).containsExactly("create old-app");
  }

  @Test
  void aPortTheAppsOwnEarlierContainerPublishesCountsAsFreeSinceTheStartRemovesIt() {
    ContainerId old = runtime.create(ContainerConfig.builder("tugboat-demo/app:1").name("old-app")
        .labels(Map.of(InstanceLabels.APP, "shop", InstanceLabels.RUN, "run-0"))
        .addPort(PortMapping.published(80, Protocol.TCP, 8080)).build());
    runtime.start(old);
    PreflightNeeds.PortNeed web = new PreflightNeeds.PortNeed("", 8080, "tcp", APP);
    PreflightNeeds.PortNeed pg = new PreflightNeeds.PortNeed("", 5432, "tcp", DB);

    assertThatThrownBy(() -> new Preflight(runtime, port -> Optional.of("container old-app"))
        .check(needs(List.of(web, pg))))
        .hasMessage("host port is already in use; nothing was started:\n"
            + "  5432/tcp (for db/postgres) is held by container old-app: stop it, or set "
            + "another public_port");
    assertThat(runtime.history()).noneMatch(h -> h.startsWith("remove"));
  }

  @Test
  void aRefusedRegistryLoginStopsTheRunBeforeAnythingIsCreatedOrRemoved(@TempDir Path dir)
      throws Exception {
    String image = "localhost:5000/vendor/app:1";
    runtime.addRegistryImage(image, new RegistryCredentials("localhost:5000", "customer", "right"));
    runtime.create(ContainerConfig.builder("tugboat-demo/app:1").name("old-app")
        .labels(Map.of(InstanceLabels.APP, "shop", InstanceLabels.RUN, "run-0")).build());
    ImageRegistries registries = new ImageRegistries(Map.of("replicated", new ImageRegistry(
        "replicated", "localhost:5000/vendor", Optional.of("customer"),
        Optional.of(Files.writeString(dir.resolve("pw"), "wrong")),
        Optional.of(Path.of("/etc/tugboat/tugboat.yml")))));
    PreflightNeeds needs = new PreflightNeeds("shop",
        List.of(new PreflightNeeds.ImageNeed(image, List.of(APP), "replicated")), List.of());

    assertThatThrownBy(() -> new Preflight(runtime, port -> Optional.empty(), registries, () -> { })
        .check(needs))
        .isInstanceOf(PreflightException.class)
        .hasMessageStartingWith("an image is missing; nothing was started:\n  " + image
            + " (for python-app/pythonapp): registry replicated (localhost:5000/vendor) refused"
            + " user \"customer\"")
        .hasMessageEndingWith("check `user` and `password_file` of registries.replicated in"
            + " /etc/tugboat/tugboat.yml")
        .hasMessageNotContaining("wrong");
    assertThat(runtime.history()).containsExactly("create old-app",
        "pull " + image + " as customer@localhost:5000");
  }

  @Test
  void unreachableEngineIsReportedAsSuch() {
    runtime.stopEngine();

    assertThatThrownBy(() -> new Preflight(runtime, port -> Optional.empty()).check(needs(List.of())))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageStartingWith("cannot reach Docker at memory://: connection refused");
  }
}
