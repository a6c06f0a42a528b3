package dev.tugboat.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that talks to the running daemon. A failure prints one line ({@code tugboat status:
 * the daemon is not running: ...}) and ends with the client's exit code; never a stack trace.
 */
abstract class ClientCommand implements Callable<Integer> {

  @Spec CommandSpec command;
  @Mixin DaemonOptions daemon;

  @Override
  public final Integer call() {
    try {
      int code = run(daemon.client());
      out().flush();
      return code;
    } catch (DaemonClient.ClientException e) {
      out().flush();
      err().println(command.qualifiedName() + ": " + e.getMessage());
      err().flush();
      return e.exitCode;
    }
  }

  abstract int run(DaemonClient client) throws DaemonClient.ClientException;

  PrintWriter out() {
    return command.commandLine().getOut();
  }

  PrintWriter err() {
    return command.commandLine().getErr();
  }
}
