package dev.tugboat.api;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Answers when a future of the app completes: its value as JSON, an {@link AppRefusal} as the
 * status of its reason and its message, an {@link ApiException} as its status and message, anything else as 500 with the failure's message (never its stack trace).
 */
final class AsyncReply {

  private AsyncReply() {}

  static <T> void when(ChannelHandlerContext ctx, ApiContext context, String route,
      CompletableFuture<T> future, boolean keepAlive, Function<T, FullHttpResponse> ok) {
    when(ctx, context, route, future, keepAlive, ok, () -> {});
  }

  /** {@code sent}: runs on the connection's event loop once the answer was handed to it. */
  private static <T> void when(ChannelHandlerContext ctx, ApiContext context, String route,
      CompletableFuture<T> future, boolean keepAlive, Function<T, FullHttpResponse> ok,
      Runnable sent) {
    future.whenComplete((value, failure) -> {
      FullHttpResponse response = failure == null ? ok.apply(value) : failed(failure);
      ctx.executor().execute(() -> {
        context.metrics().count(route, response.status().code());
        Responses.send(ctx, response, keepAlive);
        sent.run();
      });
    });
  }

  /**
   * As {@link #json}, for an answer that may come after the idle timeout (a copy of the app's
   * data): the connection is kept open until it is sent ({@link LongAnswers}).
   */
  static <T> void longJson(ChannelHandlerContext ctx, ApiContext context, String route,
      CompletableFuture<T> future, boolean keepAlive) {
    LongAnswers.begin(ctx.channel());
    when(ctx, context, route, future, keepAlive,
        value -> Responses.bytes(HttpResponseStatus.OK, Responses.JSON, Responses.json(value)),
        () -> LongAnswers.end(ctx.channel()));
  }

  static <T> void json(ChannelHandlerContext ctx, ApiContext context, String route,
      CompletableFuture<T> future, boolean keepAlive) {
    when(ctx, context, route, future, keepAlive,
        value -> Responses.bytes(HttpResponseStatus.OK, Responses.JSON, Responses.json(value)));
  }

  /** A start, stop or restart: 202 Accepted when it goes on after the answer, else 200. */
  static void control(ChannelHandlerContext ctx, ApiContext context, String route,
      CompletableFuture<AppService.ControlResult> future, boolean keepAlive) {
    when(ctx, context, route, future, keepAlive, result -> Responses.bytes(
        result.underWay() ? HttpResponseStatus.ACCEPTED : HttpResponseStatus.OK, Responses.JSON,
        Responses.json(result)));
  }

  static FullHttpResponse failed(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    if (cause instanceof AppRefusal refused) {
      return Responses.error(RefusalStatus.of(refused.reason()), refused.getMessage());
    }
    if (cause instanceof ApiException refused) {
      return Responses.error(HttpResponseStatus.valueOf(refused.status()), refused.getMessage());
    }
    return Responses.error(HttpResponseStatus.INTERNAL_SERVER_ERROR,
        "the daemon failed to answer: " + cause);
  }
}
