package dev.tugboat.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The routes under {@code /api/v1/}, after the token matched. Reads answer from the snapshot at
 * once; control and config calls are handed to the app and answered when it is done.
 */
final class ApiRoutes {

  private static final int MAX_TAIL = 10_000;
  private final ApiContext context;
  private final EventsEndpoint events;

  ApiRoutes(ApiContext context) {
    this.context = context;
    this.events = new EventsEndpoint(context);
  }

  /** Handles the request; true when the connection now carries an event stream. */
  boolean handle(ChannelHandlerContext ctx, FullHttpRequest request, QueryStringDecoder uri,
      boolean keepAlive) {
    String[] parts = segments(uri);
    HttpMethod method = request.method();
    AppService app = context.service();
    try {
      switch (parts[0]) {
        case "status" -> {
          requireExact(parts, 1, method, HttpMethod.GET);
          reply(ctx, "/api/v1/status", status(request), keepAlive);
        }
        case "events" -> {
          if (parts.length == 2 && parts[1].equals("stream")) {
            if (!method.equals(HttpMethod.GET)) {
              throw new ApiException(405, "use GET here, not " + method);
            }
            events.stream(ctx, uri, request);
            return true;
          }
          requireExact(parts, 1, method, HttpMethod.GET);
          events.page(ctx, uri, keepAlive);
        }
        case "app" -> {
          requireExact(parts, 2, method, HttpMethod.POST);
          String route = "/api/v1/app/" + parts[1];
          switch (parts[1]) {
            case "start" -> AsyncReply.control(ctx, context, route, app.start(), keepAlive);
            case "stop" -> AsyncReply.control(ctx, context, route, app.stop(), keepAlive);
            case "restart" -> AsyncReply.control(ctx, context, route, app.restart(), keepAlive);
            case "rollback" -> AsyncReply.longJson(ctx, context, route,
                app.rollback(Query.booleanParam(uri, "data", false)), keepAlive);
            default -> throw notFound(uri.path());
          }
        }
        case "config" -> config(ctx, request, parts, keepAlive);
        case "spec" -> {
          requireExact(parts, 1, method, HttpMethod.PUT);
          SpecUpload upload = SpecUpload.of(request, uri);
          AsyncReply.longJson(ctx, context, "/api/v1/spec",
              app.apply(upload.name(), upload.yaml(), upload.dryRun()), keepAlive);
        }
        case "preflight" -> {
          requireExact(parts, 1, method, HttpMethod.GET);
          AsyncReply.json(ctx, context, "/api/v1/preflight", app.preflight(), keepAlive);
        }
        case "history" -> {
          requireExact(parts, 1, method, HttpMethod.GET);
          AsyncReply.json(ctx, context, "/api/v1/history",
              app.history().thenApply(runs -> Map.of("runs", runs)), keepAlive);
        }
        case "license" -> LicenseRoutes.handle(ctx, context, request, uri, parts, keepAlive);
        case "nodes" -> NodeRoutes.handle(ctx, context, request, parts, keepAlive);
        case "snapshots" -> SnapshotRoutes.handle(ctx, context, request, uri, parts, keepAlive);
        case "containers" -> {
          if (parts.length != 4 || !parts[3].equals("logs")) {
            throw notFound(uri.path());
          }
          requireMethod(method, HttpMethod.GET);
          int tail = Query.intParam(uri, "tail", 200, 1, MAX_TAIL);
          AsyncReply.json(ctx, context, "/api/v1/containers/logs",
              app.logs(parts[1], parts[2], tail).thenApply(lines -> Map.of("lines", lines)),
              keepAlive);
        }
        case "support-bundle" -> {
          // GET only: a HEAD would make a bundle to send nothing of it
          requireExact(parts, 1, method, HttpMethod.GET);
          if (!method.equals(HttpMethod.GET)) {
            throw new ApiException(405, "use GET here, not " + method);
          }
          SupportBundleEndpoint.send(ctx, context, app.supportBundle(), keepAlive);
        }
        case "admin" -> {
          requireExact(parts, 2, method, HttpMethod.POST);
          // an admin command runs for its timeout, which may be longer than the idle timeout
          AsyncReply.longJson(ctx, context, "/api/v1/admin",
              app.admin(parts[1], adminArgs(request)), keepAlive);
        }
        default -> throw notFound(uri.path());
      }
    } catch (ApiException | AppRefusal refused) {
      reply(ctx, "/api/v1/refused", AsyncReply.failed(refused), keepAlive);
    }
    return false;
  }

