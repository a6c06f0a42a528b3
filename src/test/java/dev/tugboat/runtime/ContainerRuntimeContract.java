package dev.tugboat.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * What the orchestrator relies on from a {@link ContainerRuntime}, asserted against both the
 * Docker Engine ({@code DockerRuntimeContractIT}) and the in-memory double every unit and recovery
 * test runs on ({@code InMemoryRuntimeContractTest}): where the double answers otherwise than the
 * engine, the recovery tests prove nothing. Subclasses say how a container behaves (a command on
 * the engine, a script in memory) and how to wait (real time, or the manual clock moved on).
 */
public abstract class ContainerRuntimeContract {

  /** The command {@link #exec} runs: it prints one line and exits with 3. */
  protected static final List<String> EXEC_CMD = List.of("sh", "-c", "echo from-exec; exit 3");

  protected abstract ContainerRuntime runtime();

  /** Labels no other test's containers carry. */
  protected abstract Map<String, String> labels();

  /** A unique container name for {@code shortName}. */
  protected abstract String name(String shortName);

  /**
   * A container that runs until stopped, writes {@code ready} once SIGTERM ends it with 143 (a
   * signal before that is ignored, as by any process without a handler that runs as PID 1);
   * {@link #EXEC_CMD} in it prints {@code from-exec} and exits with 3.
   */
  protected abstract ContainerConfigBuilder service(String shortName);

  /** A container that runs until stopped and ignores SIGTERM, so stop kills it (137). */
  protected abstract ContainerConfigBuilder ignoringSigterm(String shortName);

  /** A container that writes {@code lines} to stdout, one by one, then exits with {@code code}. */
  protected abstract ContainerConfigBuilder writesThenExits(String shortName, int code,
      String... lines);

  /** Waits until {@code condition} holds: real time on the engine, the clock moved on in memory. */
  protected abstract void eventually(BooleanSupplier condition);

  /** What the file at {@code path} in the running container holds, as the app would read it. */
  protected abstract String fileContent(ContainerId id, String path);

  /**
   * An image of this test's own, whose only reference this is, that runs what {@link
   * #ignoringSigterm} runs: removing it takes nothing another test needs.
   */
  protected abstract String imageOfOurOwn(String shortName);

  @Test
  void anImageIsRemovedOnlyOnceNoContainerUsesItAndNeverByForce() {
    String image = imageOfOurOwn("disposable");
    ContainerConfig like = ignoringSigterm("image-user").build();
    ContainerId user = runtime().create(ContainerConfig.builder(image).name(like.name())
        .cmd(like.cmd()).labels(labels()).build());

    assertThat(runtime().removeUnusedImage(image)).isEqualTo(ImageRemoval.IN_USE);
    assertThat(runtime().imagePresent(image)).isTrue();

    runtime().remove(user);
    assertThat(runtime().removeUnusedImage(image)).isEqualTo(ImageRemoval.REMOVED);
    assertThat(runtime().imagePresent(image)).isFalse();
    assertThat(runtime().removeUnusedImage(image)).isEqualTo(ImageRemoval.ABSENT);
    assertThat(runtime().imagePresent(ignoringSigterm("unused").build().image())).isTrue();
  }

  private ContainerId createAndStart(ContainerConfigBuilder config) {
    ContainerId id = runtime().create(config.labels(labels()).build());
    runtime().start(id);
    return id;
  }

  /** Started, and past the point where it handles SIGTERM. */
  private ContainerId startService(String shortName, String... extraLabel) {
    ContainerConfigBuilder config = service(shortName);
    if (extraLabel.length == 2) {
      config.label(extraLabel[0], extraLabel[1]);
    }
    ContainerId id = createAndStart(config);
    eventually(() -> runtime().logs(id, 10).contains(LogLine.stdout("ready")));
    return id;
  }

  private boolean exited(ContainerId id) {
    return runtime().inspect(id).orElseThrow().state() == ContainerState.EXITED;
  }

  @Test
  void aCreatedContainerIsInspectedWithItsNameAndLabelsAndRunsOnceStarted() {
    ContainerId id = runtime().create(service("life").labels(labels()).build());
    ContainerInfo created = runtime().inspect(id).orElseThrow();
    assertThat(created.state()).isEqualTo(ContainerState.CREATED);
    assertThat(created.name()).isEqualTo(name("life"));
    assertThat(created.labels()).containsAllEntriesOf(labels());
    assertThat(created.startedAt()).isEmpty();
    assertThat(created.exitCode()).isEmpty();
    assertThat(created.ipAddress()).isEmpty();

    runtime().start(id);
    ContainerInfo running = runtime().inspect(id).orElseThrow();
    assertThat(running.state()).isEqualTo(ContainerState.RUNNING);
    assertThat(running.startedAt()).isPresent();
    assertThat(running.ipAddress()).isPresent();
    assertThat(running.exitCode()).isEmpty();

    assertThatCode(() -> runtime().start(id)).as("starting a running container is harmless")
        .doesNotThrowAnyException();
  }

