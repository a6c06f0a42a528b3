package dev.tugboat.spec;

import java.util.List;

/**
 * {@code state.ready}: a check polled after every container started. {@code timeoutSeconds} as
 * written, 600 when absent; 0 also means 600 and -1 forever.
 */
public record ReadySpec(String command, List<String> args, int timeoutSeconds) {
  /** The ready commands Replicated has. */
  public static final List<String> COMMANDS = List.of("http_status_code", "tcp_port_accept");

  public ReadySpec {
    args = List.copyOf(args);
  }

  /** How validation and the run both refuse a command that is not one of {@link #COMMANDS}. */
  public static String unknownCommand(String command) {
    return "unknown ready command \"" + command + "\": use http_status_code or tcp_port_accept";
  }
}
