package dev.tugboat.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.config.HostAddresses;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.HostDirectory;
import dev.tugboat.runtime.HostPathAccess;
import dev.tugboat.runtime.ContainerLogging;
import dev.tugboat.runtime.ManualClock;
import dev.tugboat.runtime.Mount;
import dev.tugboat.runtime.Propagation;
import dev.tugboat.runtime.Relabel;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.SpecLoader;
import dev.tugboat.trigger.TcpConnector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Container keys that change what Docker creates, from a loaded spec to the runtime's config:
 * publish-all-ports, logs inherited from the component, volume options.
 */
class ContainerKeysMappingTest {

  private final ManualClock clock = new ManualClock();

  @Test
  void everyContainerPublishesAllPortsAsReplicatedDidUnlessItDisablesIt() throws Exception {
    String spec = app("""
        - name: web
          containers:
          - {source: public, image_name: shop, version: "1"}
          - {source: public, image_name: worker, version: "1", disable_publish_all_ports: true}
        """);

    assertThat(prepare(spec, "web/shop").publishAllPorts()).isTrue();
    assertThat(prepare(spec, "web/worker").publishAllPorts()).isFalse();
  }

  @Test
  void aContainerInheritsItsComponentsLogsAndItsOwnKeysWin() throws Exception {
    String spec = app("""
        - name: web
          logs: {max_size: '{{repl ConfigOption "log_size"}}', max_files: "5"}
          containers:
          - {source: public, image_name: shop, version: "1"}
          - source: public
            image_name: worker
            version: "1"
            logs: {max_files: "2"}
          - source: public
            image_name: admin
            version: "1"
            logs: {max_size: 1m, max_files: "1"}
        - name: db
          containers:
          - {source: public, image_name: postgres, version: "15"}
        """);

    assertThat(prepare(spec, "web/shop").logging()).isEqualTo(jsonFile("20m", "5"));
    assertThat(prepare(spec, "web/worker").logging()).isEqualTo(jsonFile("20m", "2"));
    assertThat(prepare(spec, "web/admin").logging()).isEqualTo(jsonFile("1m", "1"));
    assertThat(prepare(spec, "db/postgres").logging()).isEqualTo(ContainerLogging.engineDefault());
  }

  @Test
  void aComponentsLogConfigNamesTheDriverOfAllItsContainersWithItsOptionsRendered()
      throws Exception {
    String spec = app("""
        - name: web
          log_config:
            type: journald
            config: {tag: 'shop-{{repl ConfigOption "label"}}', labels: app}
          logs: {max_size: 10m}
          containers:
          - {source: public, image_name: shop, version: "1"}
          - {source: public, image_name: worker, version: "1", logs: {max_files: "4"}}
        """);

    ContainerLogging journald = new ContainerLogging("journald",
        Map.of("tag", "shop-Z", "labels", "app"));
    assertThat(prepare(spec, "web/shop").logging()).isEqualTo(journald);
    assertThat(prepare(spec, "web/worker").logging()).isEqualTo(journald);
  }

  @Test
  void rotationJoinsADriverThatTakesItAndTheDriversOwnOptionsWin() throws Exception {
    String spec = app("""
        - name: web
          log_config:
            type: local
            config: {max-size: 50m, compress: "false"}
          logs: {max_size: 10m, max_files: "3"}
          containers:
          - {source: public, image_name: shop, version: "1"}
        """);

    assertThat(prepare(spec, "web/shop").logging()).isEqualTo(new ContainerLogging("local",
        Map.of("max-size", "50m", "max-file", "3", "compress", "false")));
  }

  @Test
  void aLogDriverThatRendersEmptyIsRefusedWithItsField() {
    String spec = app("""
        - name: web
          log_config: {type: '{{repl if eq (ConfigOption "label") "Y"}}journald{{repl end}}'}
          containers:
          - {source: public, image_name: shop, version: "1"}
        """);

    assertThatThrownBy(() -> prepare(spec, "web/shop"))
        .isInstanceOf(Launcher.LaunchException.class)
        .hasMessageContaining("components[0].log_config.type")
        .hasMessageContaining("renders empty");
  }