  @Test
  void listByLabelsFindsRunningAndExitedContainersWithAllTheLabelsOnly() {
    ContainerId running = createAndStart(service("listed"));
    ContainerId done = createAndStart(writesThenExits("done", 0, "bye"));
    eventually(() -> exited(done));
    runtime().create(service("other").labels(labels()).label("dev.tugboat.instance", "2").build());

    Map<String, String> narrower = new java.util.HashMap<>(labels());
    narrower.put("dev.tugboat.instance", "1");
    assertThat(runtime().listByLabels(labels())).extracting(ContainerSummary::name)
        .containsExactlyInAnyOrder(name("listed"), name("done"), name("other"));
    assertThat(runtime().listByLabels(narrower)).isEmpty();
    assertThat(runtime().listByLabels(labels())).filteredOn(c -> c.id().equals(running))
        .singleElement().extracting(ContainerSummary::state).isEqualTo(ContainerState.RUNNING);
    assertThat(runtime().listByLabels(labels())).filteredOn(c -> c.id().equals(done))
        .singleElement().extracting(ContainerSummary::state).isEqualTo(ContainerState.EXITED);
  }

  @Test
  void stopEndsAContainerWithTheExitCodeOfItsSignal() {
    ContainerId polite = startService("polite");
    ContainerId stubborn = createAndStart(ignoringSigterm("stubborn"));

    runtime().stop(polite, Duration.ofSeconds(10));
    runtime().stop(stubborn, Duration.ofSeconds(1));

    ContainerInfo stopped = runtime().inspect(polite).orElseThrow();
    assertThat(stopped.state()).isEqualTo(ContainerState.EXITED);
    assertThat(stopped.exitCode()).hasValue(143);
    assertThat(stopped.finishedAt()).isPresent();
    assertThat(stopped.ipAddress()).isEmpty();
    assertThat(runtime().inspect(stubborn).orElseThrow().exitCode()).hasValue(137);
    assertThatCode(() -> runtime().stop(polite, Duration.ofSeconds(1)))
        .as("stopping a stopped container is harmless").doesNotThrowAnyException();
  }

  @Test
  void theStopSignalEndsAPoliteContainerAndLeavesAStubbornOneRunningUntilKilled() {
    ContainerId polite = startService("signalled-polite");
    ContainerId stubborn = createAndStart(ignoringSigterm("signalled-stubborn"));
    ContainerId idle = runtime().create(service("signalled-idle").labels(labels()).build());

    runtime().signalStop(polite);
    runtime().signalStop(stubborn);

    eventually(() -> runtime().inspect(polite).orElseThrow().state() == ContainerState.EXITED);
    assertThat(runtime().inspect(polite).orElseThrow().exitCode()).hasValue(143);
    assertThat(runtime().inspect(stubborn).orElseThrow().state())
        .isEqualTo(ContainerState.RUNNING);
    runtime().stop(stubborn, Duration.ZERO);
    assertThat(runtime().inspect(stubborn).orElseThrow().exitCode()).hasValue(137);
    assertThatCode(() -> runtime().signalStop(polite))
        .as("signalling a stopped container is harmless").doesNotThrowAnyException();
    assertThatCode(() -> runtime().signalStop(idle))
        .as("signalling a container that never started is harmless").doesNotThrowAnyException();
    assertThat(runtime().inspect(idle).orElseThrow().state()).isEqualTo(ContainerState.CREATED);
  }

  @Test
  void aPortWhoseHostPortTheEnginePicksIsPublishedWhileTheContainerRuns() {
    ContainerId id = startService("ports");
    assertThat(runtime().inspect(id).orElseThrow().publishedPorts()).isEmpty();
    ContainerId published = createAndStart(service("published")
        .addPort(PortMapping.published(8080, Protocol.TCP, 0)));
    List<PublishedPort> ports = runtime().inspect(published).orElseThrow().publishedPorts();
    assertThat(ports).isNotEmpty().allSatisfy(port -> {
      assertThat(port.containerPort()).isEqualTo(8080);
      assertThat(port.protocol()).isEqualTo(Protocol.TCP);
      assertThat(port.hostPort()).isPositive();
    });
    assertThat(ports).extracting(PublishedPort::hostAddress).contains("0.0.0.0");

    runtime().stop(published, Duration.ofSeconds(1));
    assertThat(runtime().inspect(published).orElseThrow().publishedPorts()).isEmpty();
  }

