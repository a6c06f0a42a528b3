// The baseline of scripts/bench/api-start.sh: the least a daemon built on Netty does before its
// first /healthz. One event loop and Netty's HTTP codec, as Tugboat's API has, answering
// GET /healthz 200 and nothing else: no config, state, token, app or Docker client. Compiled by
// the script against the shaded jar (which carries Netty) and started with the same JVM options
// and a class data sharing archive of its own, so the two starts differ only in what the daemon
// does besides listening.
//   PlainNettyServer PORT
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

public class PlainNettyServer {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    new ServerBootstrap()
        .group(new NioEventLoopGroup(1))
        .channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(8192),
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                  @Override
                  protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
                    boolean health = request.uri().equals("/healthz");
                    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        health ? HttpResponseStatus.OK : HttpResponseStatus.NOT_FOUND,
                        Unpooled.copiedBuffer(health ? "{\"status\":\"ok\"}" : "",
                            StandardCharsets.UTF_8));
                    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
                    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH,
                        response.content().readableBytes());
                    context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
                  }
                });
          }
        })
        .bind("127.0.0.1", port).sync();
  }
}
