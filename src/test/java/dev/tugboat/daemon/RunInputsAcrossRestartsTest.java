package dev.tugboat.daemon;

import static dev.tugboat.daemon.ControllerUnderTest.textStarting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.api.ApiEvent;
import dev.tugboat.app.TugboatVersion;
import dev.tugboat.events.JournalDirectory;
import dev.tugboat.events.RunInputDigests;
import dev.tugboat.runtime.InMemoryRuntime;
import dev.tugboat.runtime.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run goes on with the spec and settings it started with across a restart of the daemon: a
 * {@code config set} meanwhile says "a restart applies the change", and it is the app's restart
 * that applies it, not the daemon's.
 */
class RunInputsAcrossRestartsTest {

  /** web starts only once job has stopped, so it is created after the daemon's restart. */
  static final String SPEC = """
      replicated_api_version: 2.8.0
      name: demo
      version: "1"
      config:
      - name: main
        items:
        - {name: greeting, type: text, default: hello}
      components:
      - name: job
        containers:
        - source: public
          image_name: job
          version: 1
          ephemeral: true
          publish_events:
          - name: job done
            trigger: container-stop
            timeout: -1
            subscriptions:
            - component: app
              container: web
              action: start
      - name: app
        containers:
        - source: public
          image_name: web
          version: 1
          env_vars:
          - {name: GREETING, value: '{{repl ConfigOption "greeting"}}'}
      """;

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();
  private final InMemoryRuntime runtime = new InMemoryRuntime(clock);

  @BeforeEach
  void writeSpec() throws IOException {
    Files.writeString(dir.resolve("app.yml"), SPEC);
  }

  @Test
  void aResumedRunKeepsTheSettingsItStartedWithAndTheAppsRestartAppliesTheNewOnes()
      throws Exception {
    try (ControllerUnderTest first = new ControllerUnderTest(dir, runtime, clock)) {
      first.doAndAwait(() -> first.app.start(), started("job/job"));
      first.app.setConfig(Map.of("greeting", "bye")).join();
    }

    try (ControllerUnderTest second = new ControllerUnderTest(dir, runtime, clock)) {
      second.doAndAwait(() -> second.app.resumeOrStart(),
          event -> event.type().equals("InstancesObserved"));
      second.doAndAwait(() -> runtime.exitNow("tugboat-demo-job-job-1", 0),
          textStarting("app started"));
      assertThat(runtime.createdConfig("tugboat-demo-app-web-1").env())
          .containsEntry("GREETING", "hello");

      clock.advance(Duration.ofSeconds(1));
      second.doAndAwait(() -> second.app.restart(), started("job/job"));
      second.doAndAwait(() -> runtime.exitNow("tugboat-demo-job-job-1", 0),
          textStarting("app started"));
      assertThat(runtime.createdConfig("tugboat-demo-app-web-1").env())
          .containsEntry("GREETING", "bye");
    }
    List<RunInputDigests> recorded = recordedInputs();
    assertThat(recorded).hasSize(2);
    assertThat(recorded.get(0).spec()).isEqualTo(recorded.get(1).spec())
        .isEqualTo(InputFiles.digestOf(SPEC.getBytes()));
    assertThat(recorded.get(0).settings()).isNotEqualTo(recorded.get(1).settings());
    assertThat(recorded.get(1).settings()).isEqualTo(
        InputFiles.digestOf(Files.readAllBytes(dir.resolve("state/settings.json"))));
    assertThat(recorded.get(0).tugboat()).isEqualTo(TugboatVersion.current());
  }

