package dev.tugboat.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tugboat} command as picocli models it, with every subcommand: a tool for vendors
 * (validate, render) and operators (run, config). {@link Main} hands it the command lines it does
 * not read itself.
 */
@Command(
    name = "tugboat",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Runs a vendor's containerized application on this server, sequenced by events.")
public final class TugboatCommand implements Runnable {

  private static final List<Class<?>> COMMANDS = List.of(
      CommandLine.HelpCommand.class,
      RunCommand.class,
      PreflightCommand.class,
      ServeCommand.class,
      StatusCommand.class,
      AppControlCommands.Start.class,
      AppControlCommands.Stop.class,
      AppControlCommands.Restart.class,
      ApplyCommand.class,
      RollbackCommand.class,
      SnapshotCommand.class,
      HistoryCommand.class,
      LicenseCommand.class,
      NodesCommand.class,
      LogsCommand.class,
      EventsCommand.class,
      AdminCommand.class,
      SupportBundleCommand.class,
      RenderCommand.class,
      ConfigCommand.class,
      ValidateCommand.class,
      BundleCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line as picocli does: its exit status. */
  static int execute(String[] args) {
    return commandLine(args).execute(args);
  }

  /** The configured command line, shared by {@link Main} and tests that run commands in-process. */
  public static CommandLine commandLine() {
    return withCommands(COMMANDS);
  }

  /**
   * The command line for these arguments: when they start with a command's name, only that
   * command is built. Picocli reflects over every command's options up front, which took about a
   * third of a second of the daemon's start (systemd and the pollers wait for it) and of every
   * short CLI call. {@code help} needs all the commands, as does anything not a command's name.
   */
  static CommandLine commandLine(String[] args) {
    if (args.length > 0) {
      for (Class<?> command : COMMANDS) {
        if (command != CommandLine.HelpCommand.class && name(command).equals(args[0])) {
          return withCommands(List.of(command));
        }
      }
    }
    return commandLine();
  }

  private static CommandLine withCommands(List<Class<?>> commands) {
    CommandLine line = new CommandLine(new TugboatCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    commands.forEach(line::addSubcommand);
    // Set again: picocli applies the setting to the subcommands present when it is set.
    return line.setCaseInsensitiveEnumValuesAllowed(true);
  }

  private static String name(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }
}
