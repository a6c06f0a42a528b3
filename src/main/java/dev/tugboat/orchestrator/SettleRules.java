package dev.tugboat.orchestrator;

import dev.tugboat.events.AppPhase;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.events.Decision;
import dev.tugboat.events.InstancePhase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs after every event and converges: events whose publisher is down for good can never fire;
 * containers whose every starter can never fire are blocked (with the reason); once every
 * container has settled the ready check starts; during a stop, the cascade continues.
 */
final class SettleRules {

  private SettleRules() {}

  static void settle(StateDraft d) {
    if (d.stopRequested) {
      StopRules.cascade(d);
      return;
    }
    if (d.app == AppPhase.STOPPED) {
      return;
    }
    boolean changed = true;
    while (changed) {
      changed = markUnfireable(d) | block(d);
    }
    launchDeferred(d);
    if (d.app == AppPhase.STARTING && d.ready == RunState.ReadyPhase.NOT_YET && allSettled(d)) {
      beginReady(d);
    }
  }

  private static boolean markUnfireable(StateDraft d) {
    boolean changed = false;
    for (PlannedEvent event : d.plan.events()) {
      EventState state = d.event(event.name());
      if (state.fired() || state.canNeverFire()) {
        continue;
      }
      String reason = publisherDownReason(d.instancesOf(event.publisher()));
      if (reason != null) {
        d.put(state.never(reason));
        changed = true;
      }
    }
    return changed;
  }

  /** Why no instance of the publisher can fire an event any more; null while one still may. */
  private static String publisherDownReason(List<InstanceState> publishers) {
    List<String> reasons = new ArrayList<>();
    for (InstanceState publisher : publishers) {
      String reason = publisherDownReason(publisher);
      if (reason == null) {
        return null;
      }
      reasons.add(reason);
    }
    return reasons.stream().distinct().collect(java.util.stream.Collectors.joining("; "));
  }

  private static String publisherDownReason(InstanceState publisher) {
    return switch (publisher.phase()) {
      case SKIPPED -> publisher.key() + " is skipped (when is false)";
      case BLOCKED -> publisher.key() + " is blocked";
      case COMPLETED, STOPPED -> publisher.key() + " stopped"
          + publisher.exitCode().stream().mapToObj(c -> " (exit " + c + ")").findFirst().orElse("")
          + " before the event fired";
      case FAILED -> publisher.key() + " failed"
          + publisher.exitCode().stream().mapToObj(c -> " (exit " + c + ")").findFirst().orElse("")
          + " before the event fired";
      default -> null;
    };
  }

  private static boolean block(StateDraft d) {
    boolean changed = false;
    for (PlannedContainer container : d.plan.containers()) {
      List<InstanceState> waiting = d.instancesOf(container.key()).stream()
          .filter(instance -> instance.phase() == InstancePhase.WAITING)
          .toList();
      List<PlannedEvent> starters = d.plan.startersOf(container.key());
      if (waiting.isEmpty() || starters.isEmpty()) {
        continue;
      }
      if (starters.stream().allMatch(e -> d.event(e.name()).canNeverFire())) {
        List<String> reasons = new ArrayList<>();
        starters.forEach(e -> reasons.add("\"" + e.name() + "\" can never fire: "
            + d.event(e.name()).neverReason()));
        String reason = String.join("; ", reasons);
        waiting.forEach(instance -> d.put(instance.withPhase(InstancePhase.BLOCKED, reason)));
        d.decide(new Decision.Block(container.key(), reason));
        if (!onlySkipped(d, container.key()) && d.app == AppPhase.STARTING) {
          d.changeApp(AppPhase.FAILED, container.key() + " can never start: " + reason,
              container.key() + " is blocked");
        }
        changed = true;
      }
    }
    return changed;
  }

  /** Blocked only because `when` skipped what would start it: the vendor's choice, not a failure. */
  static boolean onlySkipped(StateDraft d, ContainerKey key) {
    for (PlannedEvent starter : d.plan.startersOf(key)) {
      boolean skipped = d.instancesOf(starter.publisher()).stream().allMatch(publisher ->
          publisher.phase() == InstancePhase.SKIPPED
          || (publisher.phase() == InstancePhase.BLOCKED && onlySkipped(d, publisher.key())));
      if (!skipped) {
        return false;
      }
    }
    return true;
  }

  private static boolean allSettled(StateDraft d) {
    for (PlannedContainer container : d.plan.containers()) {
      // An ephemeral container with several instances has completed when every one has.
      for (InstanceState instance : d.instancesOf(container.key())) {
        boolean settled = switch (instance.phase()) {
          case RUNNING -> !container.ephemeral();
          case COMPLETED, FAILED, SKIPPED, BLOCKED -> true;
          default -> false;
        };
        if (!settled) {
          return false;
        }
      }
    }
    return true;
  }

  /** Subscribers of events that fired before every instance of their publisher had started. */
  private static void launchDeferred(StateDraft d) {
    for (PlannedEvent event : d.plan.events()) {
      EventState state = d.event(event.name());
      if (!state.startsDeferred()
          || d.instancesOf(event.publisher()).stream().anyMatch(ProbeRules::notStartedYet)) {
        continue;
      }
      d.put(state.deferStarts(false));
      ProbeRules.launchSubscribers(d, event, "\"" + event.name() + "\" fired and every instance of "
          + event.publisher() + " has started");
    }
  }

  private static void beginReady(StateDraft d) {
    if (d.plan.ready().isEmpty()) {
      d.ready = RunState.ReadyPhase.PASSED;
      markStarted(d, "every container has started and there is no ready check");
      return;
    }
    ReadyCheck check = d.plan.ready().get();
    d.ready = RunState.ReadyPhase.CHECKING;
    check.timeout().ifPresent(timeout -> {
      d.readyDeadlineAt = Optional.of(d.now.plus(timeout));
      d.decide(new Decision.ScheduleReadyDeadline(timeout, "the ready check may take "
          + timeout.toSeconds() + " s"));
    });
    d.decide(new Decision.CheckReady(Duration.ZERO, "every container has started"));
  }

  static void markStarted(StateDraft d, String cause) {
    Duration took = d.startedAt.map(at -> Duration.between(at, d.now)).orElse(Duration.ZERO);
    StringBuilder message = new StringBuilder("started in ").append(seconds(took));
    long failed = d.instances.values().stream()
        .filter(i -> i.phase() == InstancePhase.FAILED).count();
    long blocked = d.instances.values().stream()
        .filter(i -> i.phase() == InstancePhase.BLOCKED).count();
    if (failed > 0) {
      message.append("; ").append(failed).append(" ephemeral container").append(failed > 1 ? "s" : "")
          .append(" failed");
    }
    if (blocked > 0) {
      message.append("; ").append(blocked).append(" container").append(blocked > 1 ? "s" : "")
          .append(" blocked");
    }
    d.changeApp(AppPhase.STARTED, message.toString(), cause);
  }

  static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}
