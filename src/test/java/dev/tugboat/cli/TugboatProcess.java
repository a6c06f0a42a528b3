package dev.tugboat.cli;

import dev.tugboat.testing.BuiltJar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The built jar run as a user runs it: {@code java -jar tugboat.jar ARGS}, its stdout and stderr
 * collected line by line as they come. The jar's path comes from failsafe ({@code tugboat.jar}).
 */
final class TugboatProcess implements AutoCloseable {

  private final Process process;
  private final List<String> out = new ArrayList<>();
  private final List<String> err = new ArrayList<>();
  private final CompletableFuture<Void> outDone;
  private final CompletableFuture<Void> errDone;

  private TugboatProcess(Process process) {
    this.process = process;
    this.outDone = CompletableFuture.runAsync(() -> collect(process.getInputStream(), out));
    this.errDone = CompletableFuture.runAsync(() -> collect(process.getErrorStream(), err));
  }

  static TugboatProcess start(String... args) throws IOException {
    return startIn(null, args);
  }

  /** Started in {@code directory} (null: this process's), as an operator runs it there. */
  static TugboatProcess startIn(Path directory, String... args) throws IOException {
    String jar = BuiltJar.path();
    List<String> command = new ArrayList<>(List.of("java", "-jar", jar));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    return new TugboatProcess(builder.start());
  }

  private static void collect(java.io.InputStream stream, List<String> lines) {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // the process ended; what was read is kept
    }
  }

  /** Waits until a line of stdout matches; fails with everything printed so far if none does. */
  String awaitLine(Predicate<String> match, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (out) {
      while (true) {
        for (String line : out) {
          if (match.test(line)) {
            return line;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || (!process.isAlive() && outDone.isDone())) {
          throw new AssertionError("no matching line within " + timeout.toSeconds() + " s; stdout:\n"
              + String.join("\n", out) + "\nstderr:\n" + String.join("\n", errLines()));
        }
        out.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
    }
  }

  /** Waits for the exit (killing it after {@code timeout}) and returns its code. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("tugboat did not exit within " + timeout.toSeconds() + " s; stdout:\n"
          + String.join("\n", outLines()));
    }
    outDone.join();
    errDone.join();
    return process.exitValue();
  }

  /**
   * SIGTERM, as systemd would stop it. Through the process handle: {@link Process#destroy()} also
   * closes our ends of its output pipes, and the lines it prints while stopping would be lost.
   */
  void terminate() {
    process.toHandle().destroy();
  }

  /** SIGKILL, as {@code kill -9} or a crash: the daemon gets no chance to write anything more. */
  void kill() {
    process.toHandle().destroyForcibly();
  }

  /** {@link #kill()}, returning once the process is gone. */
  void killHard() throws InterruptedException {
    kill();
    process.waitFor();
  }

  long pid() {
    return process.pid();
  }

  List<String> outLines() {
    synchronized (out) {
      return List.copyOf(out);
    }
  }

  List<String> errLines() {
    synchronized (err) {
      return List.copyOf(err);
    }
  }

  String stdout() {
    return String.join("\n", outLines());
  }

  String stderr() {
    return String.join("\n", errLines());
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
