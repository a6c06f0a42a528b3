package dev.tugboat.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tugboat.orchestrator.RunStatus;
import dev.tugboat.orchestrator.SupportExcludedEnv;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.EngineDiagnostics;
import dev.tugboat.runtime.LogTail;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The support bundle's files from the Docker Engine: {@code docker info} and {@code docker
 * version} as the engine answers them, and for each container of the run its inspect and its last
 * output. An env var the spec marks {@code is_excluded_from_support} is taken out of the inspect
 * (name and value: Replicated kept such values out of support bundles); when the spec cannot be
 * read, which are marked is not known, and every env var is taken out.
 */
final class SupportEngineParts {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final EngineDiagnostics engine;
  private final SupportLimits limits;

  SupportEngineParts(EngineDiagnostics engine, SupportLimits limits) {
    this.engine = engine;
    this.limits = limits;
  }

  /** {@code excludedEnv}: the env var names kept out of support; empty when not known. */
  List<SupportPart> parts(RunStatus run, Optional<Set<String>> excludedEnv) {
    List<SupportPart> parts = new ArrayList<>();
    parts.add(new SupportPart("docker/info.json", "docker info: the engine's GET /info",
        () -> new SupportContent.Document(engine.infoJson())));
    parts.add(new SupportPart("docker/version.json", "docker version: the engine's GET /version",
        () -> new SupportContent.Document(engine.versionJson())));
    if (run == null) {
      return parts;
    }
    for (RunStatus.ContainerStatus container : run.containers()) {
      if (container.containerId() == null || container.containerId().isEmpty()) {
        continue;
      }
      ContainerId id = ContainerId.of(container.containerId());
      String dir = "containers/" + directory(container) + "/";
      parts.add(new SupportPart(dir + "inspect.json", "docker inspect of " + container.container()
          + (excludedEnv.isPresent() ? " (env vars excluded from support left out)"
              : " (every env var left out: the spec could not be read)"),
          () -> new SupportContent.Tree(withoutEnv(engine.inspectJson(id), excludedEnv))));
      parts.add(new SupportPart(dir + "logs.txt", "the last output of " + container.container()
          + " (at most " + limits.containerLog().lines() + " lines and "
          + limits.containerLog().bytes() + " bytes)", () -> {
            LogTail tail = engine.logTail(id, limits.containerLog());
            return new SupportContent.Lines(tail.cut() ? TextTail.marked(tail) : tail.lines());
          }));
    }
    return parts;
  }

  /** The instance's name (unique in the run), else its container key made a file name. */
  static String directory(RunStatus.ContainerStatus container) {
    String name = container.instanceName() == null || container.instanceName().isEmpty()
        ? container.container() : container.instanceName();
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /**
   * The inspect without the env vars the spec on disk excludes, nor those the container's own label
   * names (their names as rendered when it was made: a name may be a template, and the spec on disk
   * may be newer than the container).
   */
  static JsonNode withoutEnv(String inspect, Optional<Set<String>> excluded) throws IOException {
    JsonNode tree = JSON.readTree(inspect);
    if (tree.path("Config").path("Env") instanceof ArrayNode env) {
      Set<String> labelled = Set.copyOf(SupportExcludedEnv.names(java.util.Map.of(
          SupportExcludedEnv.LABEL,
          tree.path("Config").path("Labels").path(SupportExcludedEnv.LABEL).asText(""))));
      ArrayNode kept = JSON.createArrayNode();
      for (JsonNode entry : env) {
        String name = entry.asText().split("=", 2)[0];
        if (excluded.isPresent() && !excluded.get().contains(name) && !labelled.contains(name)) {
          kept.add(entry);
        }
      }
      ((ObjectNode) tree.path("Config")).set("Env", kept);
    }
    return tree;
  }
}
