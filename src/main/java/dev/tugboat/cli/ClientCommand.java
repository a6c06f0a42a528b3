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

  /** Where a command run without picocli writes, and the name its errors start with. */
  private record Terminal(String name, PrintWriter out, PrintWriter err) {}

  private Terminal plain;

  /** Makes this command run without picocli (see {@link PlainCommandLine}). */
  final void runPlainly(String name, java.nio.file.Path configFile, PrintWriter out,
      PrintWriter err) {
    plain = new Terminal("tugboat " + name, out, err);
    daemon = new DaemonOptions();
    daemon.configFile = configFile;
  }

  @Override
  public final Integer call() {
    try {
      int code = run(daemon.client());
      out().flush();
      return code;
    } catch (DaemonClient.ClientException e) {
      out().flush();
      err().println((plain != null ? plain.name() : command.qualifiedName()) + ": "
          + e.getMessage());
      err().flush();
      return e.exitCode;
    }
  }

  abstract int run(DaemonClient client) throws DaemonClient.ClientException;

  PrintWriter out() {
    return plain != null ? plain.out() : command.commandLine().getOut();
  }

  PrintWriter err() {
    return plain != null ? plain.err() : command.commandLine().getErr();
  }
}
