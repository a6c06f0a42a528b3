package dev.tugboat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The engine's own account of an app's containers, as they happen: {@code docker events} filtered
 * on the app's label, kept in order. It sees a container start or die the moment the daemon
 * would, so a kill can land between two steps the journal alone cannot tell apart.
 */
final class DockerEventWatch implements AutoCloseable {

  /** One lifecycle event of a labelled container. */
  record Event(String action, String id, String run, String component, int exitCode) {}

  private static final Set<String> LIFECYCLE = Set.of("create", "start", "die", "destroy");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final List<Event> events = new ArrayList<>();
  private final Thread reader;

  private DockerEventWatch(Process process) {
    this.process = process;
    this.reader = new Thread(this::read, "docker-events");
    reader.setDaemon(true);
    reader.start();
  }

  static DockerEventWatch start(String app) throws IOException {
    return new DockerEventWatch(new ProcessBuilder("docker", "events", "--filter", "type=container",
        "--filter", "label=dev.tugboat.app=" + app, "--format", "{{json .}}")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start());
  }

  /** The events of one run so far. */
  List<Event> ofRun(String run) {
    synchronized (events) {
      return events.stream().filter(e -> e.run().equals(run)).toList();
    }
  }

  private void read() {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        JsonNode event = JSON.readTree(line);
        String action = event.path("Action").asText();
        if (LIFECYCLE.contains(action)) {
          JsonNode labels = event.path("Actor").path("Attributes");
          synchronized (events) {
            events.add(new Event(action, event.path("Actor").path("ID").asText(),
                labels.path("dev.tugboat.run").asText(), labels.path("dev.tugboat.component").asText(),
                labels.path("exitCode").asInt(-1)));
          }
        }
      }
    } catch (IOException e) {
      // the watch was closed; what was read is kept
    }
  }

  @Override
  public void close() {
    process.destroy();
  }
}
