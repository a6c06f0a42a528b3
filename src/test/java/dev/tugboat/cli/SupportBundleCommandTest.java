package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.api.ApiLimits;
import dev.tugboat.api.ApiServer;
import dev.tugboat.api.AppRefusal;
import dev.tugboat.api.FakeApp;
import dev.tugboat.api.SupportBundle;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tugboat support-bundle} against a real API server serving a fake app. */
class SupportBundleCommandTest {

  @TempDir Path dir;
  private final FakeApp app = new FakeApp();
  private ApiServer server;
  private String config;

  @BeforeEach
  void serve() throws Exception {
    server = ApiServer.start(new InetSocketAddress("127.0.0.1", 0), app, "tok",
        ApiLimits.defaults(), 1);
    config = ClientConfig.forDaemonAt(dir, server.address().getPort());
  }

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void savesTheBundleWhereOutputSaysAndPrintsItsSize() throws Exception {
    byte[] bytes = new byte[5000];
    new java.util.Random(3).nextBytes(bytes);
    Path made = Files.write(dir.resolve("state/made.tar.gz"), bytes);
    app.supportBundle = CompletableFuture.completedFuture(
        new SupportBundle(made, "tugboat-support-demo-20261205-100000.tar.gz", bytes.length));
    Path target = dir.resolve("for-the-vendor.tar.gz");

    CliRun run = CliRun.of("support-bundle", "-o", target.toString(), "--config", config);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("wrote " + target + " (4.9 KiB, 5000 bytes)\n");
    assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
    }
  }

  @Test
  void aRefusalIsOneLineWithTheDaemonsReasonAndNoFile() throws Exception {
    app.supportBundle = CompletableFuture.failedFuture(new AppRefusal(AppRefusal.Reason.CONFLICT,
        "a support bundle is being made; ask again once it is done"));
    Path target = dir.resolve("bundle.tar.gz");

    CliRun run = CliRun.of("support-bundle", "-o", target.toString(), "--config", config);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("tugboat support-bundle: a support bundle is being made;"
        + " ask again once it is done\n");
    assertThat(target).doesNotExist();
  }
}
