package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Container keys that change what Docker creates, from the built jar on the real engine: ports an
 * image EXPOSEs are published unless disable_publish_all_ports, and ContainerExposedPort is the
 * host port Docker chose; a component's logs reach its containers; volume options reach the
 * mounts. The image with an EXPOSE is made here from the busybox test image.
 */
class ContainerKeysIT {

  private static final String LOOP = "trap \\\"exit 0\\\" TERM; while true; do sleep 0.2; done";

  private final String app = TestSpecs.uniqueApp("it-keys");
  private final String volume = app + "-bin";
  private final String image = "tugboat-test/" + app;

  @BeforeEach
  void imageThatExposesAPort() throws Exception {
    String container = DockerCli.run("create", "tugboat-test/busybox:1", "true");
    DockerCli.run("commit", "--change", "EXPOSE 8080", container, image + ":1");
    DockerCli.run("rm", container);
  }

  @AfterEach
  void removeAppAndImage() throws Exception {
    DockerCli.removeApp(app, volume);
    DockerCli.run("rmi", image + ":1");
  }

  @Test
  void exposedPortIsPublishedAndContainerExposedPortIsTheHostPortDockerChose(@TempDir Path dir)
      throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path spec = write(dir, """
        replicated_api_version: 2.8.0
        name: %1$s
        components:
        - name: web
          logs: {max_size: 5m, max_files: "4"}
          containers:
          - source: public
            image_name: %2$s
            version: 1
            name: %1$s-web
            cmd: '["sh", "-c", "%3$s"]'
            stop_timeout: 2
            logs: {max_files: "2"}
            volumes:
            - {host_path: %4$s, container_path: "/data:z", options: [private]}
            publish_events:
            - name: web started
              trigger: container-start
              subscriptions:
              - {component: client, container: tugboat-test/busybox, action: start}
        - name: client
          containers:
          - source: public
            image_name: tugboat-test/busybox
            version: 1
            name: %1$s-client
            cmd: '["sh", "-c", "%3$s"]'
            stop_timeout: 2
            env_vars:
            - name: WEB_PORT
              value: '{{repl ContainerExposedPort "web" "%2$s" "8080"}}'
        - name: copy
          containers:
          - source: public
            image_name: tugboat-test/busybox
            version: 1
            name: %1$s-copy
            ephemeral: true
            cmd: '["/bin/ls", "-A", "/usr/bin"]'
            volumes:
            - {host_path: %5$s, container_path: /usr/bin, options: [nocopy]}
        """.formatted(app, image, LOOP, data, volume));

    try (TugboatProcess tugboat = TugboatProcess.start("run", spec.toString())) {
      tugboat.awaitLine(line -> line.contains("app started"), Duration.ofSeconds(120));

      String web = app + "-web";
      // `docker port` prints 0.0.0.0:PORT (and [::]:PORT where IPv6 is on): the IPv4 binding.
      String ipv4 = Stream.of(DockerCli.run("port", web, "8080/tcp").split("\n"))
          .filter(line -> line.startsWith("0.0.0.0:")).findFirst().orElseThrow();
      String hostPort = ipv4.substring("0.0.0.0:".length());
      assertThat(hostPort).matches("[1-9][0-9]*");
      assertThat(DockerCli.inspect(app + "-client", "{{range .Config.Env}}{{println .}}{{end}}"))
          .contains("WEB_PORT=" + hostPort);

      assertThat(DockerCli.inspect(web, "{{json .HostConfig.LogConfig}}"))
          .isEqualTo("{\"Type\":\"json-file\",\"Config\":{\"max-file\":\"2\",\"max-size\":\"5m\"}}");
      assertThat(DockerCli.inspect(web,
          "{{range .Mounts}}{{.Destination}} {{.Mode}} {{.Propagation}}{{end}}"))
          .isEqualTo("/data rw,z,private private");
      // A new volume is filled from the image unless nocopy: /usr/bin holds 100+ applets.
      assertThat(DockerCli.exitCode(app + "-copy")).isZero();
      assertThat(DockerCli.run("logs", app + "-copy")).isEmpty();

      tugboat.terminate();
      assertThat(tugboat.awaitExit(Duration.ofSeconds(60))).as(tugboat.stdout()).isZero();
    }
  }

  @Test
  void disablePublishAllPortsPublishesNothing(@TempDir Path dir) throws Exception {
    Path spec = write(dir, """
        replicated_api_version: 2.8.0
        name: %1$s
        components:
        - name: web
          containers:
          - source: public
            image_name: %2$s
            version: 1
            name: %1$s-web
            cmd: '["sh", "-c", "%3$s"]'
            stop_timeout: 2
            disable_publish_all_ports: true
        """.formatted(app, image, LOOP));

    try (TugboatProcess tugboat = TugboatProcess.start("run", spec.toString())) {
      tugboat.awaitLine(line -> line.contains("app started"), Duration.ofSeconds(120));

      assertThat(DockerCli.inspect(app + "-web", "{{json .NetworkSettings.Ports}}"))
          .isEqualTo("{\"8080/tcp\":null}");

      tugboat.terminate();
      assertThat(tugboat.awaitExit(Duration.ofSeconds(60))).as(tugboat.stdout()).isZero();
    }
  }

  private static Path write(Path dir, String text) throws Exception {
    Path spec = dir.resolve("keys.yml");
    Files.writeString(spec, text);
    return spec;
  }
}
