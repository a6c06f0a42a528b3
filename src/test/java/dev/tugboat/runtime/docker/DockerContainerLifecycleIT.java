package dev.tugboat.runtime.docker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.ContainerInfo;
import dev.tugboat.runtime.ContainerState;
import dev.tugboat.runtime.EventFilter;
import dev.tugboat.runtime.ExecRequest;
import dev.tugboat.runtime.ExecResult;
import dev.tugboat.runtime.FileToCopy;
import dev.tugboat.runtime.HealthStatus;
import dev.tugboat.runtime.ImageInfo;
import dev.tugboat.runtime.LogLine;
import dev.tugboat.runtime.LogListener;
import dev.tugboat.runtime.RuntimeEvent;
import dev.tugboat.runtime.RuntimeEventListener;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.runtime.StreamEnd;
import dev.tugboat.runtime.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DockerContainerLifecycleIT {
  private final DockerTestContainers docker = new DockerTestContainers();
  private final DockerRuntime runtime = docker.runtime;

  @AfterEach
  void removeContainers() {
    docker.close();
  }

  @Test
  void filesCopiedIntoACreatedContainerHaveTheirModeOwnerAndContent() {
    ContainerId id = runtime.create(docker.config("files", "sleep", "300").build());
    runtime.copyFiles(id, List.of(
        new FileToCopy("/etc/app/conf.d/app.conf", "port=5432\n".getBytes(UTF_8), 0640,
            "65534:65534"),
        FileToCopy.of("/tmp/seed.sql", "select 1;".getBytes(UTF_8), 0600)));
    runtime.start(id);

    ExecResult stat = runtime.exec(id, ExecRequest.of("stat", "-c", "%a %u:%g %n",
        "/etc/app/conf.d/app.conf", "/tmp/seed.sql", "/tmp"));
    assertThat(stat.exitCode()).isZero();
    assertThat(stat.output().lines()).containsExactly(
        "640 65534:65534 /etc/app/conf.d/app.conf", "600 0:0 /tmp/seed.sql", "1777 0:0 /tmp");
    assertThat(runtime.exec(id, ExecRequest.of("cat", "/etc/app/conf.d/app.conf")).output())
        .isEqualTo("port=5432\n");
  }

  @Test
  void inspectTellsStateTimesAndExitCodeAcrossTheLifecycle() {
    ContainerId id = runtime.create(docker.config("life", "sh", "-c", "exit 7").build());
    ContainerInfo created = runtime.inspect(id).orElseThrow();
    assertThat(created.state()).isEqualTo(ContainerState.CREATED);
    assertThat(created.name()).isEqualTo(docker.name("life"));
    assertThat(created.labels()).containsAllEntriesOf(docker.runLabels());
    assertThat(created.startedAt()).isEmpty();
    assertThat(created.exitCode()).isEmpty();
    assertThat(created.health()).isEqualTo(HealthStatus.NONE);

    runtime.start(id);
    await().atMost(Duration.ofSeconds(20)).until(
        () -> runtime.inspect(id).orElseThrow().state() == ContainerState.EXITED);
    ContainerInfo exited = runtime.inspect(id).orElseThrow();
    assertThat(exited.exitCode()).hasValue(7);
    assertThat(exited.startedAt()).isPresent();
    // For a process that exits at once the engine may stamp finishedAt a few ms before startedAt.
    assertThat(Duration.between(exited.startedAt().orElseThrow(), exited.finishedAt().orElseThrow()))
        .isBetween(Duration.ofSeconds(-1), Duration.ofSeconds(10));
    assertThat(exited.ipAddress()).isEmpty();

    runtime.remove(id);
    assertThat(runtime.inspect(id)).isEmpty();
    runtime.remove(id);
  }

  @Test
  void execReportsExitCodeAndInterleavedOutputAndBoundsIt() {
    ContainerId id = docker.createAndStart(docker.config("exec", "sleep", "300"));
    ExecResult result = runtime.exec(id, ExecRequest.of("sh", "-c", "echo out; echo err >&2; exit 4"));
    assertThat(result.exitCode()).isEqualTo(4);
    // Two pipes: the engine forwards whichever it reads first, so only the lines are certain.
    assertThat(result.output().lines()).containsExactlyInAnyOrder("out", "err");
    assertThat(result.truncated()).isFalse();

    ExecRequest chatty = new ExecRequest(List.of("sh", "-c", "seq 1 1000"), "", Duration.ofSeconds(30), 10);
    ExecResult bounded = runtime.exec(id, chatty);
    assertThat(bounded.output()).isEqualTo("1\n2\n3\n4\n5\n");
    assertThat(bounded.truncated()).isTrue();
    assertThat(bounded.exitCode()).isZero();
  }

  @Test
  void logsGiveTheLastLinesAndFollowingDeliversEachLineAsItComes() {
    ContainerId id = docker.createAndStart(docker.config("logs", "sh", "-c",
        "echo one; echo two >&2; printf 'thr'; sleep 1; echo ee; echo ready; sleep 300"));
    List<LogLine> followed = new CopyOnWriteArrayList<>();
    List<StreamEnd> ends = new CopyOnWriteArrayList<>();
    try (Subscription ignored = runtime.followLogs(id, new LogListener() {
      @Override
      public void onLine(LogLine line) {
        followed.add(line);
      }

      @Override
      public void onEnd(StreamEnd end) {
        ends.add(end);
      }
    })) {
      await().atMost(Duration.ofSeconds(20)).until(() -> followed.contains(LogLine.stdout("ready")));
      // stdout and stderr are two pipes: order is certain only within each.
      assertThat(followed).filteredOn(l -> l.source() == LogLine.Source.STDOUT)
          .extracting(LogLine::text).containsExactly("one", "three", "ready");
      assertThat(followed).filteredOn(l -> l.source() == LogLine.Source.STDERR)
          .extracting(LogLine::text).containsExactly("two");
    }
    assertThat(ends).containsExactly(new StreamEnd.Closed());
    assertThat(runtime.logs(id, 2)).containsExactly(LogLine.stdout("three"), LogLine.stdout("ready"));
    assertThat(runtime.logs(id, 10)).contains(LogLine.stderr("two"));
  }

  @Test
  void stopEndsTheContainerWithSigtermAndStopOfAStoppedOneIsHarmless() {
    ContainerId id = docker.createAndStart(docker.config("stop", "sleep", "300"));
    runtime.stop(id, Duration.ofSeconds(1));
    ContainerInfo stopped = runtime.inspect(id).orElseThrow();
    assertThat(stopped.state()).isEqualTo(ContainerState.EXITED);
    assertThat(stopped.exitCode()).hasValue(137);
    runtime.stop(id, Duration.ofSeconds(1));
    runtime.start(id);
    runtime.start(id);
    assertThat(runtime.inspect(id).orElseThrow().isRunning()).isTrue();
  }

  /**
   * A stop with no timeout is the kill a run decides once a container's stop timeout has passed:
   * SIGKILL alone (its SIGTERM handler never runs), and the call returns once it has ended.
   */
  @Test
  void stopWithNoTimeoutKillsAtOnceAndReturnsOnceTheContainerEnded() {
    ContainerId id = docker.createAndStart(docker.config("kill", "sh", "-c",
        "trap 'echo got TERM; exit 0' TERM; echo ready; sleep 300 & wait"));
    await().atMost(Duration.ofSeconds(10)).until(() -> runtime.logs(id, 10).stream()
        .anyMatch(line -> line.text().equals("ready")));

    runtime.stop(id, Duration.ZERO);

    ContainerInfo killed = runtime.inspect(id).orElseThrow();
    assertThat(killed.state()).isEqualTo(ContainerState.EXITED);
    assertThat(killed.exitCode()).hasValue(137);
    assertThat(runtime.logs(id, 10)).extracting(LogLine::text).doesNotContain("got TERM");
    runtime.stop(id, Duration.ZERO);
    runtime.remove(id);
    assertThatThrownBy(() -> runtime.stop(id, Duration.ZERO))
        .isInstanceOfSatisfying(RuntimeFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(RuntimeFailure.Kind.NO_SUCH_CONTAINER));
  }

  /**
   * The stop signal is the container's own, as Docker's stop sends it: PostgreSQL's image says
   * SIGINT, and SIGTERM would not do what its vendor chose. The container is made with the CLI's
   * {@code --stop-signal}, which sets the field an image's {@code STOPSIGNAL} sets.
   */
  @Test
  void signalStopSendsTheContainersOwnStopSignal() throws Exception {
    String name = docker.name("stop-signal");
    Process create = new ProcessBuilder("docker", "run", "-d", "--name", name,
        "--stop-signal", "SIGUSR1", "--label", DockerTestContainers.TEST_LABEL + "="
            + DockerTestContainers.TEST_LABEL_VALUE, "--label", "dev.tugboat.run=" + docker.run,
        DockerTestContainers.IMAGE, "sh", "-c", "trap 'exit 42' USR1; echo ready; sleep 300 & wait")
        .redirectErrorStream(true).start();
    String out = new String(create.getInputStream().readAllBytes(), UTF_8).trim();
    assertThat(create.waitFor()).as(out).isZero();
    ContainerId id = ContainerId.of(out.lines().reduce((a, b) -> b).orElseThrow());
    await().atMost(Duration.ofSeconds(10)).until(() -> runtime.logs(id, 10).stream()
        .anyMatch(line -> line.text().equals("ready")));

    runtime.signalStop(id);

    await().atMost(Duration.ofSeconds(10))
        .until(() -> runtime.inspect(id).orElseThrow().state() == ContainerState.EXITED);
    assertThat(runtime.inspect(id).orElseThrow().exitCode()).hasValue(42);
  }

  /**
   * The run reports a container stopped on its die event; whoever then inspects it must find it
   * not running. The engine marks it stopped before it sends the die (its list of containers is
   * updated only after, so this asks inspect, as a user's {@code docker inspect} does). Each die is
   * answered by an inspect on the event thread, as soon as anything could ask, for containers that
   * heed the signal and for ones killed once their timeout passed.
   */
  @Test
  void aContainerReportedDeadIsNotRunningByItsInspect() {
    List<ContainerId> polite = new ArrayList<>();
    List<ContainerId> stubborn = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      polite.add(docker.createAndStart(docker.config("heeds-" + i, "sh", "-c",
          "trap 'exit 0' TERM; echo ready; sleep 300 & wait")));
      stubborn.add(docker.createAndStart(docker.config("ignores-" + i, "sleep", "300")));
    }
    List<String> seenAtDie = new CopyOnWriteArrayList<>();
    try (Subscription ignored = runtime.subscribe(
        EventFilter.labelled(docker.runLabels()), new RuntimeEventListener() {
          @Override
          public void onEvent(RuntimeEvent event) {
            if (event instanceof RuntimeEvent.Died died) {
              seenAtDie.add(died.container().name() + " " + runtime.inspect(died.container().id())
                  .map(info -> info.state().name()).orElse("GONE"));
            }
          }

          @Override
          public void onEnd(StreamEnd end) {}
        })) {
      await().atMost(Duration.ofSeconds(20)).until(() -> polite.stream().allMatch(id ->
          runtime.logs(id, 1).stream().anyMatch(line -> line.text().equals("ready"))));
      polite.forEach(runtime::signalStop);
      stubborn.forEach(runtime::signalStop);
      stubborn.forEach(id -> runtime.stop(id, Duration.ZERO));

      await().atMost(Duration.ofSeconds(30)).until(() -> seenAtDie.size() == 12);
    }
    assertThat(seenAtDie).allMatch(seen -> seen.endsWith(" EXITED"), "exited at its die");
  }

  /**
   * A restart's clean-up and a stop can remove the same container at once; the engine then
   * answers the later one 409 "removal ... is already in progress". Both must end well.
   */
  @Test
  void removalsOfOneContainerAtOnceAllSucceed() throws Exception {
    ExecutorService removers = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 5; round++) {
        ContainerId id = docker.createAndStart(docker.config("rm" + round, "sleep", "300"));
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> removals = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          removals.add(removers.submit(() -> {
            go.await();
            runtime.remove(id);
            return null;
          }));
        }
        go.countDown();
        for (Future<?> removal : removals) {
          removal.get(60, TimeUnit.SECONDS);
        }
        assertThat(runtime.inspect(id)).isEmpty();
      }
    } finally {
      removers.shutdownNow();
    }
  }

  @Test
  void importedImageDeclaresNoPortsAndNoHealthcheckButItsCommand() {
    ImageInfo image = runtime.inspectImage(DockerTestContainers.IMAGE).orElseThrow();
    assertThat(image.exposedPorts()).isEmpty();
    assertThat(image.hasHealthcheck()).isFalse();
    assertThat(image.cmd()).containsExactly("/bin/sh");
    assertThat(runtime.inspectImage("tugboat-test/absent:0")).isEmpty();
  }

  @Test
  void hostFactsNameTheBridgeGateway() {
    assertThat(runtime.hostFacts().bridgeGateway().orElseThrow()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
    assertThat(runtime.hostFacts().apiVersion()).isNotBlank();
  }
}
