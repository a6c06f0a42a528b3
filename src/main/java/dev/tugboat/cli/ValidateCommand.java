package dev.tugboat.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tugboat.app.SpecCheck;
import dev.tugboat.spec.LoadedSpec;
import dev.tugboat.spec.Problem;
import dev.tugboat.spec.SourcePosition;
import dev.tugboat.spec.SpecLoadException;
import dev.tugboat.spec.SpecLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tugboat validate FILE...}: loads each spec, runs every problem source, and prints each
 * problem as {@code file:line:col: severity [rule-id] message}, then a summary. Exit 0 without
 * errors (warnings allowed), 1 with errors, 2 for usage errors or files that cannot be read.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Checks app spec files and prints each problem with its file:line:column.")
public final class ValidateCommand implements Callable<Integer> {
  static final int OK = 0;
  static final int ERRORS = 1;
  static final int UNREADABLE = 2;
  static final String UNREADABLE_RULE = "unreadable";

  enum Format { TEXT, JSON }

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Spec files to check.")
  List<Path> files;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
      description = "text (default): one line per problem and a summary; json: an array for tools.")
  Format format;

  @Spec CommandSpec commandSpec;

  private final SpecLoader loader = new SpecLoader();
  private PrintWriter plainOut;

  /** {@code validate FILES} in text, run without picocli (see {@link PlainCommandLine}). */
  static ValidateCommand plain(List<Path> files, PrintWriter out) {
    ValidateCommand validate = new ValidateCommand();
    validate.files = files;
    validate.format = Format.TEXT;
    validate.plainOut = out;
    return validate;
  }

  @Override
  public Integer call() throws JsonProcessingException {
    List<Problem> problems = new ArrayList<>();
    int unreadable = 0;
    for (Path file : files) {
      try {
        problems.addAll(check(loader.load(file)));
      } catch (SpecLoadException e) {
        unreadable++;
        problems.add(unreadableProblem(e));
      }
    }
    PrintWriter out = plainOut != null ? plainOut : commandSpec.commandLine().getOut();
    if (format == Format.JSON) {
      out.println(toJson(problems));
    } else {
      problems.forEach(p -> out.println(p.toText()));
      out.println(summary(files.size(), problems, unreadable));
    }
    out.flush();
    if (unreadable > 0) {
      return UNREADABLE;
    }
    return problems.stream().anyMatch(Problem::isError) ? ERRORS : OK;
  }

  /** The checks {@code run}, the daemon and {@code apply} make too (see {@link SpecCheck}). */
  private List<Problem> check(LoadedSpec loaded) {
    return SpecCheck.check(loaded).problems();
  }

  private static Problem unreadableProblem(SpecLoadException e) {
    return Problem.error(UNREADABLE_RULE, "",
        e.position().orElse(SourcePosition.wholeFile(e.file())), e.reason());
  }

  static String summary(int fileCount, List<Problem> problems, int unreadable) {
    long errors = problems.stream().filter(Problem::isError).count();
    long warnings = problems.size() - errors;
    String summary = plural(fileCount, "file") + " checked: " + plural(errors, "error") + ", "
        + plural(warnings, "warning");
    if (unreadable > 0) {
      summary += " (" + plural(unreadable, "file") + " could not be read)";
    }
    return summary;
  }

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  private static String toJson(List<Problem> problems) throws JsonProcessingException {
    List<Map<String, Object>> entries = new ArrayList<>();
    for (Problem problem : problems) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("file", problem.position().file());
      if (problem.position().line() > 0) {
        entry.put("line", problem.position().line());
        entry.put("column", problem.position().column());
      }
      entry.put("severity", problem.severity().label());
      entry.put("rule", problem.ruleId());
      entry.put("path", problem.path());
      entry.put("message", problem.message());
      entries.add(entry);
    }
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(entries);
  }
}
