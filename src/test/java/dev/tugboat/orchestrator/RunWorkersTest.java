package dev.tugboat.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TransferQueue;
import org.junit.jupiter.api.Test;

class RunWorkersTest {

  @Test
  void shortTasksOneAfterAnotherReuseAnIdleThreadInsteadOfMakingOneEach() throws Exception {
    ExecutorService pool = RunWorkers.pool("test-worker");
    try {
      Set<Thread> used = ConcurrentHashMap.newKeySet();
      for (int i = 0; i < 200; i++) {
        CountDownLatch done = new CountDownLatch(1);
        pool.execute(() -> {
          used.add(Thread.currentThread());
          done.countDown();
        });
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        awaitIdle((ThreadPoolExecutor) pool);
      }
      assertThat(used).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void workThatWaitsGetsAThreadEachUpToTheBoundAndTheRestWaitsItsTurn() throws Exception {
    ExecutorService pool = RunWorkers.pool("test-worker");
    try {
      int tasks = RunWorkers.MAX_THREADS + 10;
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch started = new CountDownLatch(RunWorkers.MAX_THREADS);
      CountDownLatch finished = new CountDownLatch(tasks);
      for (int i = 0; i < tasks; i++) {
        pool.execute(() -> {
          started.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          finished.countDown();
        });
      }
      assertThat(started.await(10, TimeUnit.SECONDS)).as("as many as the bound run at once").isTrue();
      assertThat(((ThreadPoolExecutor) pool).getPoolSize()).isEqualTo(RunWorkers.MAX_THREADS);
      release.countDown();
      assertThat(finished.await(10, TimeUnit.SECONDS)).as("the 10 beyond ran in turn").isTrue();
    } finally {
      pool.shutdownNow();
    }
  }

  /** The thread that ran the last task is back waiting for the next one (polled, no clock). */
  private static void awaitIdle(ThreadPoolExecutor pool) throws InterruptedException {
    TransferQueue<Runnable> queue = (TransferQueue<Runnable>) pool.getQueue();
    for (int i = 0; i < 10_000 && !queue.hasWaitingConsumer(); i++) {
      Thread.sleep(1);
    }
    assertThat(queue.hasWaitingConsumer()).as("a thread waits for work").isTrue();
  }
}
