package dev.tugboat.daemon;

import static dev.tugboat.daemon.ControllerUnderTest.textStarting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.api.ApiEvent;
import dev.tugboat.runtime.InMemoryRuntime;
import dev.tugboat.runtime.ManualClock;
import dev.tugboat.runtime.RuntimeFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretHistoryTest {

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();
  private final List<String> warnings = new ArrayList<>();

  @Test
  void aPasswordReplacedSinceIsStillMaskedInTheEventsReadBackAfterARestart() throws Exception {
    InMemoryRuntime runtime = new InMemoryRuntime(clock);
    runtime.scriptNamed("tugboat-demo-app-web-1").failsToStart(RuntimeFailure.invalidConfig(
        "app/web", "cannot connect with password old-db-password-1"));
    Files.writeString(dir.resolve("app.yml"), withPassword("old-db-password-1"));
    try (ControllerUnderTest first = new ControllerUnderTest(dir, runtime, clock)) {
      ApiEvent failure = first.doAndAwait(() -> first.app.start(),
          event -> event.text().contains("could not start app/web"));
      assertThat(failure.text()).contains("password ********")
          .doesNotContain("old-db-password-1");
    }
    Files.writeString(dir.resolve("app.yml"), withPassword("new-db-password-2"));

    try (ControllerUnderTest second = new ControllerUnderTest(dir, runtime, clock)) {
      second.app.readEventsBack().join();

      assertThat(second.events()).isNotEmpty()
          .allSatisfy(event -> assertThat(event.text()).doesNotContain("old-db-password-1"));
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
        dir.resolve("state").resolve(SecretHistory.FILE)))).isEqualTo("rw-------");
  }

  @Test
  void theNewestValuesAreKeptAndADamagedFileIsSetAside() throws Exception {
    SecretHistory history = SecretHistory.load(dir, clock, warnings::add);
    history.remember(IntStream.range(0, SecretHistory.KEPT + 5).mapToObj(i -> "secret-" + i)
        .toList());
    history.remember(List.of("secret-7", " ", ""));
    List<String> kept = SecretHistory.load(dir, clock, warnings::add).values();
    assertThat(kept).hasSize(SecretHistory.KEPT).startsWith("secret-5")
        .endsWith("secret-" + (SecretHistory.KEPT + 4));

    Files.writeString(dir.resolve(SecretHistory.FILE), "[\"cut");
    assertThat(SecretHistory.load(dir, clock, warnings::add).values()).isEmpty();
    assertThat(warnings).singleElement().asString().contains("cannot be read");
  }

  private static String withPassword(String password) {
    String web = "    image_name: web\n    version: 1\n";
    assertThat(ControllerUnderTest.SPEC).contains(web);
    return ControllerUnderTest.SPEC.replace(web, web
        + "    env_vars:\n"
        + "    - name: DB_PASSWORD\n"
        + "      value: " + password + "\n"
        + "      is_excluded_from_support: true\n");
  }
}
