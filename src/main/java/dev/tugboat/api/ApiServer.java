package dev.tugboat.api;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The daemon's HTTP API on one address: {@code /api/v1} (token), {@code /healthz}, {@code
 * /metrics} and the dashboard. {@link #start} binds (failing if the address is taken); {@link
 * #close} stops accepting and closes every connection.
 */
public final class ApiServer implements AutoCloseable {

  private final EventLoopGroup workers;
  private final Channel channel;
  // what the connections shared, released once they are all closed
  private final Runnable release;

  private ApiServer(EventLoopGroup workers, Channel channel, Runnable release) {
    this.workers = workers;
    this.channel = channel;
    this.release = release;
  }

  /**
   * Binds {@code address} and serves {@code service} with {@code token}.
   *
   * @throws InterruptedException if interrupted while binding
   */
  public static ApiServer start(InetSocketAddress address, AppService service, String token,
      ApiLimits limits, int threads) throws InterruptedException {
    return start(address, service, LicenseService.none(), token, java.util.Set.of(), limits,
        threads);
  }

  /**
   * As above, with the app's license; {@code hostnames} are the names besides {@code localhost},
   * the host's addresses and IP addresses that requests may carry in {@code Host} (how operators
   * reach the console).
   */
  public static ApiServer start(InetSocketAddress address, AppService service,
      LicenseService licenses, String token, java.util.Set<String> hostnames, ApiLimits limits,
      int threads) throws InterruptedException {
    return start(address, service, licenses, token, hostnames, java.util.Optional.empty(), limits,
        threads);
  }

  /** As above; with {@code tls}, every connection speaks TLS (plain HTTP is not answered). */
  public static ApiServer start(InetSocketAddress address, AppService service,
      LicenseService licenses, String token, java.util.Set<String> hostnames,
      java.util.Optional<ApiTls> tls, ApiLimits limits, int threads) throws InterruptedException {
    return start(address, service, licenses, NodesService.none(), token, hostnames, tls, limits,
        threads);
  }

  /** As above, answering {@code /api/v1/nodes} from {@code nodes}. */
  public static ApiServer start(InetSocketAddress address, AppService service,
      LicenseService licenses, NodesService nodes, String token, java.util.Set<String> hostnames,
      java.util.Optional<ApiTls> tls, ApiLimits limits, int threads) throws InterruptedException {
    ApiContext context =
        ApiContext.of(service, licenses, nodes, token, new AllowedHosts(hostnames), limits, tls);
    return bind(address, new ApiInitializer(context), threads, context.status()::close);
  }

  /**
   * Binds the Integration API for the app's containers on {@code address} (the Docker bridge's
   * gateway): no token, as containers have none; it sets the startup message and reads the
   * license.
   */
  public static ApiServer startIntegration(InetSocketAddress address, AppService service,
      ApiLimits limits) throws InterruptedException {
    return startIntegration(address, service, LicenseService.none(), limits);
  }

  /** The Integration API, its license calls answered from {@code licenses}. */
  public static ApiServer startIntegration(InetSocketAddress address, AppService service,
      LicenseService licenses, ApiLimits limits) throws InterruptedException {
    return bind(address, new IntegrationInitializer(service, licenses, limits), 1, () -> { });
  }

  private static ApiServer bind(InetSocketAddress address,
      io.netty.channel.ChannelHandler initializer, int threads, Runnable release)
      throws InterruptedException {
    EventLoopGroup workers = new NioEventLoopGroup(threads);
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(workers)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 1024)
        .childOption(ChannelOption.TCP_NODELAY, true)
        // Small pools: Netty's default (two arenas per core, 16 MB chunks) would hold more
        // memory than the whole daemon needs; requests are small and status bodies are shared.
        .childOption(ChannelOption.ALLOCATOR, new PooledByteBufAllocator(true, 1, 1, 8192, 9))
        .childHandler(initializer);
    try {
      Channel channel = bootstrap.bind(address).sync().channel();
      return new ApiServer(workers, channel, release);
    } catch (RuntimeException | InterruptedException e) {
      workers.shutdownGracefully();
      release.run();
      throw e;
    }
  }

  /** The address it listens on (the port is known here when 0 was asked for). */
  public InetSocketAddress address() {
    return (InetSocketAddress) channel.localAddress();
  }

  /**
   * Completes once each of its event loops ran a no-op: the watchdog's sign that no handler has
   * stuck a loop (a stuck loop answers no request on its connections).
   */
  public CompletableFuture<Void> heartbeat() {
    List<CompletableFuture<Void>> loops = new ArrayList<>();
    workers.forEach(loop -> {
      CompletableFuture<Void> ran = new CompletableFuture<>();
      loop.execute(() -> ran.complete(null));
      loops.add(ran);
    });
    return CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new));
  }

  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    channel.close().syncUninterruptibly();
    workers.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    release.run();
  }
}
