package dev.tugboat.api;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/v1/license} (the installed license, answered at once) and {@code PUT
 * /api/v1/license?name=FILE} (body: the license file, YAML or JSON; {@code name} is how messages
 * call it; refused with 400 naming what is wrong, changing nothing).
 */
final class LicenseRoutes {

  private LicenseRoutes() {}

  static void handle(ChannelHandlerContext ctx, ApiContext context, FullHttpRequest request,
      QueryStringDecoder uri, String[] parts, boolean keepAlive) {
    if (parts.length != 1) {
      throw ApiRoutes.notFound("/api/v1/" + String.join("/", parts));
    }
    HttpMethod method = request.method();
    if (method.equals(HttpMethod.PUT)) {
      if (request.content().readableBytes() == 0) {
        throw new ApiException(400, "send the license file as the request body"
            + " (tugboat license install FILE does)");
      }
      byte[] body = io.netty.buffer.ByteBufUtil.getBytes(request.content());
      String name = Query.textParam(uri, "name", "in the request", 255);
      AsyncReply.json(ctx, context, "/api/v1/license", context.licenses().install(name, body),
          keepAlive);
      return;
    }
    ApiRoutes.requireMethod(method, HttpMethod.GET);
    AsyncReply.json(ctx, context, "/api/v1/license",
        CompletableFuture.completedFuture(context.licenses().current()), keepAlive);
  }
}
