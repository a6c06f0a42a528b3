package dev.tugboat.api;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code GET /api/v1/events?after=N&wait=S&limit=L}: the events after N, waiting up to S seconds
 * for one when there are none yet (a long poll); {@code GET /api/v1/events/stream}: every event as
 * a server-sent event, starting after the {@code Last-Event-ID} header or {@code after}. Ids are
 * the same over a daemon restart, so both resume where the client stopped.
 */
final class EventsEndpoint {

  private static final int MAX_LIMIT = 10_000;
  private static final long KEEP_ALIVE_SECONDS = 20;
  private final ApiContext context;

  EventsEndpoint(ApiContext context) {
    this.context = context;
  }

  void page(ChannelHandlerContext ctx, QueryStringDecoder uri, boolean keepAlive) {
    EventLog log = context.service().events();
    long after = after(uri, log);
    int limit = Query.intParam(uri, "limit", 1000, 1, MAX_LIMIT);
    long maxWait = context.limits().maxWait().toSeconds();
    long wait = Query.longParam(uri, "wait", 0, 0, maxWait);
    List<ApiEvent> found = log.after(after, limit);
    if (!found.isEmpty() || wait == 0) {
      send(ctx, found, after, log, keepAlive);
      return;
    }
    AtomicBoolean answered = new AtomicBoolean();
    Runnable[] stop = new Runnable[1];
    ScheduledFuture<?> timeout = ctx.executor().schedule(() -> {
      if (answered.compareAndSet(false, true)) {
        stop[0].run();
        send(ctx, log.after(after, limit), after, log, keepAlive);
      }
    }, wait, TimeUnit.SECONDS);
    stop[0] = log.listen(event -> ctx.executor().execute(() -> {
      if (answered.compareAndSet(false, true)) {
        stop[0].run();
        timeout.cancel(false);
        send(ctx, log.after(after, limit), after, log, keepAlive);
      }
    }));
    ctx.channel().closeFuture().addListener(closed -> stop[0].run());
  }

  /**
   * {@code last_id} is where the client goes on from. It never goes below {@code after}: a daemon
   * that just restarted has not read its journals back yet, and a client told a lower id would be
   * sent again what it already has.
   */
  private void send(ChannelHandlerContext ctx, List<ApiEvent> events, long after, EventLog log,
      boolean keepAlive) {
    long next = events.isEmpty() ? Math.max(after, log.lastId())
        : events.get(events.size() - 1).id();
    context.metrics().count("/api/v1/events", 200);
    Responses.send(ctx, Responses.bytes(HttpResponseStatus.OK, Responses.JSON,
        Responses.json(new EventPage(events, next, log.oldestId()))), keepAlive);
  }

  /** The answer to a poll, in this order of fields. */
  record EventPage(List<ApiEvent> events, long lastId, long oldestId) {}

  void stream(ChannelHandlerContext ctx, QueryStringDecoder uri, FullHttpRequest request) {
    EventLog log = context.service().events();
    String lastEventId = request.headers().get("Last-Event-ID");
    long after = lastEventId != null && lastEventId.matches("\\d{1,18}")
        ? Long.parseLong(lastEventId) : after(uri, log);
    HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
        .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
        .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    context.metrics().count("/api/v1/events/stream", 200);
    ctx.writeAndFlush(head);
    // A client that takes nothing for the idle timeout is dropped, as an idle connection is.
    EventStreamSession session =
        new EventStreamSession(ctx, log, after, context.limits().idleTimeout());
    Runnable stop = log.listen(event -> ctx.executor().execute(session::catchUp));
    // No id: a status notice is not an event, and must not move a client's Last-Event-ID.
    Runnable stopStatus = log.listenStatus(() -> ctx.executor().execute(
        () -> session.notice("event: status\ndata: {}\n\n")));
    ctx.executor().execute(session::catchUp);
    ScheduledFuture<?> keepAlive = ctx.executor().scheduleAtFixedRate(
        () -> session.notice(": keep-alive\n\n"), KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS,
        TimeUnit.SECONDS);
    ctx.channel().closeFuture().addListener(closed -> {
      stop.run();
      stopStatus.run();
      keepAlive.cancel(false);
    });
  }

  /**
   * {@code after}: an event id, or {@code latest} for the events from now on (a client that reads
   * the current state elsewhere, like the dashboard, and wants none of the past).
   */
  private static long after(QueryStringDecoder uri, EventLog log) {
    List<String> values = uri.parameters().get("after");
    if (values != null && !values.isEmpty() && values.get(0).equals("latest")) {
      return log.lastId();
    }
    try {
      return Query.longParam(uri, "after", 0, 0, Long.MAX_VALUE);
    } catch (ApiException e) {
      throw new ApiException(400, "query parameter 'after' must be an event id (a whole number"
          + " from 0) or 'latest', got '" + values.get(0) + "'");
    }
  }

}
