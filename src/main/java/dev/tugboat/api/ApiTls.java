package dev.tugboat.api;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;

/**
 * The console's TLS: the key and certificate chain every new connection is served with. {@link
 * #reload} swaps them (a renewed certificate) without a restart; open connections keep theirs.
 * Thread-safe.
 */
public final class ApiTls {

  private final AtomicReference<SslContext> context = new AtomicReference<>();

  private ApiTls(SslContext first) {
    context.set(first);
  }

  /** TLS with {@code key} and {@code chain} (the server's certificate first). */
  public static ApiTls of(PrivateKey key, X509Certificate... chain) throws SSLException {
    return new ApiTls(build(key, chain));
  }

  /** Serves new connections with {@code key} and {@code chain} from now on. */
  public void reload(PrivateKey key, X509Certificate... chain) throws SSLException {
    context.set(build(key, chain));
  }

  SslHandler newHandler(ByteBufAllocator allocator) {
    return context.get().newHandler(allocator);
  }

  private static SslContext build(PrivateKey key, X509Certificate... chain) throws SSLException {
    // TLS 1.2 and 1.3 only: older versions have no safe cipher suites left.
    return SslContextBuilder.forServer(key, chain).protocols("TLSv1.3", "TLSv1.2").build();
  }
}
