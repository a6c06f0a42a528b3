package dev.tugboat.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Serves the dashboard's files from the classpath, as the daemon does, and answers its API from
 * fixtures the test sets, so the page's behaviour is tested without Docker. Every API request is
 * recorded as {@code METHOD PATH BODY}. Its event stream sends an event at each change of the
 * status, so the page shows a change at once, not at its next poll.
 */
final class FakeDaemon implements AutoCloseable {

  static final String TOKEN = "fixture-token-0123";
  /** The name the support bundle is offered under; its body is 15 bytes. */
  static final String SUPPORT_BUNDLE = "tugboat-support-demo-20261205-100000.tar.gz";
  private static final String FILES = "/dev/tugboat/api/dashboard/";
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8");

  private final HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile String status = "{}";
  private volatile String config = "{\"groups\": []}";
  private volatile String logs = "{\"lines\": []}";
  private volatile Reply configReply = new Reply(200, "{}");
  private volatile Function<String, String> control = action -> status;
  private volatile String nodes = "{\"swarm\": \"inactive\", \"message\": \"this Docker Engine is in"
      + " no swarm\", \"nodes\": [{\"id\": \"\", \"hostname\": \"fixture-host\", \"role\": \"host\","
      + " \"leader\": false, \"availability\": \"active\", \"state\": \"ready\", \"address\":"
      + " \"10.0.0.5\", \"engine_version\": \"\", \"tags\": [], \"labels\": {}, \"tasks\": []}],"
      + " \"unplaced_tasks\": []}";
  private volatile Function<String, Reply> tags = request -> new Reply(409,
      "{\"error\": \"not a swarm manager\"}");
  private final FakeEventStreams streams = new FakeEventStreams();

  /** An answer: HTTP status and JSON body. */
  record Reply(int status, String body) {}

  FakeDaemon() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::serveFile);
    server.createContext("/api/v1/", this::serveApi);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** The status from now on; open event streams are told, as the daemon's events tell them. */
  void status(String json) {
    status = json;
    streams.send("status changed");
  }

  /** A status that changed without an event (a startup message): streams get a notice. */
  void statusWithoutEvent(String json) {
    status = json;
    streams.notice();
  }

  /** Ends the open event streams, as a daemon that restarts does. */
  void endStreams() {
    streams.closeAll();
  }

  /** The Last-Event-ID header of each stream opened, in order ("" when there was none). */
  List<String> streamLastEventIds() {
    return streams.lastEventIds();
  }

  void config(String json) {
    config = json;
  }

  void logs(String json) {
    logs = json;
  }

  void configReply(Reply reply) {
    configReply = reply;
  }

  /** What a control action does: given the action, the status JSON it leaves. */
  void onControl(Function<String, String> action) {
    control = action;
  }

  /** The answer to GET /api/v1/nodes from now on. */
  void nodes(String json) {
    nodes = json;
  }

  /** What a tag change does: given "PATH BODY", the answer (it may set the nodes too). */
  void onTags(Function<String, Reply> change) {
    tags = change;
  }

  List<String> requests() {
    return List.copyOf(requests);
  }

  private void serveFile(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String name = path.equals("/") ? "index.html" : path.replaceFirst("^/dashboard/", "");
    try (InputStream in = name.contains("..") || name.contains("/") ? null
        : getClass().getResourceAsStream(FILES + name)) {
      if (in == null) {
        reply(exchange, 404, "text/plain", "not found: " + path);
        return;
      }
      String extension = name.substring(name.lastIndexOf('.') + 1);
      reply(exchange, 200, TYPES.getOrDefault(extension, "application/octet-stream"),
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private void serveApi(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add((method + " " + path + (query == null ? "" : "?" + query) + " " + body).strip());
    if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      json(exchange, new Reply(401, "{\"error\": \"missing or wrong token\"}"));
      return;
    }
    String route = method + " " + path.substring("/api/v1".length());
    if (route.equals("GET /events/stream")) {
      streams.open(exchange);
    } else if (route.equals("GET /status")) {
      json(exchange, new Reply(200, status));
    } else if (route.startsWith("POST /app/")) {
      String action = path.substring(path.lastIndexOf('/') + 1);
      status = control.apply(action);
      streams.send(action + " requested");
      json(exchange, new Reply(202, "{\"message\": \"" + action + " requested\"}"));
    } else if (route.equals("GET /nodes")) {
      json(exchange, new Reply(200, nodes));
    } else if (route.startsWith("POST /nodes/") && route.endsWith("/tags")) {
      json(exchange, tags.apply(path + " " + body));
    } else if (route.equals("GET /config")) {
      json(exchange, new Reply(200, config));
    } else if (route.equals("PUT /config")) {
      json(exchange, configReply);
    } else if (route.startsWith("POST /config/") && route.endsWith("/test")) {
      String item = route.substring("POST /config/".length(), route.length() - "/test".length());
      json(exchange, new Reply(200, "{\"item\": \"" + item + "\", \"test\": \"Check connection\","
          + " \"verdict\": \"error\", \"message\": \"nothing answers on db2.internal:5432\","
          + " \"outcome\": \"exit 1\"}"));
    } else if (route.equals("GET /support-bundle")) {
      exchange.getResponseHeaders().set("Content-Disposition",
          "attachment; filename=\"" + SUPPORT_BUNDLE + "\"");
      reply(exchange, 200, "application/gzip", "not really gzip");
    } else if (route.startsWith("GET /containers/") && route.endsWith("/logs")) {
      json(exchange, new Reply(200, logs));
    } else {
      json(exchange, new Reply(404, "{\"error\": \"no route " + route + "\"}"));
    }
  }

  private static void json(HttpExchange exchange, Reply reply) throws IOException {
    reply(exchange, reply.status(), "application/json", reply.body());
  }

  private static void reply(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    streams.closeAll();
    server.stop(0);
  }
}
