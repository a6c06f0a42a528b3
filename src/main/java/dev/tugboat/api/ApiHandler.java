package dev.tugboat.api;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.Optional;

/**
 * One connection's requests: refuses malformed ones (and then closes, as the stream can no longer
 * be trusted), serves {@code /healthz}, {@code /metrics} and the dashboard's files without a token,
 * and hands {@code /api/v1/...} to {@link ApiRoutes} once the token matched. Runs on the
 * connection's Netty thread; it never blocks.
 */
final class ApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  static final String API = "/api/v1/";

  private final ApiContext context;
  private final ApiRoutes routes;
  private boolean streaming;

  ApiHandler(ApiContext context) {
    this.context = context;
    this.routes = new ApiRoutes(context);
  }

  /** Whether the request is an API call, as the routing below decides it. */
  static boolean isApi(io.netty.handler.codec.http.HttpRequest request) {
    return new QueryStringDecoder(request.uri()).rawPath().startsWith(API);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    DecoderResult decoded = request.decoderResult();
    if (decoded.isFailure()) {
      refuseMalformed(ctx, decoded.cause());
      return;
    }
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    QueryStringDecoder uri = new QueryStringDecoder(request.uri());
    String path = uri.path();
    if (uri.rawPath().startsWith(API)) {
      // RequestGate refused a wrong token before the body was read; checked again here so this
      // handler is never the one place a pipeline without the gate would let a call through.
      Optional<HttpResponseStatus> refusal = context.auth().refusal(request);
      if (refusal.isPresent()) {
        reply(ctx, "/api/v1", RequestGate.tokenRefusal(refusal.get()), keepAlive);
        return;
      }
      streaming |= routes.handle(ctx, request, uri, keepAlive);
      return;
    }
    if (!request.method().equals(HttpMethod.GET) && !request.method().equals(HttpMethod.HEAD)) {
      reply(ctx, "other", Responses.error(HttpResponseStatus.METHOD_NOT_ALLOWED,
          "only GET is served at " + path), keepAlive);
      return;
    }
    switch (path) {
      case "/healthz" -> new Health(context).answer(ctx, keepAlive);
      case "/metrics" -> reply(ctx, "/metrics", Responses.text(HttpResponseStatus.OK,
          MetricsText.CONTENT_TYPE, MetricsText.render(context)), keepAlive);
      case "/", "/index.html" -> file(ctx, "index.html", keepAlive);
      default -> {
        if (path.startsWith("/dashboard/")) {
          file(ctx, path.substring("/dashboard/".length()), keepAlive);
        } else {
          reply(ctx, "other", Responses.error(HttpResponseStatus.NOT_FOUND,
              "no such page: " + path + " (the API is under " + API + ")"), keepAlive);
        }
      }
    }
  }

  private void file(ChannelHandlerContext ctx, String relative, boolean keepAlive) {
    FullHttpResponse response = context.files().find(relative)
        .map(f -> Responses.bytes(HttpResponseStatus.OK, f.contentType(), f.body()))
        .orElseGet(() -> Responses.error(HttpResponseStatus.NOT_FOUND,
            "no dashboard file " + relative));
    reply(ctx, "/dashboard", response, keepAlive);
  }

  private void refuseMalformed(ChannelHandlerContext ctx, Throwable cause) {
    HttpResponseStatus status;
    if (cause instanceof TooLongHttpHeaderException) {
      status = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
    } else if (cause instanceof TooLongHttpLineException) {
      status = HttpResponseStatus.REQUEST_URI_TOO_LONG;
    } else if (cause instanceof TooLongFrameException) {
      status = HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE;
    } else {
      status = HttpResponseStatus.BAD_REQUEST;
    }
    reply(ctx, "malformed", Responses.error(status, "malformed HTTP request: "
        + cause.getMessage()), false);
  }

  private void reply(ChannelHandlerContext ctx, String route, FullHttpResponse response,
      boolean keepAlive) {
    context.metrics().count(route, response.status().code());
    Responses.send(ctx, response, keepAlive);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof IdleStateEvent && !streaming && !LongAnswers.awaited(ctx.channel())) {
      ctx.close();
      return;
    }
    super.userEventTriggered(ctx, event);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A reset or broken connection concerns only this client: drop it, keep serving the others.
    ctx.close();
  }
}
