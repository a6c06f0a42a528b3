package dev.tugboat.cli;

import java.util.function.IntSupplier;

/**
 * Ctrl-C and SIGTERM: ask the run to stop in reverse order and wait for it, then end the process
 * with the run's own exit code. The JVM runs shutdown hooks on those signals; a hook cannot let
 * {@code main} return, so it ends the process itself with {@link Runtime#halt}, after the output
 * was flushed.
 */
final class RunSignals {

  private final Thread hook;

  RunSignals(Runnable requestStop, Thread loop, IntSupplier exitCode, Runnable summary) {
    this.hook = new Thread(() -> {
      requestStop.run();
      try {
        loop.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      summary.run();
      System.out.flush();
      System.err.flush();
      Runtime.getRuntime().halt(exitCode.getAsInt());
    }, "tugboat-stop");
  }

  void install() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** The run ended by itself: a later exit must not wait for it again. */
  void uninstall() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook runs and ends the process
    }
  }
}
