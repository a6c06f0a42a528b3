package dev.tugboat.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Link;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Ulimit;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.api.model.VolumesFrom;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.HostBinding;
import dev.tugboat.runtime.HostInterfaces;
import dev.tugboat.runtime.HostPathAccess;
import dev.tugboat.runtime.ContainerLogging;
import dev.tugboat.runtime.Mount;
import dev.tugboat.runtime.PortMapping;
import dev.tugboat.runtime.Propagation;
import dev.tugboat.runtime.Protocol;
import dev.tugboat.runtime.Relabel;
import dev.tugboat.runtime.RuntimeFailure;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DockerContainerConfigMapperTest {
  private final HostInterfaces interfaces =
      name -> name.equals("eth1") ? Optional.of("10.0.0.5") : Optional.empty();
  private final DockerContainerConfigMapper mapper = new DockerContainerConfigMapper(interfaces);

  /** A create command that is only built, never sent. */
  private CreateContainerCmdImpl map(ContainerConfig config) {
    CreateContainerCmd.Exec neverSent = command -> {
      throw new AssertionError("the mapper must not execute the command");
    };
    return (CreateContainerCmdImpl) mapper.apply(config, new CreateContainerCmdImpl(neverSent, null, "placeholder"));
  }

  @Test
  void everyProcessFieldReachesTheCreateCommand() {
    CreateContainerCmdImpl cmd = map(ContainerConfig.builder("vendor/app:1.2").name("app")
        .label("dev.tugboat.run", "r1").cmd("python", "manage.py").entrypoint(List.of("/init"))
        .env("B", "2").env("A", "1").hostname("apphost").user("1000:1000")
        .stopTimeout(Duration.ofSeconds(30)).allocateTty(true)
        .networkAliases(List.of("api")).ipv4Address("172.30.0.9").ipv6Address("fd00::9")
        .build());

    assertThat(cmd.getImage()).isEqualTo("vendor/app:1.2");
    assertThat(cmd.getName()).isEqualTo("app");
    assertThat(cmd.getLabels()).isEqualTo(Map.of("dev.tugboat.run", "r1"));
    assertThat(cmd.getCmd()).containsExactly("python", "manage.py");
    assertThat(cmd.getEntrypoint()).containsExactly("/init");
    assertThat(cmd.getEnv()).containsExactly("A=1", "B=2");
    assertThat(cmd.getHostName()).isEqualTo("apphost");
    assertThat(cmd.getUser()).isEqualTo("1000:1000");
    assertThat(cmd.getStopTimeout()).isEqualTo(30);
    assertThat(cmd.isTty()).isTrue();
    assertThat(cmd.getAliases()).containsExactly("api");
    assertThat(cmd.getIpv4Address()).isEqualTo("172.30.0.9");
    assertThat(cmd.getIpv6Address()).isEqualTo("fd00::9");
  }

  @Test
  void unsetFieldsLeaveTheEngineDefaults() {
    CreateContainerCmdImpl cmd = map(ContainerConfig.builder("busybox:1").build());
    HostConfig host = cmd.getHostConfig();
    assertThat(cmd.getName()).isNull();
    assertThat(cmd.getCmd()).isNull();
    assertThat(cmd.getEntrypoint()).isNull();
    assertThat(cmd.getHostName()).isNull();
    assertThat(cmd.getUser()).isNull();
    assertThat(cmd.getStopTimeout()).isNull();
    assertThat(host.getNetworkMode()).isNull();
    assertThat(host.getMemory()).isNull();
    assertThat(host.getMemorySwap()).isNull();
    assertThat(host.getCpuShares()).isNull();
    assertThat(host.getShmSize()).isNull();
    assertThat(host.getLogConfig()).isEqualTo(new LogConfig());
    assertThat(host.getPidMode()).isNull();
    assertThat(host.getRestartPolicy())
        .isEqualTo(com.github.dockerjava.api.model.RestartPolicy.noRestart());
  }

  @Test
  void everyPortIsExposedAndPublishedOnesAreBoundAsAsked() {
    CreateContainerCmdImpl cmd = map(ContainerConfig.builder("busybox:1")
        .addPort(PortMapping.published(5432, Protocol.TCP, 15432))
        .addPort(new PortMapping(80, Protocol.TCP, Optional.of(HostBinding.onAddress("127.0.0.1", 0))))
        .addPort(new PortMapping(53, Protocol.UDP, Optional.of(HostBinding.onInterface("eth1", 5353))))
        .addPort(PortMapping.exposed(9000, Protocol.TCP))
        .build());

    assertThat(cmd.getExposedPorts()).containsExactly(
        ExposedPort.tcp(5432), ExposedPort.tcp(80), ExposedPort.udp(53), ExposedPort.tcp(9000));
    Map<ExposedPort, Ports.Binding[]> bindings = cmd.getHostConfig().getPortBindings().getBindings();
    assertThat(bindings).containsOnlyKeys(ExposedPort.tcp(5432), ExposedPort.tcp(80), ExposedPort.udp(53));
    assertThat(bindings.get(ExposedPort.tcp(5432))).containsExactly(new Ports.Binding(null, "15432"));
    assertThat(bindings.get(ExposedPort.tcp(80))).containsExactly(new Ports.Binding("127.0.0.1", null));
    assertThat(bindings.get(ExposedPort.udp(53))).containsExactly(new Ports.Binding("10.0.0.5", "5353"));
  }

  @Test
  void anInterfaceWithoutAddressIsRefusedNamingIt() {
    ContainerConfig config = ContainerConfig.builder("busybox:1").name("web")
        .addPort(new PortMapping(80, Protocol.TCP, Optional.of(HostBinding.onInterface("wlan9", 80))))
        .build();
    assertThatThrownBy(() -> map(config))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessage("cannot create web: host interface \"wlan9\" does not exist or has no IPv4"
            + " address: name an interface of this host (see `ip -4 addr`)");
  }

  @Test
  void mountsVolumesFromAndLinksMapToBinds() {
    HostConfig host = map(ContainerConfig.builder("busybox:1")
        .addMount(new Mount.Bind("/srv/app", "/app", true))
        .addMount(new Mount.Volume("pgdata", "/var/lib/postgresql", false))
        .volumesFrom(List.of("data-holder")).links(List.of("db:database")).build())
        .getHostConfig();

    assertThat(host.getBinds()).containsExactly(
        new Bind("/srv/app", new Volume("/app"), AccessMode.ro),
        new Bind("pgdata", new Volume("/var/lib/postgresql"), AccessMode.rw));
    assertThat(host.getBinds()[0].toString()).isEqualTo("/srv/app:/app:ro");
    assertThat(host.getVolumesFrom()).containsExactly(new VolumesFrom("data-holder"));
    assertThat(host.getLinks()).containsExactly(new Link("db", "database"));
  }

  @Test
  void relabelNocopyAndPropagationReachTheBindStrings() {
    HostConfig host = map(ContainerConfig.builder("busybox:1")
        .addMount(new Mount.Bind("/srv/app", "/app", true, HostPathAccess.NONE, Relabel.SHARED,
            Propagation.RSLAVE))
        .addMount(new Mount.Bind("/srv/own", "/own", false, HostPathAccess.NONE, Relabel.PRIVATE,
            Propagation.DEFAULT))
        .addMount(new Mount.Volume("pgdata", "/var/lib/postgresql", false, Relabel.NONE, true))
        .addMount(new Mount.Volume("cache", "/cache", false, Relabel.SHARED, false))
        .build()).getHostConfig();

    // The engine reads these strings as `docker run -v` does.
    assertThat(Arrays.stream(host.getBinds()).map(Bind::toString)).containsExactly(
        "/srv/app:/app:ro,z,rslave", "/srv/own:/own:rw,Z", "pgdata:/var/lib/postgresql:rw,nocopy",
        "cache:/cache:rw,z");
  }

  @Test
  void allPortsArePublishedWhenAskedUnlessTheNetworkIsAnotherContainers() {
    assertThat(map(ContainerConfig.builder("busybox:1").build()).getHostConfig()
        .getPublishAllPorts()).isFalse();
    assertThat(map(ContainerConfig.builder("busybox:1").publishAllPorts(true).build())
        .getHostConfig().getPublishAllPorts()).isTrue();
    // The engine refuses -P with container:NAME networking and ignores it with host networking.
    assertThat(map(ContainerConfig.builder("busybox:1").publishAllPorts(true)
        .networkMode("container:db").build()).getHostConfig().getPublishAllPorts()).isFalse();
    assertThat(map(ContainerConfig.builder("busybox:1").publishAllPorts(true)
        .networkMode("host").build()).getHostConfig().getPublishAllPorts()).isFalse();
  }

  @Test
  void securityResourceAndLoggingFieldsReachTheHostConfig() {
    HostConfig host = map(ContainerConfig.builder("busybox:1")
        .privileged(true).networkMode("host").pidMode("host").cpuShares(512)
        .memoryBytes(256L << 20).memorySwapBytes(-1).shmSizeBytes(64L << 20)
        .addUlimit(new dev.tugboat.runtime.Ulimit("nofile", 1024, 4096))
        .capAdd(List.of("NET_ADMIN", "cap_sys_time")).securityOpts(List.of("no-new-privileges"))
        .extraHosts(List.of("db.internal:10.1.2.3")).readonlyRootfs(true).oomKillDisable(true)
        .logging(new ContainerLogging("json-file", Map.of("max-size", "10m", "max-file", "3")))
        .build()).getHostConfig();

    assertThat(host.getPrivileged()).isTrue();
    assertThat(host.getNetworkMode()).isEqualTo("host");
    assertThat(host.getPidMode()).isEqualTo("host");
    assertThat(host.getCpuShares()).isEqualTo(512);
    assertThat(host.getMemory()).isEqualTo(256L << 20);
    assertThat(host.getMemorySwap()).isEqualTo(-1L);
    assertThat(host.getShmSize()).isEqualTo(64L << 20);
    assertThat(host.getUlimits()).containsExactly(new Ulimit("nofile", 1024L, 4096L));
    assertThat(host.getCapAdd()).containsExactly(Capability.NET_ADMIN, Capability.SYS_TIME);
    assertThat(host.getSecurityOpts()).containsExactly("no-new-privileges");
    assertThat(host.getExtraHosts()).containsExactly("db.internal:10.1.2.3");
    assertThat(host.getReadonlyRootfs()).isTrue();
    assertThat(host.getOomKillDisable()).isTrue();
    assertThat(host.getLogConfig().getType().getType()).isEqualTo("json-file");
    assertThat(host.getLogConfig().getConfig())
        .containsExactlyInAnyOrderEntriesOf(Map.of("max-size", "10m", "max-file", "3"));
  }

  /**
   * The engine gets the driver as the spec names it, in docker-java's enum of drivers or not: a
   * built-in one the enum lacks (logentries) and a plugin's.
   */
  @Test
  void theLogDriverIsSentAsNamedWithItsOptions() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json = com.github.dockerjava.core
        .DefaultDockerClientConfig.createDefaultConfigBuilder().build().getObjectMapper();
    for (String driver : List.of("journald", "logentries", "grafana/loki-docker-driver:2.9.2")) {
      HostConfig host = map(ContainerConfig.builder("busybox:1")
          .logging(new ContainerLogging(driver, Map.of("tag", "shop"))).build()).getHostConfig();

      com.fasterxml.jackson.databind.JsonNode sent = json.readTree(json.writeValueAsString(host))
          .get("LogConfig");
      assertThat(sent.get("Type").asText()).as(driver).isEqualTo(driver);
      assertThat(sent.get("Config").get("tag").asText()).isEqualTo("shop");
    }
  }

  @Test
  void theEngineNeverRestartsAContainerTugboatDoes() {
    HostConfig host = map(ContainerConfig.builder("busybox:1").build()).getHostConfig();
    assertThat(host.getRestartPolicy())
        .isEqualTo(com.github.dockerjava.api.model.RestartPolicy.noRestart());
  }

  @Test
  void anUnknownCapabilityIsRefusedNamingIt() {
    ContainerConfig config = ContainerConfig.builder("busybox:1").name("app")
        .capAdd(List.of("FLY")).build();
    assertThatThrownBy(() -> map(config))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessage("cannot create app: unknown capability \"FLY\" in cap_add: use a Linux"
            + " capability name such as NET_ADMIN (see capabilities(7))");
  }
}
