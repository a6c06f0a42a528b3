package dev.tugboat.orchestrator;

import dev.tugboat.events.AppPhase;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.events.Decision;
import dev.tugboat.events.InstancePhase;
import dev.tugboat.events.ProbeOutcome;
import dev.tugboat.events.RunEvent;
import dev.tugboat.trigger.ObservedTriggers;
import dev.tugboat.trigger.Trigger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Events and their triggers: arming, answers, firing (first event wins), deadlines, ready check. */
final class ProbeRules {

  private ProbeRules() {}

  /** Asks the event's trigger: observed ones at once, probed ones through a probe. */
  static void arm(StateDraft d, PlannedEvent event) {
    EventState state = d.event(event.name());
    if (state.fired() || state.canNeverFire()) {
      return;
    }
    if (event.trigger().kind().isObserved()) {
      Trigger trigger = ObservedTriggers.of(event.trigger());
      List<ProbeOutcome> outcomes = d.instancesOf(event.publisher()).stream()
          .map(instance -> trigger.check(instance.observe()))
          .toList();
      answer(d, event, InstanceOutcomes.combine(event.trigger().kind(), outcomes));
    } else if (!state.probing()) {
      d.put(state.probing(true));
      d.decide(new Decision.Probe(event.name(), Duration.ZERO, event.publisher() + " started"));
    }
  }

  static void probeResult(StateDraft d, RunEvent.ProbeResult result) {
    PlannedEvent event = d.plan.event(result.event());
    EventState state = d.event(event.name());
    if (state.fired() || state.canNeverFire()) {
      return;
    }
    d.put(state.probing(false));
    answer(d, event, result.outcome());
  }

  private static void answer(StateDraft d, PlannedEvent event, ProbeOutcome outcome) {
    EventState state = d.event(event.name());
    if (d.stopRequested) {
      d.put(state.seen(outcome.lastSeen(), false));
      return; // a stopping run fires nothing
    }
    List<InstanceState> publishers = d.instancesOf(event.publisher());
    boolean running = publishers.stream().anyMatch(i -> i.phase() == InstancePhase.RUNNING);
    switch (outcome.status()) {
      case PASSED -> fire(d, event, outcome.lastSeen());
      case PENDING -> {
        boolean again = running && !d.stopRequested && !event.trigger().kind().isObserved()
            && (d.app == AppPhase.STARTING || d.app == AppPhase.STARTED);
        d.put(state.seen(outcome.lastSeen(), again));
        if (again) {
          d.decide(new Decision.Probe(event.name(), event.trigger().kind().probeInterval(),
              outcome.lastSeen()));
        }
      }
      case FAILED -> {
        // A publisher about to restart may still fire the event; one that stays down cannot.
        if (publishers.stream().anyMatch(i -> i.phase() == InstancePhase.RESTARTING)) {
          d.put(state.seen(outcome.lastSeen(), false));
        } else {
          d.put(state.seen(outcome.lastSeen(), false).never(outcome.lastSeen()));
        }
      }
    }
  }

  static void fire(StateDraft d, PlannedEvent event, String seen) {
    d.put(d.event(event.name()).fire(d.now, seen));
    List<InstanceState> publishers = d.instancesOf(event.publisher());
    Duration took = publishers.stream()
        .flatMap(instance -> instance.firstStartedAt().stream())
        .min(java.util.Comparator.naturalOrder())
        .map(start -> Duration.between(start, d.now))
        .orElse(Duration.ZERO);
    List<ContainerKey> starts = new ArrayList<>();
    for (ContainerKey subscriber : event.subscribers()) {
      if (d.mayLaunch() && waiting(d, subscriber)) {
        starts.add(subscriber);
      }
    }
    d.decide(new Decision.Fire(event.name(), event.publisher(), event.trigger().describe(), took,
        starts, seen));
    if (starts.isEmpty()) {
      return;
    }
    if (publishers.stream().anyMatch(ProbeRules::notStartedYet)) {
      // Its subscribers' templates may read every instance (ContainerExposedPortAll): they
      // launch once the publisher's other instances have started (SettleRules).
      d.put(d.event(event.name()).deferStarts(true));
      return;
    }
    launchSubscribers(d, event, "\"" + event.name() + "\" fired: " + seen);
  }

  /** The subscribers of a fired event that still wait, launched. */
  static void launchSubscribers(StateDraft d, PlannedEvent event, String cause) {
    for (ContainerKey subscriber : event.subscribers()) {
      if (d.mayLaunch() && waiting(d, subscriber)) {
        LaunchRules.launch(d, subscriber, event.name(), cause);
      }
    }
  }

  private static boolean waiting(StateDraft d, ContainerKey container) {
    return d.instancesOf(container).stream().anyMatch(i -> i.phase() == InstancePhase.WAITING);
  }

  /** An instance that is to run and has not started its first time yet. */
  static boolean notStartedYet(InstanceState instance) {
    return instance.phase() == InstancePhase.WAITING || instance.phase() == InstancePhase.CREATING;
  }

  static void deadline(StateDraft d, String name) {
    PlannedEvent event = d.plan.event(name);
    EventState state = d.event(name);
    if (state.fired() || state.canNeverFire() || d.app != AppPhase.STARTING || d.stopRequested) {
      return;
    }
    long seconds = event.timeout().orElseThrow().toSeconds();
    String seen = state.lastSeen().isEmpty() ? "nothing" : state.lastSeen();
    String message = "event " + event.describe() + " did not fire within " + seconds
        + " s; last seen: " + seen;
    d.put(state.never("it timed out after " + seconds + " s"));
    d.changeApp(AppPhase.FAILED, message, "the timeout of \"" + name + "\" ran out");
  }

  static void readyResult(StateDraft d, ProbeOutcome outcome) {
    if (d.ready != RunState.ReadyPhase.CHECKING || d.app != AppPhase.STARTING || d.stopRequested) {
      return;
    }
    d.readyLastSeen = outcome.lastSeen();
    if (outcome.isPassed()) {
      d.ready = RunState.ReadyPhase.PASSED;
      SettleRules.markStarted(d, "the ready check passed: " + outcome.lastSeen());
    } else {
      d.decide(new Decision.CheckReady(ReadyCheck.INTERVAL, outcome.lastSeen()));
    }
  }

  static void readyDeadline(StateDraft d) {
    if (d.ready != RunState.ReadyPhase.CHECKING || d.app != AppPhase.STARTING || d.stopRequested) {
      return;
    }
    ReadyCheck check = d.plan.ready().orElseThrow();
    String seen = d.readyLastSeen.isEmpty() ? "nothing" : d.readyLastSeen;
    d.changeApp(AppPhase.FAILED, "ready check " + check.description() + " did not pass within "
        + check.timeout().orElseThrow().toSeconds() + " s; last seen: " + seen,
        "the ready check's timeout ran out");
  }
}