  @Test
  void aRunFromBeforeInputsWereRecordedResumesWithWhatIsOnDiskAndSaysSo() throws Exception {
    try (ControllerUnderTest first = new ControllerUnderTest(dir, runtime, clock)) {
      first.doAndAwait(() -> first.app.start(), started("job/job"));
      first.app.setConfig(Map.of("greeting", "bye")).join();
    }
    Path journal = onlyJournal();
    Files.writeString(journal, Files.readString(journal)
        .replaceFirst(",\"inputs\":\\{[^}]*\\}", ""));
    assertThat(recordedInputs()).isEmpty();

    try (ControllerUnderTest second = new ControllerUnderTest(dir, runtime, clock)) {
      second.doAndAwait(() -> second.app.resumeOrStart(),
          event -> event.type().equals("InstancesObserved"));
      second.doAndAwait(() -> runtime.exitNow("tugboat-demo-job-job-1", 0),
          textStarting("app started"));
      assertThat(runtime.createdConfig("tugboat-demo-app-web-1").env())
          .containsEntry("GREETING", "bye");
      assertThat(second.log()).contains("WARN the journal of run "
          + journal.getFileName().toString().replace(".jsonl", "")
          + " does not record the spec and settings it started with (an older Tugboat started"
          + " it): it resumes with the spec and settings in use now");
    }
  }

  @Test
  void aRunWhoseKeptSpecIsLostIsNotResumedWithAnotherButReplacedByANewRun() throws Exception {
    String runId;
    try (ControllerUnderTest first = new ControllerUnderTest(dir, runtime, clock)) {
      first.doAndAwait(() -> first.app.start(), started("job/job"));
    }
    runId = onlyJournal().getFileName().toString().replace(".jsonl", "");
    Path kept = InputFiles.in(dir.resolve("state")).path(InputFiles.Kind.SPEC,
        InputFiles.digestOf(SPEC.getBytes()));
    Files.writeString(kept, SPEC.replace("hello", "changed behind our back"));
    clock.advance(Duration.ofSeconds(1));

    try (ControllerUnderTest second = new ControllerUnderTest(dir, runtime, clock)) {
      String oldRun = runId;
      ApiEvent started = second.doAndAwait(() -> second.app.resumeOrStart(),
          started("job/job").and(event -> !event.runId().equals(oldRun)));
      assertThat(JournalDirectory.open(dir.resolve("state"), 20, clock).latestRunId())
          .contains(started.runId());
      assertThat(second.log()).contains("cannot resume run " + runId + " from its journal: run "
          + runId + " cannot go on with the spec and settings it started with: " + kept
          + " is damaged: its bytes have digest sha256:");
    }
    assertThat(Files.readString(kept)).as("kept again, whole, by the new run").isEqualTo(SPEC);
  }

  @Test
  void aStartRemovesKeptFilesThatNoRunAndNoRollbackNames() throws Exception {
    Path inputs = dir.resolve("state/inputs");
    try (ControllerUnderTest daemon = new ControllerUnderTest(dir, runtime, clock)) {
      daemon.doAndAwait(() -> daemon.app.start(), started("job/job"));
      Path stray = Files.writeString(inputs.resolve("sha256-" + "0".repeat(64) + ".json"), "{}");
      daemon.app.setConfig(Map.of("greeting", "bye")).join();
      clock.advance(Duration.ofSeconds(1));
      daemon.doAndAwait(() -> daemon.app.restart(), started("job/job"));
      assertThat(stray).doesNotExist();
    }
    List<RunInputDigests> recorded = recordedInputs();
    try (var files = Files.list(inputs)) {
      assertThat(files.map(f -> "sha256:" + f.getFileName().toString()
          .replaceAll("^sha256-|\\.(yml|json)$", ""))).containsExactlyInAnyOrder(
              recorded.get(0).spec(), recorded.get(0).settings(), recorded.get(1).settings());
    }
  }

  private Path onlyJournal() throws IOException {
    try (var files = Files.list(dir.resolve("state/runs"))) {
      return files.filter(f -> f.toString().endsWith(".jsonl")).findFirst().orElseThrow();
    }
  }

  private static Predicate<ApiEvent> started(String container) {
    return event -> event.type().equals("ContainerStarted") && event.text().contains(container);
  }

  private List<RunInputDigests> recordedInputs() throws IOException {
    JournalDirectory journals = JournalDirectory.open(dir.resolve("state"), 20, clock);
    return journals.runIds().stream().flatMap(id -> {
      try {
        return RunInputPins.recorded(journals.read(id).entries()).stream();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).toList();
  }
}
