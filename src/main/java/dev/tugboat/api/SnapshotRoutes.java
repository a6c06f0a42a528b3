package dev.tugboat.api;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Map;

/**
 * {@code GET /api/v1/snapshots} (the snapshots of the app's data, newest first), {@code POST
 * /api/v1/snapshots[?stop=true]} (take one; a running app is refused unless {@code stop}) and
 * {@code POST /api/v1/snapshots/{id}/restore}. Creation and restore answer once done, with the
 * time and size; other control calls are refused (409) meanwhile.
 */
final class SnapshotRoutes {

  private SnapshotRoutes() {}

  static void handle(ChannelHandlerContext ctx, ApiContext context, FullHttpRequest request,
      QueryStringDecoder uri, String[] parts, boolean keepAlive) {
    AppService app = context.service();
    HttpMethod method = request.method();
    if (parts.length == 1) {
      if (method.equals(HttpMethod.POST)) {
        AsyncReply.longJson(ctx, context, "/api/v1/snapshots/create",
            app.createSnapshot(Query.booleanParam(uri, "stop", false)), keepAlive);
        return;
      }
      ApiRoutes.requireMethod(method, HttpMethod.GET);
      AsyncReply.json(ctx, context, "/api/v1/snapshots",
          app.snapshots().thenApply(list -> Map.of("snapshots", list)), keepAlive);
      return;
    }
    if (parts.length == 3 && parts[2].equals("restore")) {
      ApiRoutes.requireMethod(method, HttpMethod.POST);
      AsyncReply.longJson(ctx, context, "/api/v1/snapshots/restore", app.restoreSnapshot(parts[1]),
          keepAlive);
      return;
    }
    throw ApiRoutes.notFound("/api/v1/" + String.join("/", parts));
  }
}
