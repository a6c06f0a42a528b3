package dev.tugboat.api;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import java.util.Optional;

/**
 * Decides on a request from its head alone, before any of its body is read: the {@code Host} it
 * names, the token of an {@code /api} call, and how large a body its route takes. Without this, a
 * body of up to the largest limit was gathered for any request, token or not: a hundred
 * connections sending unfinished bodies held the daemon's whole heap. A refusal is answered at
 * once, the rest of the request is dropped unread, and the connection is closed (its stream is
 * no longer in step). One instance per connection; runs on its Netty thread.
 */
final class RequestGate extends ChannelInboundHandlerAdapter {

  /** Every route but an upload takes a small JSON body at most. */
  static final int SMALL_BODY_BYTES = 64 * 1024;

  private final ApiContext context;
  private boolean discarding;
  private long bodyLimit;
  private long bodyBytes;

  RequestGate(ApiContext context) {
    this.context = context;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest request) {
      discarding = false;
      bodyBytes = 0;
      if (request.decoderResult().isFailure()) {
        // ApiHandler answers a malformed request with what was wrong.
        ctx.fireChannelRead(msg);
        return;
      }
      bodyLimit = bodyLimit(request);
      Optional<FullHttpResponse> refusal = refusal(request);
      if (refusal.isPresent()) {
        refuse(ctx, msg, refusal.get(), route(request));
        return;
      }
    } else if (msg instanceof HttpContent content && !discarding) {
      bodyBytes += content.content().readableBytes();
      if (bodyBytes > bodyLimit) {
        refuse(ctx, msg, tooLarge(), "body");
        return;
      }
    }
    if (discarding) {
      ReferenceCountUtil.release(msg);
    } else {
      ctx.fireChannelRead(msg);
    }
  }

  private Optional<FullHttpResponse> refusal(HttpRequest request) {
    String host = request.headers().get(HttpHeaderNames.HOST);
    if (!context.hosts().allows(host)) {
      return Optional.of(Responses.error(HttpResponseStatus.MISDIRECTED_REQUEST,
          "this daemon does not answer to the name '" + host + "': use "
              + context.hosts().describe() + " (the daemon config's api_hostnames adds names)"));
    }
    if (ApiHandler.isApi(request)) {
      Optional<HttpResponseStatus> refused = context.auth().refusal(request);
      if (refused.isPresent()) {
        return refused.map(RequestGate::tokenRefusal);
      }
    }
    long declared = HttpUtil.getContentLength(request, -1L);
    return declared > bodyLimit ? Optional.of(tooLarge()) : Optional.empty();
  }

  /** 401 (no token: who are you?) or 403 (a wrong one), saying where the token is. */
  static FullHttpResponse tokenRefusal(HttpResponseStatus status) {
    boolean missing = status == HttpResponseStatus.UNAUTHORIZED;
    FullHttpResponse response = Responses.error(status, missing
        ? "this call needs the header Authorization: Bearer TOKEN (the token is the file"
            + " 'token' in the daemon's state directory)"
        : "the token does not match the daemon's token");
    if (missing) {
      response.headers().set("WWW-Authenticate", "Bearer");
    }
    return response;
  }

  private FullHttpResponse tooLarge() {
    boolean bundle = bodyLimit == context.limits().maxBundleBytes();
    return Responses.error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
        "the request body is larger than this call takes (" + bodyLimit + " bytes"
            + (bundle ? ": the daemon config's bundle_max_mb raises it" : "") + ")");
  }

  /**
   * Uploads (a spec, config values with files) take the listener's limit, a bundle (streamed to
   * disk by {@link BundleUploadHandler}) its own; the rest take little.
   */
  private long bodyLimit(HttpRequest request) {
    int max = context.limits().maxBodyBytes();
    String path = new QueryStringDecoder(request.uri()).rawPath();
    if (BundleUploadHandler.isUpload(request)) {
      return context.limits().maxBundleBytes();
    }
    boolean upload = request.method().equals(HttpMethod.PUT)
        && (path.equals(ApiHandler.API + "spec") || path.equals(ApiHandler.API + "config"));
    return upload ? max : Math.min(max, SMALL_BODY_BYTES);
  }

  /**
   * Answers {@code response} and drops the rest of the request. A request with no body keeps its
   * connection; one whose body would follow is closed, as its bytes would be taken for the next
   * request's.
   */
  private void refuse(ChannelHandlerContext ctx, Object msg, FullHttpResponse response,
      String route) {
    boolean keepAlive = msg instanceof HttpRequest request && HttpUtil.isKeepAlive(request)
        && !HttpUtil.isTransferEncodingChunked(request)
        && HttpUtil.getContentLength(request, 0L) == 0;
    ReferenceCountUtil.release(msg);
    discarding = true;
    context.metrics().count(route, response.status().code());
    Responses.send(ctx, response, keepAlive);
  }

  private static String route(HttpRequest request) {
    return ApiHandler.isApi(request) ? "/api/v1" : "other";
  }
}
