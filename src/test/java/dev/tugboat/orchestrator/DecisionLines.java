package dev.tugboat.orchestrator;

import dev.tugboat.events.Decision;
import java.util.List;

/** Short, stable text for decisions, so tests compare what the planner decided as lines. */
final class DecisionLines {

  private DecisionLines() {}

  static List<String> of(List<Decision> decisions) {
    return decisions.stream().map(DecisionLines::line).toList();
  }

  static String line(Decision decision) {
    if (decision instanceof Decision.Launch d) {
      return "launch " + d.container();
    } else if (decision instanceof Decision.Restart d) {
      return "restart " + d.container() + " #" + d.attempt();
    } else if (decision instanceof Decision.ScheduleRestart d) {
      return "restart " + d.container() + " in " + d.delay().toMillis() + " ms";
    } else if (decision instanceof Decision.Stop d) {
      return "stop " + d.container();
    } else if (decision instanceof Decision.Probe d) {
      return "probe \"" + d.event() + "\" in " + d.delay().toMillis() + " ms";
    } else if (decision instanceof Decision.ScheduleDeadline d) {
      return "deadline \"" + d.event() + "\" in " + d.timeout().toSeconds() + " s";
    } else if (decision instanceof Decision.CaptureOutput d) {
      return "capture " + d.container();
    } else if (decision instanceof Decision.CheckReady d) {
      return "check ready in " + d.delay().toMillis() + " ms";
    } else if (decision instanceof Decision.ScheduleReadyDeadline d) {
      return "ready deadline in " + d.timeout().toSeconds() + " s";
    } else if (decision instanceof Decision.Fire d) {
      return "fire \"" + d.event() + "\" starts " + d.starts();
    } else if (decision instanceof Decision.Finished d) {
      return "finished " + d.container() + " " + d.phase().label() + " exit " + d.exitCode();
    } else if (decision instanceof Decision.Block d) {
      return "block " + d.container() + ": " + d.cause();
    } else if (decision instanceof Decision.ChangeApp d) {
      return "app " + d.phase().label() + ": " + d.message();
    } else if (decision instanceof Decision.EndRun d) {
      return "end " + d.phase().label() + ": " + d.message();
    }
    throw new IllegalArgumentException("no line for " + decision);
  }
}
