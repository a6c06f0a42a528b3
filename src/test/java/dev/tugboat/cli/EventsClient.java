package dev.tugboat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A client of the events API as a dashboard or a vendor's tool is: on its own thread it long-polls
 * {@code after=} the last id it got, through every kill and restart of the daemon (a refused or
 * broken call is tried again a moment later), and keeps what it got: {@code id text} lines.
 */
final class EventsClient implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();
  private final String base;
  private final Path token;
  private final List<String> received = new ArrayList<>();
  private final Thread thread;
  private volatile boolean closed;

  EventsClient(String base, Path token) {
    this.base = base;
    this.token = token;
    this.thread = new Thread(this::follow, "events-client");
    thread.setDaemon(true);
    thread.start();
  }

  /** Every event received, in order. */
  synchronized List<String> received() {
    return List.copyOf(received);
  }

  /** Every event the daemon lists now (the last 10,000). */
  List<String> listed() throws IOException, InterruptedException {
    return lines(call(0, 0));
  }

  private void follow() {
    long last = 0;
    while (!closed) {
      try {
        List<String> page = lines(call(last, 5));
        synchronized (this) {
          received.addAll(page);
        }
        if (!page.isEmpty()) {
          last = Long.parseLong(page.get(page.size() - 1).split(" ", 2)[0]);
        }
      } catch (IOException e) {
        pause();
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private JsonNode call(long after, int wait) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base
            + "/api/v1/events?limit=10000&after=" + after + "&wait=" + wait))
        .header("Authorization", "Bearer " + Files.readString(token).strip())
        .timeout(Duration.ofSeconds(wait + 10)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("events answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private static List<String> lines(JsonNode page) {
    List<String> lines = new ArrayList<>();
    page.path("events").forEach(event -> lines.add(event.path("id").asLong() + " "
        + event.path("type").asText() + " " + event.path("text").asText()));
    return lines;
  }

  private void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    thread.interrupt();
    thread.join(5000);
  }
}
