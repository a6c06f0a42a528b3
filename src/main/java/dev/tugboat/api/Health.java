package dev.tugboat.api;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /healthz}: 200 when the daemon answers and Docker does, 503 (with the reason) when
 * Docker does not answer: at once when the daemon's own periodic ping already found so, else
 * after waiting {@link #DOCKER_WAIT_MILLIS} for a ping, short of the 2 s a client's check may
 * allow. Needs no token: a supervisor or load balancer asks. The service answers from a ping at
 * most a second old, so asking often costs nothing more.
 */
final class Health {

  private static final long DOCKER_WAIT_MILLIS = 1500;
  // Written out, not serialized: the first answer of a starting daemon builds no serializer.
  private static final byte[] REACHABLE =
      "{\"docker\":\"reachable\",\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] UNREACHABLE = ("{\"docker\":\"unreachable\",\"message\":\"the Docker"
      + " Engine does not answer; check: systemctl status docker\",\"status\":\"degraded\"}")
      .getBytes(StandardCharsets.UTF_8);
  private final ApiContext context;

  Health(ApiContext context) {
    this.context = context;
  }

  void answer(ChannelHandlerContext ctx, boolean keepAlive) {
    CompletableFuture<Boolean> answers = context.service().engineStatus().answering()
        ? context.service().dockerReachable()
            .completeOnTimeout(false, DOCKER_WAIT_MILLIS, TimeUnit.MILLISECONDS)
        : CompletableFuture.completedFuture(false);
    AsyncReply.when(ctx, context, "/healthz", answers,
        keepAlive, reachable -> reachable
            ? Responses.bytes(HttpResponseStatus.OK, Responses.JSON, REACHABLE)
            : Responses.bytes(HttpResponseStatus.SERVICE_UNAVAILABLE, Responses.JSON,
                UNREACHABLE));
  }
}
