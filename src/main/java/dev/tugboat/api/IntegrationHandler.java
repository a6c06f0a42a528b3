package dev.tugboat.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * The Integration API, for the app's own containers (they find it in {@code
 * REPLICATED_INTEGRATIONAPI}, which ends in their run's secret: each path below follows it): {@code PUT /status/v1/startup} with {@code {"message": "...",
 * "severity": "info|error"}} sets the startup message; {@code error} fails the start; {@code GET
 * /license/v1/license} and {@code /license/v1/field/NAME} read the license ({@link
 * IntegrationLicense}). As
 * Replicated's Status API: an Accept header, when given, must allow {@code application/json}
 * (or {@code *}{@code /*}), else 400; success is 204.
 */
final class IntegrationHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  static final String STARTUP = "/status/v1/startup";
  private final AppService service;
  private final LicenseService licenses;

  IntegrationHandler(AppService service) {
    this(service, LicenseService.none());
  }

  IntegrationHandler(AppService service, LicenseService licenses) {
    this.service = service;
    this.licenses = licenses;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (request.decoderResult().isFailure()) {
      Responses.send(ctx, Responses.error(HttpResponseStatus.BAD_REQUEST,
          "malformed HTTP request: " + request.decoderResult().cause().getMessage()), false);
      return;
    }
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    Responses.send(ctx, answer(request, ctx.channel().remoteAddress()), keepAlive);
  }

  /**
   * The call's path is {@code /SECRET/status/v1/startup} and the like: the address each container
   * is given ends in its run's secret, and callers append the call to it. A call without the
   * current run's secret, or from an address that is none of its containers', is refused before
   * anything else is looked at.
   */
  private FullHttpResponse answer(FullHttpRequest request, java.net.SocketAddress peer) {
    QueryStringDecoder full = new QueryStringDecoder(request.uri());
    String raw = full.rawPath();
    int slash = raw.indexOf('/', 1);
    if (!raw.startsWith("/") || slash < 0) {
      return Responses.error(HttpResponseStatus.FORBIDDEN, "call the Integration API at the"
          + " address in REPLICATED_INTEGRATIONAPI, with the call's path after it");
    }
    java.net.InetAddress from = peer instanceof java.net.InetSocketAddress inet
        ? inet.getAddress() : java.net.InetAddress.getLoopbackAddress();
    java.util.Optional<String> refusal = service.integrationRefusal(raw.substring(1, slash), from);
    if (refusal.isPresent()) {
      return Responses.error(HttpResponseStatus.FORBIDDEN, refusal.get() + " (the app's"
          + " containers find its address, with their run's secret, in"
          + " REPLICATED_INTEGRATIONAPI)");
    }
    String rest = raw.substring(slash);
    QueryStringDecoder uri = new QueryStringDecoder(full.rawQuery().isEmpty() ? rest
        : rest + "?" + full.rawQuery());
    String path = uri.path();
    boolean license = IntegrationLicense.serves(uri.rawPath());
    if (!path.equals(STARTUP) && !license) {
      return Responses.error(HttpResponseStatus.NOT_FOUND, "no such call: " + path
          + " (this Integration API serves PUT " + STARTUP + ", GET " + IntegrationLicense.LICENSE
          + " and GET " + IntegrationLicense.FIELD + "NAME)");
    }
    HttpMethod wanted = license ? HttpMethod.GET : HttpMethod.PUT;
    if (!request.method().equals(wanted)) {
      return Responses.error(HttpResponseStatus.METHOD_NOT_ALLOWED, "use " + wanted + " " + path);
    }
    String accept = request.headers().get(HttpHeaderNames.ACCEPT);
    if (accept != null && !accept.contains("*/*") && !accept.contains("application/json")) {
      return Responses.error(HttpResponseStatus.BAD_REQUEST,
          "the Accept header must allow application/json or */*, got '" + accept + "'");
    }
    if (license) {
      return IntegrationLicense.answer(licenses, uri.rawPath());
    }
    try {
      JsonNode body = RequestBodies.json(request);
      JsonNode message = body.get("message");
      if (message == null || !message.isTextual()) {
        throw new ApiException(400, "give the startup message as {\"message\": \"...\"}");
      }
      JsonNode severity = body.get("severity");
      String level = severity == null || severity.isNull() ? "info" : severity.asText();
      if (!level.equals("info") && !level.equals("error")) {
        throw new ApiException(400, "severity must be info or error, got '" + level + "'");
      }
      service.startupMessage(message.asText(), level.equals("error"));
    } catch (ApiException | AppRefusal refused) {
      return AsyncReply.failed(refused);
    }
    FullHttpResponse done = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.NO_CONTENT);
    done.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
    return done;
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
