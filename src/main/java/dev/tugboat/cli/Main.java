package dev.tugboat.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The {@code tugboat} command's entry: the command lines run most often are read without picocli
 * ({@link PlainCommandLine}); the rest go to picocli's model of every command ({@link
 * TugboatCommand}). Nothing here names a picocli type: Java's launcher reflects over this class's
 * methods, which loads the types they name, and loading and verifying picocli's largest classes
 * held up every command, those read without picocli too (on Java 25, whose AOT cache cannot hold
 * them, {@code tugboat run} created its first container about a tenth of a second later).
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    Optional<Callable<Integer>> plain = PlainCommandLine.parse(args, out, err);
    if (plain.isPresent()) {
      System.exit(withoutPicocli(plain.get(), out, err));
    }
    System.exit(TugboatCommand.execute(args));
  }

  /** As picocli runs a command: what it throws is printed, and the exit status is 1. */
  private static int withoutPicocli(Callable<Integer> command, PrintWriter out, PrintWriter err) {
    try {
      return command.call();
    } catch (Exception e) {
      e.printStackTrace(err);
      return 1;
    } finally {
      out.flush();
      err.flush();
    }
  }
}
