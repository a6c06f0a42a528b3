package dev.tugboat.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tugboat} command: a tool for vendors (validate, render) and operators (run, config). */
@Command(
    name = "tugboat",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Runs a vendor's containerized application on this server, sequenced by events.",
    subcommands = {
      CommandLine.HelpCommand.class,
      RunCommand.class,
      ServeCommand.class,
      StatusCommand.class,
      AppControlCommands.Start.class,
      AppControlCommands.Stop.class,
      AppControlCommands.Restart.class,
      ApplyCommand.class,
      RollbackCommand.class,
      HistoryCommand.class,
      LogsCommand.class,
      EventsCommand.class,
      AdminCommand.class,
      RenderCommand.class,
      ConfigCommand.class,
      ValidateCommand.class,
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and tests that run commands in-process. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }
}
