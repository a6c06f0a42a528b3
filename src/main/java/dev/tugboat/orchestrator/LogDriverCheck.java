package dev.tugboat.orchestrator;

import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.EngineResources;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether the engine has every log driver a spec names, checked before a start or an upgrade
 * changes anything: a container whose driver the engine lacks could not even be created, and the
 * containers before it would already run.
 */
public final class LogDriverCheck {

  private LogDriverCheck() {}

  /**
   * One line per driver the engine lacks, naming its containers and the drivers it has. Asks the
   * engine only when a driver other than json-file is named; none when the engine lists none.
   */
  public static List<String> problems(ContainerRuntime runtime,
      List<PreflightNeeds.LogDriverNeed> needs) {
    if (needs.isEmpty()) {
      return List.of();
    }
    EngineResources engine = runtime.engineResources();
    if (engine.logDrivers().isEmpty()) {
      // An engine that lists no drivers at all (an API that leaves Plugins out) cannot be judged:
      // its own answer at create stands.
      return List.of();
    }
    List<String> missing = new ArrayList<>();
    for (PreflightNeeds.LogDriverNeed need : needs) {
      if (!engine.hasLogDriver(need.driver())) {
        missing.add(need.driver() + " (log_config of " + need.containers().stream()
            .map(Object::toString).collect(Collectors.joining(", "))
            + "): the engine has " + String.join(", ", engine.logDrivers()) + " and none;"
            + " install the driver's plugin (docker plugin install), or name one of these");
      }
    }
    return missing;
  }

  /** {@code the engine lacks a log driver}, or how many. */
  public static String summary(List<String> problems) {
    return "the engine lacks " + (problems.size() == 1 ? "a log driver"
        : problems.size() + " log drivers");
  }
}
