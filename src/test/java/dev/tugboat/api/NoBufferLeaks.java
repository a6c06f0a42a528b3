package dev.tugboat.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test after which Netty reports a buffer that was never released. Every buffer is tracked
 * (paranoid level); a leak shows when the buffer is garbage-collected and the detector next looks,
 * which is at the next allocation: so after each test this collects garbage and allocates until
 * the detector has looked.
 */
public final class NoBufferLeaks implements BeforeAllCallback, AfterEachCallback {

  private static final int ROUNDS = 3;

  @Override
  public void beforeAll(ExtensionContext context) {
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    provokeReports();
    assertThat(RecordingLeakDetector.inUse())
        .as("Netty's leak detector is RecordingLeakDetector: run the tests with"
            + " -Dio.netty.customResourceLeakDetector=" + RecordingLeakDetector.class.getName())
        .isTrue();
    // leaks of tests run before this class are theirs
    RecordingLeakDetector.takeLeaks();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    provokeReports();
    assertThat(RecordingLeakDetector.takeLeaks()).as("Netty buffers leaked").isEmpty();
  }

  private static void provokeReports() {
    for (int i = 0; i < ROUNDS; i++) {
      System.gc();
      for (int j = 0; j < 16; j++) {
        ByteBuf probe = PooledByteBufAllocator.DEFAULT.buffer(8);
        probe.release();
      }
    }
  }
}
