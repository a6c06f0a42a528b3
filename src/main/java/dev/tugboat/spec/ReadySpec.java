package dev.tugboat.spec;

import java.util.List;

/**
 * {@code state.ready}: a check polled after every container started. {@code timeoutSeconds} as
 * written, 600 when absent; 0 also means 600 and -1 forever.
 */
public record ReadySpec(String command, List<String> args, int timeoutSeconds) {
  public ReadySpec {
    args = List.copyOf(args);
  }
}
