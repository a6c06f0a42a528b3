package dev.tugboat.api;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * Assembles a connection's pipeline, once the connection is within the caps: idle timeout, the
 * request head's deadline, HTTP codec with a header limit, the security headers of every
 * response, the gate (Host, token and body size decided from the head), an uploaded bundle
 * streamed to disk, the body limit (the aggregator answers 413 itself), then the API's handler.
 */
final class ApiInitializer extends ChannelInitializer<Channel> {

  private static final int MAX_LINE = 8192;
  private final ApiContext context;

  ApiInitializer(ApiContext context) {
    this.context = context;
  }

  @Override
  protected void initChannel(Channel channel) {
    if (context.tls().isPresent()) {
      // Before the caps: a refusal beyond them is then written inside TLS, where a client reads it.
      channel.pipeline().addLast(context.tls().get().newHandler(channel.alloc()));
    }
    if (!context.connections().admit(channel)) {
      return;
    }
    ApiLimits limits = context.limits();
    RequestHeadDeadline headDeadline = new RequestHeadDeadline(limits.headDeadline());
    channel.pipeline()
        .addLast(new IdleStateHandler(0, 0, limits.idleTimeout().toMillis(), TimeUnit.MILLISECONDS))
        .addLast(headDeadline)
        .addLast(new HttpServerCodec(MAX_LINE, limits.maxHeaderBytes(), 8192))
        .addLast(headDeadline.afterCodec())
        .addLast(SecurityHeaders.INSTANCE)
        .addLast(new RequestGate(context))
        .addLast(new HttpServerExpectContinueHandler())
        .addLast(new BundleUploadHandler(context))
        .addLast(new HttpObjectAggregator(limits.maxBodyBytes()))
        // sends a file in chunks as the client takes them (the support bundle)
        .addLast(new io.netty.handler.stream.ChunkedWriteHandler())
        .addLast(new ApiHandler(context));
  }
}
