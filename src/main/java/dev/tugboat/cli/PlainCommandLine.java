package dev.tugboat.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The command lines run most often, read without picocli: the daemon's own ({@code serve},
 * {@code --config FILE}, {@code --no-start}), {@code run SPEC}, {@code validate FILE...}, and
 * {@code start}, {@code stop}, {@code restart}, {@code status} with at most {@code --config FILE}. Picocli's model of
 * even one command takes a tenth to a quarter of a second to build on a cold JVM, which systemd,
 * the watchdog and every poller of {@code /healthz} wait for at each start of the service, a
 * vendor's build waits for at each validate, and an operator at each start or stop. Anything else
 * ({@code --help}, any other option, a mistake) is left to picocli, which explains it.
 */
final class PlainCommandLine {

  private PlainCommandLine() {}

  /** The command these arguments ask for, ready to call; empty when they are not a plain form. */
  static Optional<Callable<Integer>> parse(String[] args, PrintWriter out, PrintWriter err) {
    if (args.length == 0) {
      return Optional.empty();
    }
    List<String> rest = List.of(args).subList(1, args.length);
    return switch (args[0]) {
      case "serve" -> serve(rest).map(serve -> (Callable<Integer>) serve);
      case "run" -> run(rest).map(run -> (Callable<Integer>) run);
      case "validate" -> validate(rest, out);
      case "start" -> client(rest, AppControlCommands.Start::new, "start", out, err);
      case "stop" -> client(rest, AppControlCommands.Stop::new, "stop", out, err);
      case "restart" -> client(rest, AppControlCommands.Restart::new, "restart", out, err);
      case "status" -> client(rest, StatusCommand::new, "status", out, err);
      default -> Optional.empty();
    };
  }

  /** {@code serve} as the unit runs it. */
  static Optional<ServeCommand> serve(List<String> args) {
    ServeCommand serve = new ServeCommand();
    boolean noStart = false;
    Optional<Path> config = Optional.empty();
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("--no-start") && !noStart) {
        noStart = true;
        continue;
      }
      Optional<Path> named = configAt(args, i);
      if (named.isEmpty() || config.isPresent()) {
        return Optional.empty();
      }
      config = named;
      i += args.get(i).equals("--config") ? 1 : 0;
    }
    serve.noStart = noStart;
    serve.configFile = config.orElse(null);
    return Optional.of(serve);
  }

  /** {@code run SPEC} with every option at its default. */
  static Optional<RunCommand> run(List<String> args) {
    if (args.size() != 1 || args.get(0).isEmpty() || args.get(0).startsWith("-")) {
      return Optional.empty();
    }
    RunCommand run = new RunCommand();
    run.specFile = Path.of(args.get(0));
    return Optional.of(run);
  }

  private static Optional<Callable<Integer>> validate(List<String> args, PrintWriter out) {
    List<Path> files = new ArrayList<>();
    for (String arg : args) {
      if (arg.isEmpty() || arg.startsWith("-")) {
        return Optional.empty();
      }
      files.add(Path.of(arg));
    }
    return files.isEmpty() ? Optional.empty() : Optional.of(ValidateCommand.plain(files, out));
  }

  private static Optional<Callable<Integer>> client(List<String> args,
      Supplier<? extends ClientCommand> command, String name, PrintWriter out, PrintWriter err) {
    Optional<Path> config = Optional.empty();
    if (!args.isEmpty()) {
      config = configAt(args, 0);
      int used = args.get(0).equals("--config") ? 2 : 1;
      if (config.isEmpty() || args.size() != used) {
        return Optional.empty();
      }
    }
    ClientCommand client = command.get();
    client.runPlainly(name, config.orElse(null), out, err);
    return Optional.of(client);
  }

  /** The file of {@code --config FILE} or {@code --config=FILE} at {@code i}; empty otherwise. */
  private static Optional<Path> configAt(List<String> args, int i) {
    String arg = args.get(i);
    if (arg.equals("--config") && i + 1 < args.size() && !args.get(i + 1).startsWith("-")
        && !args.get(i + 1).isEmpty()) {
      return Optional.of(Path.of(args.get(i + 1)));
    }
    if (arg.startsWith("--config=") && arg.length() > "--config=".length()) {
      return Optional.of(Path.of(arg.substring("--config=".length())));
    }
    return Optional.empty();
  }
}
