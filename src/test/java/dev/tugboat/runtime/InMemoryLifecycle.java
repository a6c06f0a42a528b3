package dev.tugboat.runtime;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What happens to an {@link InMemoryContainer} as its script plays: start, scripted steps, death;
 * each change is recorded in the history and published as the engine would. Called with the
 * {@link InMemoryRuntime}'s lock held.
 */
final class InMemoryLifecycle {
  static final int EXIT_SIGKILL = 137;

  private final Clock clock;
  private final InMemoryStreams streams;
  private final InMemoryHistory history;

  InMemoryLifecycle(Clock clock, InMemoryStreams streams, InMemoryHistory history) {
    this.clock = clock;
    this.streams = streams;
    this.history = history;
  }

  /** Runs it and schedules its script's steps from now. */
  void start(InMemoryContainer c) {
    c.state = ContainerState.RUNNING;
    c.startedAt = Optional.of(now());
    c.health = c.script.steps.stream().anyMatch(s -> s instanceof ContainerScript.Health)
        ? HealthStatus.STARTING : HealthStatus.NONE;
    for (ContainerScript.Step step : c.script.steps) {
      c.pending.add(new InMemoryContainer.Scheduled(now().plus(step.after()), step));
    }
    streams.publish(new RuntimeEvent.Started(now(), c.asEventContainer()));
  }

  void apply(InMemoryContainer c, ContainerScript.Step step) {
    if (c.state != ContainerState.RUNNING) {
      return;
    }
    if (step instanceof ContainerScript.Exit exit) {
      die(c, exit.exitCode());
    } else if (step instanceof ContainerScript.OpenPort open) {
      c.listening.add(open.port());
      history.add("port-open " + c.name + " " + open.port());
    } else if (step instanceof ContainerScript.Log log) {
      writeLine(c, log.line());
    } else if (step instanceof ContainerScript.Health health) {
      c.health = health.status();
      history.add("health " + c.name + " " + health.status().name().toLowerCase(Locale.ROOT));
      streams.publish(new RuntimeEvent.HealthChanged(now(), c.asEventContainer(), c.health));
    } else if (step instanceof ContainerScript.OutOfMemory) {
      c.oomKilled = true;
      history.add("oom " + c.name);
      streams.publish(new RuntimeEvent.OutOfMemory(now(), c.asEventContainer()));
      die(c, EXIT_SIGKILL);
    }
  }

  private void writeLine(InMemoryContainer c, LogLine line) {
    c.output.add(line);
    history.add("log " + c.name + " " + line.text());
    streams.logLine(c.id, line);
  }

  void die(InMemoryContainer c, int exitCode) {
    c.state = ContainerState.EXITED;
    c.exitCode = OptionalInt.of(exitCode);
    c.finishedAt = Optional.of(now());
    c.listening.clear();
    c.pending.clear();
    history.add("exit " + c.name + " " + exitCode);
    streams.publish(new RuntimeEvent.Died(now(), c.asEventContainer(), exitCode));
    streams.endLogs(c.id, new StreamEnd.EndedByEngine());
  }

  private Instant now() {
    return clock.instant();
  }

  static ExecResult bounded(ExecResult result, int maxBytes) {
    byte[] bytes = result.output().getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= maxBytes) {
      return result;
    }
    String cut = new String(bytes, 0, maxBytes, StandardCharsets.UTF_8);
    return new ExecResult(result.exitCode(), cut, true);
  }
}