  @Test
  void stoppingAContainerThatNeverStartedIsHarmless() {
    ContainerId id = runtime().create(service("idle").labels(labels()).build());
    assertThatCode(() -> runtime().stop(id, Duration.ofSeconds(1))).doesNotThrowAnyException();
    assertThat(runtime().inspect(id).orElseThrow().state()).isEqualTo(ContainerState.CREATED);
  }

  @Test
  void aContainerThatExitsOnItsOwnIsInspectedWithItsCode() {
    ContainerId id = createAndStart(writesThenExits("exits", 7, "bye"));
    eventually(() -> exited(id));
    ContainerInfo info = runtime().inspect(id).orElseThrow();
    assertThat(info.exitCode()).hasValue(7);
    assertThat(info.startedAt()).isPresent();
    assertThat(info.finishedAt()).isPresent();
  }

  @Test
  void removeKillsARunningContainerAndRemovingAMissingOneIsHarmless() {
    ContainerId id = createAndStart(service("removed"));
    runtime().remove(id);
    assertThat(runtime().inspect(id)).isEmpty();
    assertThat(runtime().listByLabels(labels())).isEmpty();
    assertThatCode(() -> runtime().remove(id)).doesNotThrowAnyException();
    assertThatCode(() -> runtime().remove(ContainerId.of("f".repeat(64))))
        .doesNotThrowAnyException();
  }

  @Test
  void callsOnAContainerThatDoesNotExistFailAsNoSuchContainer() {
    ContainerId missing = ContainerId.of("e".repeat(64));
    assertThat(runtime().inspect(missing)).isEmpty();
    assertThatThrownBy(() -> runtime().start(missing)).isInstanceOf(RuntimeFailure.class)
        .extracting(e -> ((RuntimeFailure) e).kind()).isEqualTo(RuntimeFailure.Kind.NO_SUCH_CONTAINER);
  }

  @Test
  void callsThatNeedAContainerFailAsNoSuchContainerWhenItIsGone() {
    ContainerId id = createAndStart(service("vanished"));
    runtime().remove(id);
    List<String> kinds = new ArrayList<>();
    List<Runnable> calls = List.of(
        () -> runtime().stop(id, Duration.ofSeconds(1)),
        () -> runtime().exec(id, ExecRequest.of(EXEC_CMD)),
        () -> runtime().logs(id, 10),
        () -> runtime().copyFiles(id, List.of(FileToCopy.of("/tmp/x", new byte[] {1}, 0600))));
    for (Runnable call : calls) {
      try {
        call.run();
        kinds.add("no failure");
      } catch (RuntimeFailure e) {
        kinds.add(e.kind().name());
      }
    }
    assertThat(kinds).as("stop, exec, logs, copyFiles").containsExactly("NO_SUCH_CONTAINER",
        "NO_SUCH_CONTAINER", "NO_SUCH_CONTAINER", "NO_SUCH_CONTAINER");
  }

