package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.InMemoryRuntime;
import dev.tugboat.runtime.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's old images go once the app is two versions past them, and only those: the spec in use
 * and the one before it keep theirs, the host's other images are never looked at, and the engine
 * keeps any image a container still uses.
 */
class AppImagesTest {

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();
  private final InMemoryRuntime runtime = new InMemoryRuntime(clock);
  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private final DaemonLog log = new DaemonLog(new PrintStream(logged, true,
      StandardCharsets.UTF_8), DaemonConfig.LogFormat.TEXT, clock);

  private AppImages images() {
    return new AppImages(dir.resolve("images.json"), runtime, log, clock);
  }

  @Test
  void anImageNeitherTheSpecInUseNorTheOneBeforeNamesIsRemovedOnceTheAppStarted() {
    AppImages images = images();
    assertThat(images.started(Set.of("shop:1", "db:15"), Set.of("shop:1", "db:15"))).isEmpty();
    assertThat(images.started(Set.of("shop:2", "db:15"), Set.of("shop:2", "db:15", "shop:1")))
        .isEmpty();

    // a new daemon reads what the earlier one recorded
    assertThat(images().started(Set.of("shop:3", "db:15"), Set.of("shop:3", "db:15", "shop:2")))
        .containsExactly("shop:1");

    assertThat(runtime.imagePresent("shop:1")).isFalse();
    assertThat(runtime.imagePresent("shop:2")).isTrue();
    assertThat(runtime.history()).containsExactly("remove image shop:1");
    assertThat(logged.toString(StandardCharsets.UTF_8)).contains("removed 1 image the app no"
        + " longer uses (neither the spec in use nor the one before it names them): shop:1");
  }

  @Test
  void anImageAContainerStillUsesIsKeptAndRemovedAfterALaterStart() {
    AppImages images = images();
    images.started(Set.of("shop:1"), Set.of("shop:1"));
    runtime.create(ContainerConfig.builder("shop:1").name("left-over").build());

    assertThat(images.started(Set.of("shop:3"), Set.of("shop:3", "shop:2"))).isEmpty();
    assertThat(runtime.imagePresent("shop:1")).isTrue();

    runtime.remove(runtime.listByLabels(java.util.Map.of()).get(0).id());
    assertThat(images.started(Set.of("shop:3"), Set.of("shop:3", "shop:2")))
        .containsExactly("shop:1");
  }

  @Test
  void anUnreadableRecordIsSetAsideAndTheNextStartsBeginANewOne() throws Exception {
    Files.writeString(dir.resolve("images.json"), "{not json");

    assertThat(images().started(Set.of("shop:2"), Set.of("shop:2", "shop:1"))).isEmpty();

    assertThat(logged.toString(StandardCharsets.UTF_8))
        .contains("the record of the app's images " + dir.resolve("images.json")
            + " cannot be read");
    assertThat(Files.readString(dir.resolve("images.json"))).contains("\"shop:2\"");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).hasSize(2);
    }
    assertThat(runtime.history()).isEmpty();
  }

  @Test
  void anImageAlreadyGoneLeavesTheRecord() {
    AppImages images = images();
    images.started(Set.of("shop:1"), Set.of("shop:1"));
    runtime.removeImage("shop:1");

    assertThat(images.started(Set.of("shop:3"), Set.of("shop:3"))).isEmpty();
    assertThat(images.started(Set.of("shop:3"), Set.of("shop:3"))).isEmpty();
    assertThat(runtime.history()).containsExactly("remove image shop:1");
    assertThat(List.of(dir.resolve("images.json"))).allMatch(Files::exists);
  }
}
