package dev.tugboat.orchestrator;

import dev.tugboat.events.ContainerKey;
import java.io.PrintStream;
import java.time.Instant;

/** {@link RunTiming} as lines a benchmark script reads; any thread. */
final class PrintedTiming implements RunTiming {

  private final PrintStream out;

  PrintedTiming(PrintStream out) {
    this.out = out;
  }

  @Override
  public void dieReceived(String containerId, Instant engineTime) {
    line("die-received", containerId + " engine=" + micros(engineTime));
  }

  @Override
  public void exitHandled(String containerId) {
    line("exit-handled", containerId);
  }

  @Override
  public void exitDecided(String containerId) {
    line("exit-decided", containerId);
  }

  @Override
  public void launchPerformed(ContainerKey key) {
    line("launch", key.toString());
  }

  @Override
  public void createSent(ContainerKey key) {
    line("create-sent", key.toString());
  }

  @Override
  public void createAnswered(ContainerKey key) {
    line("create-answered", key.toString());
  }

  @Override
  public void probePassed(ContainerKey publisher) {
    line("probe-passed", publisher.toString());
  }

  private void line(String what, String subject) {
    long now = micros(Instant.now());
    synchronized (out) {
      out.println("timing " + now + " " + what + " " + subject);
      out.flush();
    }
  }

  private static long micros(Instant at) {
    return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
  }
}
