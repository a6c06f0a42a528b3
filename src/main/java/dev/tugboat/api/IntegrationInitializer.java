package dev.tugboat.api;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The Integration API's pipeline. Its callers are the app's containers, any of which may be
 * broken or hostile, so it has the main API's caps: connections in all and per container
 * address, an idle timeout and a deadline for the request head ({@link ApiLimits#integration()}).
 */
final class IntegrationInitializer extends ChannelInitializer<Channel> {

  private final AppService service;
  private final LicenseService licenses;
  private final ApiLimits limits;
  private final ConnectionLimit connections;

  IntegrationInitializer(AppService service, LicenseService licenses, ApiLimits limits) {
    this.service = service;
    this.licenses = licenses;
    this.limits = limits;
    this.connections = new ConnectionLimit(limits.maxConnections(), limits.maxConnectionsPerPeer());
  }

  @Override
  protected void initChannel(Channel channel) {
    if (!connections.admit(channel)) {
      return;
    }
    RequestHeadDeadline headDeadline = new RequestHeadDeadline(limits.headDeadline());
    channel.pipeline()
        .addLast(new IdleStateHandler(0, 0, limits.idleTimeout().toMillis(), TimeUnit.MILLISECONDS))
        .addLast(new CloseWhenIdle())
        .addLast(headDeadline)
        .addLast(new HttpServerCodec(8192, limits.maxHeaderBytes(), 8192))
        .addLast(headDeadline.afterCodec())
        .addLast(SecurityHeaders.INSTANCE)
        .addLast(new HttpObjectAggregator(limits.maxBodyBytes()))
        .addLast(new IntegrationHandler(service, licenses));
  }

  /** Nothing on this API streams: a connection idle for the timeout is closed. */
  private static final class CloseWhenIdle extends ChannelInboundHandlerAdapter {
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
      if (event instanceof IdleStateEvent) {
        ctx.close();
        return;
      }
      super.userEventTriggered(ctx, event);
    }
  }
}
