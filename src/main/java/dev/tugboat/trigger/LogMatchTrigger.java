package dev.tugboat.trigger;

import dev.tugboat.events.ProbeOutcome;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.LogLine;
import dev.tugboat.runtime.RuntimeFailure;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Extension {@code log-match}: a line of the publisher's output matches the regular expression in
 * {@code data}. Reads the output's tail on each check, so a match is found even if it was written
 * before the trigger was armed.
 */
public final class LogMatchTrigger implements Trigger {

  private static final int TAIL_LINES = 2000;

  private final ContainerRuntime runtime;
  private final String expression;

  public LogMatchTrigger(ContainerRuntime runtime, String expression) {
    this.runtime = runtime;
    this.expression = expression;
  }

  @Override
  public ProbeOutcome check(Observation publisher) {
    Pattern pattern;
    try {
      pattern = Pattern.compile(expression);
    } catch (PatternSyntaxException e) {
      return ProbeOutcome.failed("log-match data is not a regular expression: "
          + e.getDescription() + " in /" + expression + "/");
    }
    try {
      List<LogLine> lines = runtime.logs(ContainerId.of(publisher.containerId()), TAIL_LINES);
      for (LogLine line : lines) {
        if (pattern.matcher(line.text()).find()) {
          return ProbeOutcome.passed("output matched /" + expression + "/: " + line.text());
        }
      }
    } catch (RuntimeFailure e) {
      return ProbeOutcome.pending("could not read the output: " + e.getMessage());
    }
    if (publisher.exited()) {
      return ProbeOutcome.failed(publisher.container() + " exited with code "
          + publisher.exitCode().getAsInt() + " and no line matched /" + expression + "/");
    }
    return ProbeOutcome.pending("no line of the output matches /" + expression + "/ yet");
  }
}
