package dev.tugboat.daemon;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The daemon's executors: named daemon threads, so they never keep the process alive on exit. */
final class DaemonThreads {

  private DaemonThreads() {}

  static ExecutorService single(String name) {
    return Executors.newSingleThreadExecutor(task -> thread(task, name));
  }

  static ExecutorService pool(String name, int threads) {
    return Executors.newFixedThreadPool(threads, task -> thread(task, name));
  }

  static java.util.concurrent.ScheduledExecutorService timer(String name) {
    return Executors.newSingleThreadScheduledExecutor(task -> thread(task, name));
  }

  private static Thread thread(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }
}
