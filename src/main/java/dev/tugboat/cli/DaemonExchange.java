package dev.tugboat.cli;

import dev.tugboat.cli.DaemonClient.ClientException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP exchange with the daemon: the request with its token and body, and the answer left on
 * the connection for the caller to read.
 *
 * <p>It speaks through {@link HttpURLConnection}, not {@code java.net.http.HttpClient}: every
 * command is one short call, and the newer client's set-up (the default TLS context with the JDK's
 * CA store, even for plain HTTP, and its selector and executor threads) cost about 0.35 s of each
 * command's run, against 0.04 s here. Every body is sent in streaming mode, which also stops the
 * JDK from silently sending a POST a second time when the connection breaks.
 */
final class DaemonExchange {

  /** What a call sends: its type, its exact length (-1: none), and its bytes, opened when sent. */
  record Body(String contentType, long length, BodySource source) {
    static final Body NONE = new Body("application/json", -1, InputStream::nullInputStream);

    static Body json(String text) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      return new Body("application/json", bytes.length, () -> new ByteArrayInputStream(bytes));
    }
  }

  @FunctionalInterface
  interface BodySource {
    InputStream open() throws IOException;
  }

  /** What a caller reads of the answer, once the request is sent. */
  @FunctionalInterface
  interface OnAnswer<T> {
    T read(HttpURLConnection connection) throws IOException, ClientException;
  }

  private final String baseUrl;
  private final String token;
  private final Optional<SSLSocketFactory> tls;

  /** {@code tls}: over TLS, the socket factory that trusts exactly the daemon's certificate. */
  DaemonExchange(String baseUrl, String token, Optional<SSLSocketFactory> tls) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.tls = tls;
  }

  /**
   * Sends the request and reads its answer with {@code read}, on a thread of its own: an
   * interrupt of the caller (a follower told to stop) ends the call at once, since a socket read
   * does not heed interrupts and the connection closed from here ends it. {@code timeout} bounds
   * the wait for each read of the answer, its first byte included, as the daemon answers a long
   * call (a stop, an apply) only when it is done. A connection refused says the daemon is not
   * running; any other failure to talk is {@code failed}'s message.
   */
  <T> T call(String method, String path, Body body, Duration timeout, OnAnswer<T> read,
      Function<IOException, ClientException> failed) throws ClientException {
    HttpURLConnection connection = open(method, path, timeout);
    FutureTask<T> call = new FutureTask<>(() -> {
      send(connection, body);
      return read.read(connection);
    });
    Thread caller = new Thread(call, "tugboat-client-call");
    caller.setDaemon(true);
    caller.start();
    try {
      return call.get();
    } catch (InterruptedException e) {
      connection.disconnect();
      Thread.currentThread().interrupt();
      throw new ClientException("interrupted", 130);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ClientException refused) {
        throw refused;
      }
      if (cause instanceof ConnectException) {
        throw new ClientException("the daemon is not running: nothing answers at " + baseUrl
            + " (start it with: systemctl start tugboat, or tugboat serve)",
            DaemonClient.NOT_RUNNING, true);
      }
      if (cause instanceof IOException broken) {
        throw failed.apply(broken);
      }
      throw new IllegalStateException("the call to " + baseUrl + " failed: " + cause, cause);
    } finally {
      connection.disconnect();
    }
  }

  /** The body of an error answer; empty when there is none. */
  static String errorText(HttpURLConnection connection) throws IOException {
    try (InputStream error = connection.getErrorStream()) {
      return error == null ? "" : new String(error.readNBytes(64 * 1024), StandardCharsets.UTF_8);
    }
  }

  /** A connection for one call, not yet made. */
  private HttpURLConnection open(String method, String path, Duration timeout)
      throws ClientException {
    HttpURLConnection connection;
    try {
      connection = (HttpURLConnection) new URL(baseUrl + path).openConnection();
      connection.setRequestMethod(method);
    } catch (IOException e) {
      throw new ClientException("cannot call " + baseUrl + path + ": " + e.getMessage(), 1);
    }
    if (connection instanceof HttpsURLConnection https && tls.isPresent()) {
      https.setSSLSocketFactory(tls.get());
      // The pinned certificate is the whole check: it names the daemon, whatever address it has.
      https.setHostnameVerifier((host, session) -> true);
    }
    connection.setConnectTimeout(5_000);
    connection.setReadTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    connection.setUseCaches(false);
    connection.setInstanceFollowRedirects(false);
    connection.setRequestProperty("Authorization", "Bearer " + token);
    return connection;
  }

  /** Connects and sends the request with its body; the answer is then read from the connection. */
  private static void send(HttpURLConnection connection, Body body) throws IOException {
    connection.setRequestProperty("Content-Type", body.contentType());
    if (body.length() < 0) {
      connection.connect();
      return;
    }
    connection.setDoOutput(true);
    connection.setFixedLengthStreamingMode(body.length());
    try (InputStream in = body.source().open(); OutputStream out = connection.getOutputStream()) {
      in.transferTo(out);
    }
  }
}