  /**
   * The cached status body; gzipped when the client accepts it (browsers do); 304 without a body
   * when the client already holds it ({@code If-None-Match}). {@code no-cache} makes browsers
   * revalidate every poll rather than show a stale status.
   */
  private FullHttpResponse status(FullHttpRequest request) {
    String held = request.headers().get(HttpHeaderNames.IF_NONE_MATCH);
    String etag = context.status().etag();
    FullHttpResponse response;
    if (EntityTags.matches(held, etag)) {
      response = Responses.notModified();
    } else {
      boolean gzip = request.headers().get(HttpHeaderNames.ACCEPT_ENCODING, "").contains("gzip");
      StatusJson.Body body = context.status().content(gzip);
      etag = body.etag();
      response = Responses.buffer(HttpResponseStatus.OK, Responses.JSON, body.content());
      if (gzip) {
        response.headers().set(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.GZIP);
      }
    }
    response.headers()
        .set(HttpHeaderNames.ETAG, etag)
        .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
        .set(HttpHeaderNames.VARY, HttpHeaderNames.ACCEPT_ENCODING);
    return response;
  }

  private void config(ChannelHandlerContext ctx, FullHttpRequest request, String[] parts,
      boolean keepAlive) {
    if (parts.length == 3 && !parts[1].isEmpty() && parts[2].equals("test")) {
      requireMethod(request.method(), HttpMethod.POST);
      Map<String, String> values = request.content().readableBytes() == 0 ? Map.of()
          : testValues(RequestBodies.json(request));
      AsyncReply.json(ctx, context, "/api/v1/config/item/test",
          context.service().testConfig(parts[1], values), keepAlive);
      return;
    }
    if (parts.length == 2 && !parts[1].isEmpty()) {
      requireMethod(request.method(), HttpMethod.DELETE);
      AsyncReply.json(ctx, context, "/api/v1/config/item",
          context.service().unsetConfig(List.of(parts[1])),
          keepAlive);
      return;
    }
    if (parts.length != 1) {
      throw notFound("/api/v1/" + String.join("/", parts));
    }
    if (request.method().equals(HttpMethod.GET)) {
      AsyncReply.json(ctx, context, "/api/v1/config",
          context.service().config(), keepAlive);
    } else if (request.method().equals(HttpMethod.PUT)) {
      Map<String, String> values = configValues(RequestBodies.json(request));
      AsyncReply.json(ctx, context, "/api/v1/config",
          context.service().setConfig(values),
          keepAlive);
    } else {
      throw new ApiException(405, "use GET or PUT on /api/v1/config");
    }
  }

  /** A test's body: none, or values typed but not saved, as {@code PUT} takes them. */
  private static Map<String, String> testValues(JsonNode body) {
    return body.get("values") == null ? Map.of() : configValues(body);
  }

  private static Map<String, String> configValues(JsonNode body) {
    JsonNode values = body.get("values");
    if (values == null || !values.isObject() || values.isEmpty()) {
      throw new ApiException(400, "give the values to set as {\"values\": {\"ITEM\": \"VALUE\"}}");
    }
    Map<String, String> found = new LinkedHashMap<>();
    values.fields().forEachRemaining(field -> {
      if (!field.getValue().isValueNode() || field.getValue().isNull()) {
        throw new ApiException(400, "the value of config item '" + field.getKey()
            + "' must be a string (a file item's value is the file's contents)");
      }
      found.put(field.getKey(), field.getValue().asText());
    });
    return found;
  }

  /** The path's segments after {@code /api/v1/}, each decoded: {@code %2F} stays inside one. */
  private static String[] segments(QueryStringDecoder uri) {
    String[] raw = uri.rawPath().substring(ApiHandler.API.length()).split("/", -1);
    String[] parts = new String[raw.length];
    for (int i = 0; i < raw.length; i++) {
      parts[i] = QueryStringDecoder.decodeComponent(raw[i]);
    }
    return parts;
  }

  private static List<String> adminArgs(FullHttpRequest request) {
    if (request.content().readableBytes() == 0) {
      return List.of();
    }
    JsonNode args = RequestBodies.json(request).get("args");
    List<String> found = new ArrayList<>();
    if (args != null) {
      if (!args.isArray()) {
        throw new ApiException(400, "\"args\" must be a list of strings");
      }
      args.forEach(arg -> found.add(arg.asText()));
    }
    return found;
  }

  static void requireExact(String[] parts, int length, HttpMethod method,
      HttpMethod allowed) {
    if (parts.length != length) {
      throw notFound("/api/v1/" + String.join("/", parts));
    }
    requireMethod(method, allowed);
  }

  // HEAD is GET without the body (the codec leaves the body out): monitors probe with it.
  static void requireMethod(HttpMethod method, HttpMethod allowed) {
    boolean head = method.equals(HttpMethod.HEAD) && allowed.equals(HttpMethod.GET);
    if (!method.equals(allowed) && !head) {
      throw new ApiException(405, "use " + allowed + " here, not " + method);
    }
  }

  static ApiException notFound(String path) {
    return new ApiException(404, "no such API call: " + path);
  }

  private void reply(ChannelHandlerContext ctx, String route, FullHttpResponse response,
      boolean keepAlive) {
    context.metrics().count(route, response.status().code());
    Responses.send(ctx, response, keepAlive);
  }
}
