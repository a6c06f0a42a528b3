package dev.tugboat.orchestrator;

import dev.tugboat.events.EventBus;
import dev.tugboat.events.Journal;
import dev.tugboat.events.JournalEntry;
import dev.tugboat.events.RunEvent;
import dev.tugboat.events.RunInputDigests;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.trigger.ProbedTriggers;
import dev.tugboat.trigger.TcpConnector;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One run of an app: wires the bus, the loop, the executor and Docker's event stream, and gives
 * callers the status snapshot and a way to stop. {@link #start()} posts the start; {@link #runLoop()}
 * is the loop thread's body (or a test drives {@link #loop()} by hand).
 */
public final class Run implements AutoCloseable {

  /**
   * What a run needs; tests pass a direct executor, a hand-moved clock and scheduler. {@code
   * onStatus} sees each new status on the loop thread: it must return quickly and may only post.
   */
  public record Setup(
      String app,
      String runId,
      StartPlan plan,
      ContainerRuntime runtime,
      Launcher launcher,
      Clock clock,
      Journal journal,
      Executor workers,
      LoopScheduler scheduler,
      TcpConnector connector,
      Consumer<RunStatus> onStatus,
      Duration resyncPeriod,
      RunTiming timing) {

    public Setup {
      if (resyncPeriod.isNegative() || resyncPeriod.isZero()) {
        throw new IllegalArgumentException("resync period must be positive, got " + resyncPeriod);
      }
    }

    /** Tracing no instants. */
    public Setup(String app, String runId, StartPlan plan, ContainerRuntime runtime,
        Launcher launcher, Clock clock, Journal journal, Executor workers,
        LoopScheduler scheduler, TcpConnector connector, Consumer<RunStatus> onStatus,
        Duration resyncPeriod) {
      this(app, runId, plan, runtime, launcher, clock, journal, workers, scheduler, connector,
          onStatus, resyncPeriod, RunTiming.NONE);
    }

    /** Looking at Docker every {@link #DEFAULT_RESYNC_PERIOD}. */
    public Setup(String app, String runId, StartPlan plan, ContainerRuntime runtime,
        Launcher launcher, Clock clock, Journal journal, Executor workers,
        LoopScheduler scheduler, TcpConnector connector, Consumer<RunStatus> onStatus) {
      this(app, runId, plan, runtime, launcher, clock, journal, workers, scheduler, connector,
          onStatus, DEFAULT_RESYNC_PERIOD);
    }
  }

  /**
   * How often a run looks at every instance even when Docker's events say nothing: a container
   * removed or killed unseen is found within this long.
   */
  public static final Duration DEFAULT_RESYNC_PERIOD = Duration.ofSeconds(30);

  private final Setup setup;
  private final EventBus bus = new EventBus();
  private final RunLoop loop;
  private final RunConnection connection;
  private final PeriodicResync resync;

  public Run(Setup setup) {
    this.setup = setup;
    DecisionExecutor executor = new DecisionExecutor(setup.plan(), setup.runtime(), setup.workers(),
        setup.scheduler(), bus, setup.launcher(),
        new ProbedTriggers(setup.runtime(), setup.connector()), setup.timing());
    this.loop = new RunLoop(setup.app(), setup.runId(), setup.plan(), setup.clock(), bus,
        setup.journal(), executor, setup.onStatus(), setup.timing());
    this.connection = new RunConnection(setup, bus, loop::ended);
    this.resync = new PeriodicResync(setup, bus, loop::lastSequence, connection::reconnecting,
        loop::ended);
  }

  /**
   * Listens to Docker's events for this run's containers, then asks the loop to start: the start's
   * first decisions remove what earlier runs of the app left, journaled before they are done.
   */
  public void start() {
    start(null);
  }

  /** As {@link #start()}, its journal's start recording the spec and settings it runs with. */
  public void start(RunInputDigests inputs) {
    connection.listen();
    bus.post(new RunEvent.StartRequested(PreviousRuns.find(setup.runtime(), setup.app(),
        setup.runId()), inputs));
    resync.begin();
  }

  /**
   * Continues the run a journal holds, after the daemon restarted: rebuilds its state from {@code
   * entries} (acting on nothing), then listens to Docker again and posts what Docker holds of the
   * app, for the loop to converge on. If Docker does not answer, keeps trying with back-off.
   */
  public void resume(List<JournalEntry> entries) {
    loop.replay(entries);
    connection.lookAgain("Tugboat restarted");
    resync.begin();
  }

  /** Asks the loop to stop the app; safe from any thread, e.g. a signal handler. */
  public void requestStop(String reason) {
    bus.post(new RunEvent.StopRequested(reason));
  }

  /** The loop thread's body: returns once the run has ended. */
  public void runLoop() {
    loop.run();
  }

  public RunLoop loop() {
    return loop;
  }

  public RunStatus status() {
    return loop.status();
  }

  @Override
  public void close() {
    resync.close();
    connection.close();
    setup.scheduler().close();
  }
}
