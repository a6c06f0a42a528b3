package dev.tugboat.api;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /healthz}: 200 when the daemon answers and Docker does, 503 (with the reason) when
 * Docker does not answer within two seconds. Needs no token: a supervisor or load balancer asks.
 * The service answers from a ping at most a second old, so asking often costs nothing more.
 */
final class Health {

  private static final long DOCKER_WAIT_SECONDS = 2;
  private final ApiContext context;

  Health(ApiContext context) {
    this.context = context;
  }

  void answer(ChannelHandlerContext ctx, boolean keepAlive) {
    AsyncReply.when(ctx, context, "/healthz", context.service().dockerReachable()
            .completeOnTimeout(false, DOCKER_WAIT_SECONDS, TimeUnit.SECONDS),
        keepAlive, reachable -> reachable
            ? Responses.bytes(HttpResponseStatus.OK, Responses.JSON,
                Responses.json(Map.of("status", "ok", "docker", "reachable")))
            : Responses.bytes(HttpResponseStatus.SERVICE_UNAVAILABLE, Responses.JSON,
                Responses.json(Map.of("status", "degraded", "docker", "unreachable",
                    "message", "the Docker Engine does not answer; check: systemctl status docker"))));
  }
}
