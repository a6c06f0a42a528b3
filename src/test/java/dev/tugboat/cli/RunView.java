package dev.tugboat.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a round knows about the run it is about to break: its id (empty until its journal
 * exists), its journal so far, the engine's events for its containers, and how long ago the start
 * was asked for.
 */
record RunView(String run, List<JournalLine> journal, List<DockerEventWatch.Event> docker,
    Duration sinceStart) {

  RunView {
    journal = List.copyOf(journal);
    docker = List.copyOf(docker);
  }

  boolean journalHas(String type, String component) {
    return journal.stream().anyMatch(line -> line.is(type, component));
  }

  boolean journalHasFire(String event) {
    return journal.stream().anyMatch(line -> line.type().equals("fire") && line.event().equals(event));
  }

  boolean journalHasApp(String phase) {
    return journal.stream().anyMatch(line -> line.type().equals("app") && line.phase().equals(phase));
  }

  /** The journal recorded the exit of the component's instance (by the id its creation gave). */
  boolean journalHasExit(String component) {
    List<String> ids = journal.stream().filter(line -> line.is("container-created", component))
        .map(JournalLine::containerId).toList();
    return journal.stream().anyMatch(line -> line.type().equals("container-exited")
        && ids.contains(line.containerId()));
  }

  boolean dockerHas(String action, String component) {
    return docker.stream().anyMatch(e -> e.action().equals(action) && e.component().equals(component));
  }

  /** {@code 9 lines, last: launch migration/tugboat-demo/app}. */
  String journalSummary() {
    if (journal.isEmpty()) {
      return "no line";
    }
    return journal.size() + " lines, last: " + journal.get(journal.size() - 1).brief();
  }

  /** The last engine event per component, in start order: {@code db:start migration:die(0)}. */
  String dockerSummary() {
    Map<String, String> last = new LinkedHashMap<>();
    for (DockerEventWatch.Event e : docker) {
      last.put(e.component(), e.action() + (e.action().equals("die") ? "(" + e.exitCode() + ")" : ""));
    }
    if (last.isEmpty()) {
      return "no container";
    }
    return last.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
        .collect(Collectors.joining(" "));
  }
}
