package dev.tugboat.api;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fake daemon's {@code /api/v1/events/stream}: each open stream is kept, and {@link #send}
 * writes one server-sent event to all of them, as the daemon does when its journal grows.
 */
final class FakeEventStreams {

  private final List<OutputStream> open = new CopyOnWriteArrayList<>();
  private final List<String> lastEventIds = new CopyOnWriteArrayList<>();
  private long lastId;

  void open(HttpExchange exchange) throws IOException {
    String lastEventId = exchange.getRequestHeaders().getFirst("Last-Event-ID");
    lastEventIds.add(lastEventId == null ? "" : lastEventId);
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    OutputStream body = exchange.getResponseBody();
    body.write(": open\n\n".getBytes(StandardCharsets.UTF_8));
    body.flush();
    open.add(body);
  }

  List<String> lastEventIds() {
    return List.copyOf(lastEventIds);
  }

  /** One event with the next id and {@code text}, to every open stream. */
  synchronized void send(String text) {
    lastId++;
    write("id: " + lastId + "\nevent: event\ndata: {\"id\":" + lastId
        + ",\"type\":\"Fixture\",\"text\":" + Page.quote(text) + "}\n\n");
  }

  /** A status notice, as the daemon sends when a container reports a startup message. */
  synchronized void notice() {
    write("event: status\ndata: {}\n\n");
  }

  private void write(String frame) {
    for (OutputStream body : open) {
      try {
        body.write(frame.getBytes(StandardCharsets.UTF_8));
        body.flush();
      } catch (IOException closedByThePage) {
        open.remove(body);
      }
    }
  }

  /** Ends every stream cleanly (the last chunk), as a daemon that stops does. */
  void closeAll() {
    for (OutputStream body : open) {
      try {
        body.close();
      } catch (IOException closedByThePage) {
        // the page went away first: nothing is left to end
      }
    }
    open.clear();
  }
}
