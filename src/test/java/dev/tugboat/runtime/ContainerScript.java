package dev.tugboat.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * How a scripted container behaves once started, in virtual time from its start. Unscripted
 * containers run until stopped, open no port, write nothing.
 */
public final class ContainerScript {
  /** Something that happens {@code after} the container started. */
  sealed interface Step {
    Duration after();
  }

  record Exit(Duration after, int exitCode) implements Step {}

  record OpenPort(Duration after, int port) implements Step {}

  record Log(Duration after, LogLine line) implements Step {}

  record Health(Duration after, HealthStatus status) implements Step {}

  record OutOfMemory(Duration after) implements Step {}

  /** Exec answer for a command, from {@code after} on (the latest one due wins). */
  record ExecAnswer(List<String> cmd, Duration after, ExecResult result) {}

  final Predicate<ContainerConfig> matcher;
  final List<Step> steps = new ArrayList<>();
  final List<ExecAnswer> execAnswers = new ArrayList<>();
  Optional<RuntimeFailure> createFailure = Optional.empty();
  Optional<RuntimeFailure> startFailure = Optional.empty();
  /** How many more starts fail with {@link #startFailure}; negative: every one. */
  int startFailuresLeft = -1;
  Optional<RuntimeFailure> lateStartAnswer = Optional.empty();
  int lateStartAnswersLeft;
  boolean ignoresSigterm;

  ContainerScript(Predicate<ContainerConfig> matcher) {
    this.matcher = matcher;
  }

  public ContainerScript exitsAfter(Duration after, int exitCode) {
    steps.add(new Exit(after, exitCode));
    return this;
  }

  public ContainerScript opensPortAfter(int port, Duration after) {
    steps.add(new OpenPort(after, port));
    return this;
  }

  public ContainerScript logsAfter(Duration after, String line) {
    steps.add(new Log(after, LogLine.stdout(line)));
    return this;
  }

  public ContainerScript healthAfter(Duration after, HealthStatus status) {
    steps.add(new Health(after, status));
    return this;
  }

  /** The kernel kills it for lack of memory: an OOM event, then death with 137. */
  public ContainerScript runsOutOfMemoryAfter(Duration after) {
    steps.add(new OutOfMemory(after));
    return this;
  }

  public ContainerScript execAnswers(List<String> cmd, ExecResult result) {
    return execAnswersAfter(cmd, Duration.ZERO, result);
  }

  public ContainerScript execAnswersAfter(List<String> cmd, Duration after, ExecResult result) {
    execAnswers.add(new ExecAnswer(List.copyOf(cmd), after, result));
    return this;
  }

  public ContainerScript failsToCreate(RuntimeFailure failure) {
    createFailure = Optional.of(failure);
    return this;
  }

  public ContainerScript failsToStart(RuntimeFailure failure) {
    startFailure = Optional.of(failure);
    return this;
  }

  /** The first {@code times} starts fail (as an engine too busy to answer in time), later ones not. */
  public ContainerScript failsToStart(RuntimeFailure failure, int times) {
    startFailure = Optional.of(failure);
    startFailuresLeft = times;
    return this;
  }

  /**
   * The first {@code times} starts are carried out but answered with {@code failure}: an engine so
   * busy that its answer came after the caller's deadline.
   */
  public ContainerScript startsButAnswersLate(RuntimeFailure failure, int times) {
    lateStartAnswer = Optional.of(failure);
    lateStartAnswersLeft = times;
    return this;
  }

  /** Stop waits out the timeout and kills it (exit 137), like busybox httpd as PID 1. */
  public ContainerScript ignoresSigterm() {
    ignoresSigterm = true;
    return this;
  }

  Optional<ExecResult> execAnswer(List<String> cmd, Duration sinceStart) {
    ExecAnswer chosen = null;
    for (ExecAnswer answer : execAnswers) {
      if (answer.cmd().equals(cmd) && answer.after().compareTo(sinceStart) <= 0
          && (chosen == null || answer.after().compareTo(chosen.after()) >= 0)) {
        chosen = answer;
      }
    }
    return Optional.ofNullable(chosen).map(ExecAnswer::result);
  }
}