  @Test
  void eachContainerOfAComponentMakesItsHostVolumesWithTheirModeAndOwner() throws Exception {
    String spec = app("""
        - name: web
          host_volumes:
          - {host_path: '/srv/{{repl ConfigOption "label"}}', permission: "0750", owner: "999:999"}
          - {host_path: /srv/cache}
          containers:
          - {source: public, image_name: shop, version: "1"}
          - {source: public, image_name: worker, version: "1"}
        - name: db
          containers:
          - {source: public, image_name: postgres, version: "15"}
        """);

    List<HostDirectory> expected = List.of(
        new HostDirectory("/srv/Z", HostPathAccess.parse("0750", "999:999")),
        new HostDirectory("/srv/cache", HostPathAccess.NONE));
    assertThat(prepare(spec, "web/shop").hostDirectories()).isEqualTo(expected);
    assertThat(prepare(spec, "web/worker").hostDirectories()).isEqualTo(expected);
    assertThat(prepare(spec, "db/postgres").hostDirectories()).isEmpty();
  }

  @Test
  void aHostVolumeThatRendersToARelativePathIsRefusedWithItsField() {
    String spec = app("""
        - name: web
          host_volumes:
          - {host_path: '{{repl ConfigOption "label"}}'}
          containers:
          - {source: public, image_name: shop, version: "1"}
        """);

    assertThatThrownBy(() -> prepare(spec, "web/shop"))
        .isInstanceOf(Launcher.LaunchException.class)
        .hasMessage("components[0].host_volumes[0].host_path: renders to \"Z\", which is not an"
            + " absolute host directory");
  }

  private static ContainerLogging jsonFile(String maxSize, String maxFiles) {
    return new ContainerLogging("json-file", Map.of("max-size", maxSize, "max-file", maxFiles));
  }

  @Test
  void volumeOptionsReachTheMounts() throws Exception {
    String spec = app("""
        - name: web
          containers:
          - source: public
            image_name: shop
            version: "1"
            volumes:
            - {host_path: /srv/shop, container_path: "/data:ro,z", options: [rslave]}
            - {host_path: /srv/own, container_path: /own, options: ['{{repl ConfigOption "label"}}']}
            - {host_path: shop-cache, container_path: /cache, options: [nocopy, z, cached]}
        """);

    assertThat(prepare(spec, "web/shop").mounts()).containsExactly(
        new Mount.Bind("/srv/shop", "/data", true, HostPathAccess.NONE, Relabel.SHARED,
            Propagation.RSLAVE),
        new Mount.Bind("/srv/own", "/own", false, HostPathAccess.NONE, Relabel.PRIVATE,
            Propagation.DEFAULT),
        new Mount.Volume("shop-cache", "/cache", false, Relabel.SHARED, true));
  }

  @Test
  void aRenderedOptionDockerRefusesFailsTheLaunchNamingTheField() throws Exception {
    String spec = app("""
        - name: web
          containers:
          - source: public
            image_name: shop
            version: "1"
            volumes:
            - {host_path: /srv/shop, container_path: /data, options: ['{{repl ConfigOption "copy"}}']}
        """);

    assertThatThrownBy(() -> prepare(spec, "web/shop"))
        .isInstanceOf(Launcher.LaunchException.class)
        .hasMessage("components[0].containers[0].volumes[0].options: nocopy applies to named"
            + " volumes only; Docker never copies into a host path");
  }

  @Test
  void aConfigFileFromGitHubIsNeverWrittenEmpty() throws Exception {
    String spec = app("""
        - name: web
          containers:
          - source: public
            image_name: shop
            version: "1"
            config_files:
            - {filename: /etc/shop.conf, source: github, owner: vendor, repo: conf, path: shop.conf}
        """);

    assertThatThrownBy(() -> prepare(spec, "web/shop"))
        .isInstanceOf(Launcher.LaunchException.class)
        .hasMessage("components[0].containers[0].config_files[0]: config file /etc/shop.conf is"
            + " taken from vendor/conf shop.conf, which Tugboat does not fetch; put its text in"
            + " contents");
  }

  private static String app(String components) {
    return "replicated_api_version: 2.8.0\nname: Shop\ncomponents:\n" + components;
  }

  private ContainerConfig prepare(String yaml, String container) throws Exception {
    AppSpec spec = new SpecLoader().load(yaml, "shop.yml").spec();
    HostAddresses host = new HostAddresses("10.0.0.5", "203.0.113.9", "172.17.0.1", Map.of());
    SpecInputs in = new SpecInputs(spec, SpecTemplates.standard(), new ConfigMapEnvironment(
        Map.of("log_size", "20m", "label", "Z", "copy", "nocopy"), host), host, Map.of(),
        "abc123", clock);
    ContainerKeys keys = new ContainerKeys(spec);
    SpecLauncher launcher = new SpecLauncher(in, keys, SpecPlans.plan(in, keys),
        TcpConnector.sockets());
    return launcher.prepare(ContainerKey.parse(container),
        RunState.nothingStarted(keys.keys(), clock.instant())).config();
  }
}
