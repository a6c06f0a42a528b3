package dev.tugboat.daemon;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Says in the log that a thread ended on an exception nobody caught, where it was thrown: a
 * silently dead thread (a run's loop) leaves a status that no longer changes and looks true.
 */
final class DeadThreadLog implements Thread.UncaughtExceptionHandler {

  private static final int FRAMES = 8;

  private final DaemonLog log;

  DeadThreadLog(DaemonLog log) {
    this.log = log;
  }

  @Override
  public void uncaughtException(Thread thread, Throwable e) {
    String where = Arrays.stream(e.getStackTrace()).limit(FRAMES).map(String::valueOf)
        .collect(Collectors.joining(" < "));
    log.error("thread " + thread.getName() + " died: " + e + (where.isEmpty() ? "" : " at " + where)
        + "; this is a fault in Tugboat: please report it with this line");
  }
}
