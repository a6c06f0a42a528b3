package dev.tugboat.api;

import static org.awaitility.Awaitility.await;

import dev.tugboat.testing.BuiltJar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * {@code java -jar tugboat.jar serve --config FILE} as an operator runs it (the jar's path comes
 * from failsafe's {@code tugboat.jar}), its output kept for failure messages.
 */
final class DaemonProcess implements AutoCloseable {

  private final Process process;
  private final List<String> output = new CopyOnWriteArrayList<>();

  private DaemonProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(() -> collect(process.getInputStream()), "tugboat-serve-output");
    reader.setDaemon(true);
    reader.start();
  }

  static DaemonProcess serve(Path config) throws IOException {
    String jar = BuiltJar.path();
    return new DaemonProcess(new ProcessBuilder("java", "-jar", jar, "serve", "--config",
        config.toString()).redirectErrorStream(true).start());
  }

  private void collect(InputStream stream) {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        output.add(line);
      }
    } catch (IOException e) {
      output.add("(output ended: " + e.getMessage() + ")");
    }
  }

  /** Waits until the daemon printed a line containing {@code text}; fails with its output. */
  void awaitOutput(String text, Duration timeout) {
    try {
      await().atMost(timeout).pollInterval(Duration.ofMillis(100))
          .until(() -> output.stream().anyMatch(line -> line.contains(text)) || !process.isAlive());
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("tugboat serve did not print \"" + text + "\" within "
          + timeout.toSeconds() + " s; its output:\n" + output(), e);
    }
    if (output.stream().noneMatch(line -> line.contains(text))) {
      throw new AssertionError("tugboat serve exited before printing \"" + text
          + "\"; its output:\n" + output());
    }
  }

  String output() {
    return String.join("\n", output);
  }

  /** SIGTERM, then a kill if it has not ended within 30 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
