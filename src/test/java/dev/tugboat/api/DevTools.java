package dev.tugboat.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client of Chromium's DevTools protocol over one WebSocket (one page target), with the JDK's
 * HTTP client: commands wait for their answer by id; the events kept are the page's JavaScript
 * errors and console errors, so a test can require that there were none.
 */
final class DevTools implements AutoCloseable {

  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

  private final ObjectMapper json = new ObjectMapper();
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<String> pageErrors = new CopyOnWriteArrayList<>();
  private final WebSocket socket;

  private DevTools(URI endpoint) throws InterruptedException, ExecutionException {
    this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .buildAsync(endpoint, new Listener()).get();
  }

  static DevTools connect(URI pageEndpoint) throws Exception {
    DevTools devTools = new DevTools(pageEndpoint);
    devTools.send("Runtime.enable", Map.of());
    devTools.send("Log.enable", Map.of());
    devTools.send("Page.enable", Map.of());
    return devTools;
  }

  /** Sends a command and returns its {@code result}; an error answer fails with its message. */
  JsonNode send(String method, Map<String, ?> params) throws Exception {
    long id = ids.incrementAndGet();
    ObjectNode message = json.createObjectNode().put("id", id).put("method", method);
    message.set("params", json.valueToTree(params));
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    socket.sendText(json.writeValueAsString(message), true).get();
    JsonNode reply;
    try {
      reply = answer.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("Chromium did not answer " + method + " within "
          + COMMAND_TIMEOUT.toSeconds() + " s", e);
    } finally {
      pending.remove(id);
    }
    if (reply.has("error")) {
      throw new AssertionError(method + " failed: " + reply.get("error"));
    }
    return reply.path("result");
  }

  /** Uncaught exceptions, console errors and browser log errors (CSP refusals) seen so far. */
  List<String> pageErrors() {
    return List.copyOf(pageErrors);
  }

  void clearPageErrors() {
    pageErrors.clear();
  }

  private void onMessage(String text) {
    JsonNode message;
    try {
      message = json.readTree(text);
    } catch (Exception e) {
      pageErrors.add("unreadable DevTools message: " + text);
      return;
    }
    if (message.has("id")) {
      CompletableFuture<JsonNode> answer = pending.get(message.get("id").asLong());
      if (answer != null) {
        answer.complete(message);
      }
      return;
    }
    JsonNode params = message.path("params");
    switch (message.path("method").asText()) {
      case "Runtime.exceptionThrown" -> pageErrors.add(
          params.path("exceptionDetails").path("exception").path("description").asText(
              params.path("exceptionDetails").path("text").asText()));
      case "Runtime.consoleAPICalled" -> {
        if (params.path("type").asText().equals("error")) {
          pageErrors.add("console.error: " + params.path("args"));
        }
      }
      case "Log.entryAdded" -> {
        JsonNode entry = params.path("entry");
        if (entry.path("level").asText().equals("error") && !isExpectedHttpError(entry)) {
          pageErrors.add(entry.path("source").asText() + ": " + entry.path("text").asText());
        }
      }
      default -> { }
    }
  }

  /** A 4xx answer of the API is part of what the page handles (a refused token, a bad value). */
  private static boolean isExpectedHttpError(JsonNode entry) {
    return entry.path("source").asText().equals("network")
        && entry.path("url").asText().contains("/api/v1/")
        && entry.path("text").asText().matches(".*status of 4\\d\\d.*");
  }

  @Override
  public void close() {
    socket.abort();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        onMessage(text);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      pending.values().forEach(answer -> answer.completeExceptionally(error));
    }
  }
}
