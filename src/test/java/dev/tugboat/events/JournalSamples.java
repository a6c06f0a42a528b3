package dev.tugboat.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One sample of every record the journal holds, with every field set (no defaults, so a field the
 * codec drops shows). Adding a RunEvent or Decision record means adding its sample here;
 * {@link JournalCodecTest} fails until then.
 */
final class JournalSamples {

  static final ContainerKey DB = ContainerKey.parse("db/postgres");
  static final ContainerKey APP = ContainerKey.parse("app/web");
  static final Instant AT = Instant.parse("2026-11-22T02:30:00.123456789Z");

  private JournalSamples() {}

  static List<RunEvent> events() {
    return List.of(
        new RunEvent.StartRequested(List.of(
            new PreviousInstance("20261122-023512-9f3a", "77de01", "tugboat-old-web"))),
        new RunEvent.StopRequested("operator asked: tugboat stop"),
        new RunEvent.ContainerCreated(DB, "4f2a9c", "tugboat-db-postgres"),
        new RunEvent.ContainerStarted(DB, "4f2a9c", AT, "172.17.0.2",
            List.of(new BoundPort(5432, "tcp", "0.0.0.0", 15432), new BoundPort(53, "udp", "", 0))),
        new RunEvent.ContainerExited("4f2a9c", 137, AT),
        new RunEvent.ContainerHealthChanged("4f2a9c", "unhealthy"),
        new RunEvent.LaunchFailed(APP, "image tugboat-test/web:1 not found\nbuild it first"),
        new RunEvent.StopCompleted(APP, "did not stop in 10s; killed"),
        new RunEvent.StopTimedOut(APP, "c0ffee"),
        new RunEvent.OutputCaptured(APP, List.of("line one", "ünïcode \"quoted\"", "")),
        new RunEvent.ProbeResult("pg-up", ProbeOutcome.pending("172.17.0.2:5432 refused")),
        new RunEvent.EventDeadlinePassed("pg-up"),
        new RunEvent.RestartDue(APP),
        new RunEvent.ReadyCheckResult(ProbeOutcome.failed("exit 1")),
        new RunEvent.ReadyDeadlinePassed(),
        new RunEvent.RuntimeLost("event stream closed: connection reset"),
        new RunEvent.InstancesObserved(true, "the daemon restarted", List.of(
            new ObservedInstance("20261122-023512-9f3a", DB, "4f2a9c", "tugboat-db-postgres",
                ObservedInstance.Status.EXITED, AT, AT.plusSeconds(3), 137, "172.17.0.2",
                List.of(new BoundPort(5432, "tcp", "0.0.0.0", 15432)), "unhealthy"),
            new ObservedInstance("20261122-023512-9f3a", APP, "9bc1", "tugboat-app-web",
                ObservedInstance.Status.CREATED, null, null, 0, null, List.of(), null))),
        new RunEvent.ContainerRemoved("4f2a9c"),
        new RunEvent.InstancesResynced(41, List.of(
            new ObservedInstance("20261122-023512-9f3a", DB, "4f2a9c", "tugboat-db-postgres",
                ObservedInstance.Status.RUNNING, AT, null, -1, "172.17.0.2",
                List.of(new BoundPort(5432, "tcp", "0.0.0.0", 15432)), "healthy"))));
  }

  static List<Decision> decisions() {
    return List.of(
        new Decision.Launch(DB, "no event subscribes to it"),
        new Decision.Restart(APP, 3, "restart policy always"),
        new Decision.ScheduleRestart(APP, Duration.ofMillis(50), "back off"),
        new Decision.Stop(APP, Duration.ofSeconds(10), "stop requested"),
        new Decision.Probe("pg-up", Duration.ofNanos(1), "check again"),
        new Decision.ScheduleDeadline("pg-up", Duration.ofMinutes(5), "event timeout"),
        new Decision.CaptureOutput(APP, "9bc1", "it failed"),
        new Decision.CheckReady(Duration.ZERO, "all started"),
        new Decision.ScheduleReadyDeadline(Duration.ofSeconds(600), "ready timeout"),
        new Decision.Fire("pg-up", DB, "port-listen 5432", Duration.ofMillis(1200),
            List.of(APP, DB), "port answered"),
        new Decision.Finished(APP, InstancePhase.FAILED, 2, Duration.ofSeconds(61), true, "exit 2"),
        new Decision.Block(APP, "pg-up can never fire"),
        new Decision.ChangeApp(AppPhase.STARTED, "all started", "ready passed"),
        new Decision.EndRun(AppPhase.STOPPED, "stopped", "nothing live"),
        new Decision.RemoveInstance("77de01", "tugboat-old-web", "no decision accounts for it"));
  }

  static Map<Class<?>, JournalRecord> byClass() {
    return Stream.concat(events().stream(), decisions().stream())
        .collect(Collectors.toMap(Object::getClass, Function.identity()));
  }

  /** The samples as entries numbered from 1, in the given run. */
  static List<JournalEntry> entries(String runId) {
    List<JournalRecord> records =
        Stream.concat(events().stream(), decisions().stream()).map(r -> (JournalRecord) r).toList();
    return java.util.stream.IntStream.range(0, records.size())
        .mapToObj(i -> new JournalEntry(i + 1, AT.plusMillis(i), runId, i == 0 ? 0 : 1,
            "cause " + (i + 1), records.get(i)))
        .toList();
  }
}