  @Test
  void execOutputBeyondTheLimitIsCutAndMarked() {
    ContainerId id = createAndStart(service("chatty"));
    ExecResult result = runtime().exec(id, new ExecRequest(EXEC_CMD, "",
        ExecRequest.DEFAULT_TIMEOUT, 4));
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.output()).isEqualTo("from");
    assertThat(result.truncated()).isTrue();
  }

  @Test
  void aNameInUseIsANameConflict() {
    runtime().create(service("taken").labels(labels()).build());
    assertThatThrownBy(() -> runtime().create(service("taken").labels(labels()).build()))
        .isInstanceOf(RuntimeFailure.class)
        .extracting(e -> ((RuntimeFailure) e).kind()).isEqualTo(RuntimeFailure.Kind.NAME_CONFLICT);
  }

  @Test
  void theEventStreamSeesStartAndDieWithTheExitCodeOfLabelledContainersOnly() {
    RecordedEvents listener = new RecordedEvents();
    List<RuntimeEvent> events = listener.events;
    List<StreamEnd> ends = listener.ends;
    Map<String, String> mine = new java.util.HashMap<>(labels());
    mine.put("dev.tugboat.component", "watched");
    try (Subscription ignored = runtime().subscribe(EventFilter.labelled(mine), listener)) {
      ContainerId other = createAndStart(writesThenExits("unwatched", 4, "x"));
      ContainerId id = createAndStart(
          writesThenExits("watched", 3, "x").label("dev.tugboat.component", "watched"));
      eventually(() -> events.stream().anyMatch(RuntimeEvent.Died.class::isInstance)
          && exited(other));
      ContainerId stopped = startService("stopped", "dev.tugboat.component", "watched");
      runtime().stop(stopped, Duration.ofSeconds(10));
      runtime().remove(stopped);
      ContainerId killed = createAndStart(
          ignoringSigterm("killed").label("dev.tugboat.component", "watched"));
      runtime().remove(killed);
      eventually(() -> events.stream().filter(RuntimeEvent.Destroyed.class::isInstance).count() == 2);

      events.forEach(event -> assertThat(event.container().labels()).containsAllEntriesOf(mine));
      assertThat(listener.said()).containsExactly(
          "Created " + name("watched"), "Started " + name("watched"), "Died " + name("watched") + " 3",
          "Created " + name("stopped"), "Started " + name("stopped"),
          "Died " + name("stopped") + " 143", "Destroyed " + name("stopped"),
          "Created " + name("killed"), "Started " + name("killed"),
          "Died " + name("killed") + " 137", "Destroyed " + name("killed"));
      assertThat(events.get(1).container().id()).isEqualTo(id);
      assertThat(events.get(1).container().image()).isEqualTo(runtime().inspect(id).orElseThrow().image());
    }
    assertThat(ends).containsExactly(new StreamEnd.Closed());
  }

  @Test
  void execAnswersWithTheCommandsExitCodeAndOutput() {
    ContainerId id = createAndStart(service("exec"));
    ExecResult result = runtime().exec(id, ExecRequest.of(EXEC_CMD));
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.output()).isEqualTo("from-exec\n");
    assertThat(result.truncated()).isFalse();
  }

  @Test
  void aPausedContainerStaysAliveAndRunsNothingUntilUnpaused() {
    ContainerId id = startService("pause");

    runtime().pause(id);
    assertThat(runtime().inspect(id).orElseThrow().state()).isEqualTo(ContainerState.PAUSED);
    assertThat(runtime().listByLabels(labels())).extracting(ContainerSummary::state)
        .containsExactly(ContainerState.PAUSED);
    assertThatThrownBy(() -> runtime().exec(id, ExecRequest.of(EXEC_CMD)))
        .isInstanceOf(RuntimeFailure.class).hasMessageContaining("paused");
    assertThatCode(() -> runtime().pause(id)).as("paused already").doesNotThrowAnyException();

    runtime().unpause(id);
    assertThat(runtime().inspect(id).orElseThrow().state()).isEqualTo(ContainerState.RUNNING);
    assertThat(runtime().exec(id, ExecRequest.of(EXEC_CMD)).exitCode()).isEqualTo(3);
    assertThatCode(() -> runtime().unpause(id)).as("not paused").doesNotThrowAnyException();
  }

  @Test
  void pausingAContainerThatDoesNotRunLeavesItAsItIs() {
    ContainerId id = createAndStart(writesThenExits("paused-gone", 0, "bye"));
    eventually(() -> exited(id));

    assertThatCode(() -> runtime().pause(id)).doesNotThrowAnyException();
    assertThatCode(() -> runtime().unpause(id)).doesNotThrowAnyException();
    assertThat(exited(id)).isTrue();
  }

  @Test
  void execInAContainerThatIsNotRunningFails() {
    ContainerId id = createAndStart(writesThenExits("gone", 0, "bye"));
    eventually(() -> exited(id));
    assertThatThrownBy(() -> runtime().exec(id, ExecRequest.of(EXEC_CMD)))
        .isInstanceOf(RuntimeFailure.class);
  }

  @Test
  void filesCopiedIntoACreatedContainerAreThereOnceItRuns() {
    ContainerId id = runtime().create(service("files").labels(labels()).build());
    runtime().copyFiles(id, List.of(FileToCopy.of("/etc/app/conf.d/app.conf",
        "port=5432\n".getBytes(StandardCharsets.UTF_8), 0640)));
    runtime().start(id);
    assertThat(fileContent(id, "/etc/app/conf.d/app.conf")).isEqualTo("port=5432\n");
  }

  @Test
  void logsAreTheLastLinesInOrderAndFollowingAnExitedContainerEndsWithTheEngine() {
    ContainerId id = createAndStart(writesThenExits("logs", 0, "one", "two", "three"));
    eventually(() -> exited(id));
    assertThat(runtime().logs(id, 2))
        .containsExactly(LogLine.stdout("two"), LogLine.stdout("three"));
    assertThat(runtime().logs(id, 10)).hasSize(3);

    List<LogLine> followed = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<StreamEnd> ends = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (Subscription ignored = runtime().followLogs(id, new LogListener() {
      @Override
      public void onLine(LogLine line) {
        followed.add(line);
      }

      @Override
      public void onEnd(StreamEnd end) {
        ends.add(end);
      }
    })) {
      eventually(() -> !ends.isEmpty());
    }
    assertThat(followed).extracting(LogLine::text).containsExactly("one", "two", "three");
    assertThat(ends).containsExactly(new StreamEnd.EndedByEngine());
  }
}
