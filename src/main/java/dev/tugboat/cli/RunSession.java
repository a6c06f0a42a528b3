package dev.tugboat.cli;

import dev.tugboat.events.AppPhase;
import dev.tugboat.events.InMemoryJournal;
import dev.tugboat.orchestrator.Launcher;
import dev.tugboat.orchestrator.Run;
import dev.tugboat.orchestrator.RunStatus;
import dev.tugboat.orchestrator.RunTiming;
import dev.tugboat.orchestrator.RunWorkers;
import dev.tugboat.orchestrator.StartPlan;
import dev.tugboat.orchestrator.SystemScheduler;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.trigger.TcpConnector;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One foreground run: the loop on its own thread, Docker calls on a small pool, output as it
 * happens, stop on a signal, on failure, or (if asked) once the app has started. Exit code 0 when
 * the app reached started and was stopped on request; 1 when it failed.
 */
final class RunSession {

  private final RunConsole console;
  private final boolean stopAfterStart;
  private final AtomicBoolean reachedStarted = new AtomicBoolean();
  private final AtomicBoolean stopAsked = new AtomicBoolean();
  private final AtomicBoolean signalled = new AtomicBoolean();
  private Run run;

  RunSession(RunConsole console, boolean stopAfterStart) {
    this.console = console;
    this.stopAfterStart = stopAfterStart;
  }

  int run(String app, String runId, StartPlan plan, ContainerRuntime runtime, Launcher launcher)
      throws InterruptedException {
    ExecutorService workers = RunWorkers.pool("tugboat-worker");
    run = new Run(new Run.Setup(app, runId, plan, runtime, launcher, Clock.systemUTC(),
        new InMemoryJournal(console::say), workers, new SystemScheduler(),
        TcpConnector.sockets(), this::onStatus, Run.DEFAULT_RESYNC_PERIOD,
        RunTiming.fromSystemProperty()));
    Thread loop = new Thread(run::runLoop, "tugboat-loop");
    RunSignals signals = new RunSignals(() -> {
      signalled.set(true);
      stop("interrupted");
    }, loop, this::exitCode, () -> console.summary(run.status()));
    signals.install();
    loop.start();
    run.start();
    loop.join();
    if (signalled.get()) {
      Thread.currentThread().join(); // the signal's hook prints the summary and ends the process
    }
    signals.uninstall();
    run.close();
    workers.shutdownNow();
    console.summary(run.status());
    return exitCode();
  }

  /** Called on the loop thread after each event: may only post. */
  private void onStatus(RunStatus status) {
    if (status.state() == AppPhase.STARTED) {
      reachedStarted.set(true);
      if (stopAfterStart) {
        stop("the app started and --stop-after-start was given");
      }
    } else if (status.state() == AppPhase.FAILED) {
      stop("the app failed");
    }
  }

  private void stop(String reason) {
    if (stopAsked.compareAndSet(false, true)) {
      run.requestStop(reason);
    }
  }

  private int exitCode() {
    RunStatus status = run.status();
    return status.state() != AppPhase.FAILED && reachedStarted.get() ? 0 : 1;
  }
}
