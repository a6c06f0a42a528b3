package dev.tugboat.orchestrator;

import dev.tugboat.events.Decision;
import dev.tugboat.events.InstancePhase;
import dev.tugboat.events.JournalEntry;
import dev.tugboat.events.JournalRecord;
import dev.tugboat.events.RunEvent;
import dev.tugboat.events.ObservedInstance;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Tells a run as it happens: one line per fact an operator cares about (created, started, event
 * fired and how long it took, completed or failed, app state), nothing for the loop's bookkeeping
 * (probes, timers). Pure; the command line prints its lines with their time.
 */
public final class RunNarrator {

  // Beyond this many, instances found at a restart are counted, not each named: one log line
  // must stay readable for an app of hundreds of containers.
  private static final int LISTED = 8;

  private RunNarrator() {}

  public static Optional<String> line(JournalEntry entry) {
    JournalRecord record = entry.record();
    if (record instanceof RunEvent.InstancesObserved observed) {
      return Optional.of(observed.reason() + ": found " + observed(observed.instances(),
          entry.runId()));
    }
    if (record instanceof RunEvent.InstancesResynced resynced) {
      // Journaled only when it found something new; the decisions after it say what.
      return Optional.of("looked at Docker again: found " + observed(resynced.instances(),
          entry.runId()));
    }
    if (record instanceof RunEvent event) {
      return event(event);
    }
    return decision((Decision) record);
  }

  private static Optional<String> event(RunEvent event) {
    if (event instanceof RunEvent.ContainerCreated e) {
      return Optional.of("created " + e.container() + " as " + e.name());
    } else if (event instanceof RunEvent.ContainerStarted e) {
      String ports = e.ports().stream().map(StatusView::port).collect(Collectors.joining(", "));
      String where = e.address().isEmpty() ? "" : " at " + e.address();
      return Optional.of("started " + e.container() + where + (ports.isEmpty() ? "" : " (" + ports
          + ")"));
    } else if (event instanceof RunEvent.LaunchFailed e) {
      return Optional.of("could not start " + e.container() + ": " + e.message());
    } else if (event instanceof RunEvent.StopRequested e) {
      return Optional.of("stop requested: " + e.reason());
    } else if (event instanceof RunEvent.RuntimeLost e) {
      return Optional.of("lost Docker's event stream: " + e.message()
          + "; container states are unknown until it answers again");
    }
    return Optional.empty();
  }

  private static Optional<String> decision(Decision decision) {
    if (decision instanceof Decision.Fire d) {
      String starts = d.starts().isEmpty() ? "" : "; starts " + d.starts().stream()
          .map(Object::toString).collect(Collectors.joining(", "));
      return Optional.of("event \"" + d.event() + "\" fired after " + SettleRules.seconds(d.took())
          + " (" + d.trigger() + " on " + d.publisher() + "): " + d.cause() + starts);
    } else if (decision instanceof Decision.Finished d) {
      return Optional.of(finished(d));
    } else if (decision instanceof Decision.Block d) {
      return Optional.of(d.container() + " blocked: " + d.cause());
    } else if (decision instanceof Decision.ChangeApp d) {
      return Optional.of("app " + d.phase().label() + appDetail(d));
    } else if (decision instanceof Decision.ScheduleRestart d) {
      return Optional.of(d.container() + " " + d.cause() + ": restarting in "
          + SettleRules.seconds(d.delay()));
    } else if (decision instanceof Decision.Stop d) {
      return Optional.of("stopping " + d.container() + " (SIGTERM, then SIGKILL after "
          + d.timeout().toSeconds() + " s)");
    } else if (decision instanceof Decision.RemoveInstance d) {
      return Optional.of("removed " + d.name() + ": " + d.cause());
    } else if (decision instanceof Decision.Launch d && d.cause().startsWith("launched again")) {
      return Optional.of(d.container() + " " + d.cause());
    } else if (decision instanceof Decision.EndRun d) {
      return Optional.of("run ended: " + d.phase().label());
    }
    return Optional.empty();
  }

  private static String observed(List<ObservedInstance> instances, String runId) {
    if (instances.isEmpty()) {
      return "no instance of the app";
    }
    if (instances.size() <= LISTED) {
      return instances.stream().map(i -> describe(i, runId)).collect(Collectors.joining(", "));
    }
    // An app of hundreds of containers: the counts, then only what is out of the ordinary.
    Map<String, Long> counts = instances.stream().collect(Collectors.groupingBy(
        RunNarrator::status, TreeMap::new, Collectors.counting()));
    List<String> unusual = instances.stream()
        .filter(i -> i.status() != ObservedInstance.Status.RUNNING || !i.runId().equals(runId))
        .map(i -> describe(i, runId)).toList();
    String summary = instances.size() + " instances: " + counts.entrySet().stream()
        .map(c -> c.getValue() + " " + c.getKey()).collect(Collectors.joining(", "));
    if (unusual.isEmpty()) {
      return summary;
    }
    String listed = String.join(", ", unusual.subList(0, Math.min(LISTED, unusual.size())));
    return summary + "; " + listed
        + (unusual.size() > LISTED ? " and " + (unusual.size() - LISTED) + " more" : "");
  }

  private static String describe(ObservedInstance i, String runId) {
    return i.container() + " " + status(i)
        + (i.status() == ObservedInstance.Status.EXITED ? " (exit " + i.exitCode() + ")" : "")
        + (i.runId().equals(runId) ? "" : " [of run " + i.runId() + "]");
  }

  private static String status(ObservedInstance i) {
    return i.status().name().toLowerCase(Locale.ROOT);
  }

  private static String appDetail(Decision.ChangeApp d) {
    String message = d.message();
    if (message.equals(d.phase().label())) {
      return "";
    }
    return message.startsWith("started ") ? message.substring("started".length()) : ": " + message;
  }

  private static String finished(Decision.Finished d) {
    String exit = d.exitCode() >= 0 ? "exit " + d.exitCode() : "";
    if (d.phase() == InstancePhase.STOPPED) {
      return d.container() + " stopped" + (exit.isEmpty() ? "" : " (" + exit + ")");
    }
    String ran = d.ran().isZero() ? "" : ", " + SettleRules.seconds(d.ran());
    if (exit.isEmpty()) {
      return d.container() + " " + d.phase().label() + ": " + d.cause();
    }
    return d.container() + " " + d.phase().label() + " (" + exit + ran + ")";
  }
}
