package dev.tugboat.api;

import io.netty.util.ResourceLeakDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Netty's leak detector, keeping what it reports so a test can fail on it ({@link NoBufferLeaks}).
 * Netty makes its detectors itself, by name, from the system property {@code
 * io.netty.customResourceLeakDetector} (set for the unit tests in the pom), before any test runs:
 * hence the reports are kept where any instance can reach them.
 */
public final class RecordingLeakDetector<T> extends ResourceLeakDetector<T> {

  private static final Queue<String> LEAKS = new ConcurrentLinkedQueue<>();
  private static final AtomicInteger MADE = new AtomicInteger();

  public RecordingLeakDetector(Class<?> resourceType, int samplingInterval) {
    super(resourceType, samplingInterval);
    MADE.incrementAndGet();
  }

  // Netty looks for this older constructor first and logs an error with a stack trace when it is
  // missing (then uses the one above): having it keeps the test log clean.
  public RecordingLeakDetector(Class<?> resourceType, int samplingInterval, long maxActive) {
    this(resourceType, samplingInterval);
  }

  /** Whether Netty made any detector of this class: false when the system property is missing. */
  static boolean inUse() {
    return MADE.get() > 0;
  }

  /** The leaks reported since the last call. */
  static List<String> takeLeaks() {
    List<String> leaks = new ArrayList<>();
    for (String leak; (leak = LEAKS.poll()) != null; ) {
      leaks.add(leak);
    }
    return leaks;
  }

  @Override
  protected boolean needReport() {
    return true;
  }

  @Override
  protected void reportTracedLeak(String resourceType, String records) {
    LEAKS.add(resourceType + ".release() was not called before it was garbage-collected."
        + records);
    super.reportTracedLeak(resourceType, records);
  }

  @Override
  protected void reportUntracedLeak(String resourceType) {
    LEAKS.add(resourceType + ".release() was not called before it was garbage-collected"
        + " (not traced)");
    super.reportUntracedLeak(resourceType);
  }
}
