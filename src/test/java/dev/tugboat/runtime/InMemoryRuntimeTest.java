package dev.tugboat.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryRuntimeTest {
  private final ManualClock clock = new ManualClock();
  private final InMemoryRuntime runtime = new InMemoryRuntime(clock);
  private final RecordedEvents recorder = new RecordedEvents();

  private ContainerId createAndStart(String name) {
    ContainerId id = runtime.create(ContainerConfig.builder("busybox:1").name(name)
        .label("dev.tugboat.run", "r1").cmd("sleep", "1000").build());
    runtime.start(id);
    return id;
  }

  @Test
  void scriptedExitHappensAtItsVirtualTimeAndIsReportedAsDied() {
    runtime.scriptNamed("migration").exitsAfter(Duration.ofSeconds(5), 3);
    runtime.subscribe(EventFilter.all(), recorder);
    ContainerId id = createAndStart("migration");

    clock.advance(Duration.ofSeconds(4));
    assertThat(runtime.inspect(id).orElseThrow().state()).isEqualTo(ContainerState.RUNNING);
    clock.advance(Duration.ofSeconds(1));

    ContainerInfo info = runtime.inspect(id).orElseThrow();
    assertThat(info.state()).isEqualTo(ContainerState.EXITED);
    assertThat(info.exitCode()).hasValue(3);
    assertThat(info.finishedAt()).hasValue(Instant.parse("2026-01-01T00:00:05Z"));
    assertThat(recorder.events).hasSize(3);
    assertThat(recorder.events.get(2)).isInstanceOf(RuntimeEvent.Died.class);
    assertThat(((RuntimeEvent.Died) recorder.events.get(2)).exitCode()).isEqualTo(3);
  }

  @Test
  void historyOrdersCallsAndHappeningsSoTestsCanAssertSequencing() {
    runtime.scriptNamed("db").opensPortAfter(5432, Duration.ofSeconds(2));
    ContainerId db = createAndStart("db");
    runtime.subscribe(EventFilter.all(), new RuntimeEventListener() {
      @Override
      public void onEvent(RuntimeEvent event) {}

      @Override
      public void onEnd(StreamEnd end) {}
    });
    clock.advance(Duration.ofSeconds(3));
    String address = runtime.inspect(db).orElseThrow().ipAddress().orElseThrow();
    assertThat(runtime.isListening(address, 5432)).isTrue();
    createAndStart("migration");

    assertThat(runtime.history()).containsSubsequence(
        "create db", "start db", "port-open db 5432", "create migration", "start migration");
  }

  @Test
  void stepsOfDifferentContainersRunInTimeOrderWhenTheClockJumps() {
    runtime.scriptNamed("a").exitsAfter(Duration.ofSeconds(7), 0);
    runtime.scriptNamed("b").opensPortAfter(80, Duration.ofSeconds(5));
    createAndStart("a");
    createAndStart("b");
    clock.advance(Duration.ofSeconds(10));
    assertThat(runtime.history()).containsSubsequence("port-open b 80", "exit a 0");
  }

  @Test
  void execAnswersChangeWithTimeSinceStart() {
    List<String> check = List.of("pg_isready");
    runtime.scriptNamed("db").execAnswers(check, ExecResult.of(1, "no"))
        .execAnswersAfter(check, Duration.ofSeconds(4), ExecResult.of(0, "accepting"));
    ContainerId db = createAndStart("db");
    assertThat(runtime.exec(db, ExecRequest.of(check)).exitCode()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(4));
    assertThat(runtime.exec(db, ExecRequest.of(check))).isEqualTo(ExecResult.of(0, "accepting"));
  }

  @Test
  void followedLogsReplayThenStreamThenEndWhenTheContainerExits() {
    runtime.scriptNamed("app").logsAfter(Duration.ZERO, "booting")
        .logsAfter(Duration.ofSeconds(2), "ready").exitsAfter(Duration.ofSeconds(3), 0);
    ContainerId app = createAndStart("app");
    List<String> lines = new ArrayList<>();
    List<StreamEnd> logEnds = new ArrayList<>();
    runtime.followLogs(app, new LogListener() {
      @Override
      public void onLine(LogLine line) {
        lines.add(line.text());
      }

      @Override
      public void onEnd(StreamEnd end) {
        logEnds.add(end);
      }
    });
    clock.advance(Duration.ofSeconds(3));
    assertThat(lines).containsExactly("booting", "ready");
    assertThat(logEnds).containsExactly(new StreamEnd.EndedByEngine());
    assertThat(runtime.logs(app, 1)).containsExactly(LogLine.stdout("ready"));
  }

  @Test
  void engineGoingAwayEndsStreamsWithFailureAndCallsFailAsUnreachable() {
    createAndStart("db");
    runtime.subscribe(EventFilter.all(), recorder);
    runtime.stopEngine();
    assertThat(recorder.ends).singleElement().isInstanceOf(StreamEnd.Failed.class);
    assertThatThrownBy(() -> runtime.inspect(ContainerId.of("db")))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageStartingWith("cannot reach Docker at memory://")
        .extracting(e -> ((RuntimeFailure) e).kind())
        .isEqualTo(RuntimeFailure.Kind.ENGINE_UNREACHABLE);
  }

  @Test
  void missingImageAndNameConflictFailWithTheRealMessages() {
    runtime.removeImage("vendor/app:2");
    assertThatThrownBy(() -> runtime.create(ContainerConfig.builder("vendor/app:2").build()))
        .hasMessageContaining("image vendor/app:2 is not on this host")
        .hasMessageContaining("docker load -i FILE");
    createAndStart("db");
    assertThatThrownBy(() -> createAndStart("db"))
        .hasMessageStartingWith("container name \"db\" is already in use by container");
    assertThat(runtime.inspectImage("vendor/app:2")).isEqualTo(Optional.empty());
  }

  @Test
  void recordsTheConfigAndFilesSoTestsCanAssertThem() {
    ContainerId id = runtime.create(ContainerConfig.builder("busybox:1").name("web")
        .memoryBytes(1 << 20).build());
    runtime.copyFiles(id, List.of(new FileToCopy("/etc/app.conf", new byte[] {1}, 0640, "1:2")));
    assertThat(runtime.createdConfig("web").memoryBytes()).isEqualTo(1 << 20);
    assertThat(runtime.copiedFiles("web")).singleElement()
        .extracting(FileToCopy::path).isEqualTo("/etc/app.conf");
    assertThat(runtime.history()).containsExactly("create web", "copy web /etc/app.conf");
  }
}
