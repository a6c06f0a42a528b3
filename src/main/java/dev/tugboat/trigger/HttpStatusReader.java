package dev.tugboat.trigger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * One HTTP GET whose status code is all that matters. An interface so unit tests answer from a
 * scripted container.
 */
@FunctionalInterface
public interface HttpStatusReader {

  /**
   * Sends {@code GET} for {@code url}'s path and query to {@code address:port} and returns the
   * status code of the answer. The request names {@code url}'s host in its {@code Host} header.
   * Gives up after {@code timeout} with a {@link SocketTimeoutException}.
   */
  int status(String address, int port, URI url, Duration timeout) throws IOException;

  /**
   * A plain socket speaking HTTP/1.1 with {@code Connection: close}: no pooled connections and no
   * threads of its own, so one check costs one connection and ends within its timeout. Redirects
   * are not followed: a 302 is the answer.
   */
  static HttpStatusReader sockets() {
    return (address, port, url, timeout) -> {
      long deadline = System.nanoTime() + timeout.toNanos();
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(address, port), remainingMillis(deadline));
        OutputStream out = socket.getOutputStream();
        out.write(request(url).getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return statusCode(readStatusLine(socket, deadline));
      }
    };
  }

  private static String request(URI url) {
    String target = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    if (url.getRawQuery() != null) {
      target += "?" + url.getRawQuery();
    }
    String host = url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\n")
        .append("Host: ").append(host).append("\r\n")
        .append("User-Agent: tugboat-http-status\r\n")
        .append("Accept: */*\r\n")
        .append("Connection: close\r\n");
    if (url.getRawUserInfo() != null) {
      String credentials = URLDecoder.decode(url.getRawUserInfo(), StandardCharsets.UTF_8);
      request.append("Authorization: Basic ").append(Base64.getEncoder()
          .encodeToString(credentials.getBytes(StandardCharsets.UTF_8))).append("\r\n");
    }
    return request.append("\r\n").toString();
  }

  private static String readStatusLine(Socket socket, long deadline) throws IOException {
    InputStream in = socket.getInputStream();
    StringBuilder line = new StringBuilder();
    while (line.length() < 1024) {
      socket.setSoTimeout(remainingMillis(deadline));
      int next = in.read();
      if (next < 0 || next == '\n') {
        break;
      }
      line.append((char) next);
    }
    return line.toString().strip();
  }

  private static int statusCode(String statusLine) throws IOException {
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new IOException("answered with no HTTP status line"
          + (statusLine.isEmpty() ? "" : ": \"" + statusLine + "\""));
    }
    try {
      return Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IOException("answered with status \"" + parts[1] + "\", not a number", e);
    }
  }

  private static int remainingMillis(long deadline) throws SocketTimeoutException {
    long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
    if (left <= 0) {
      throw new SocketTimeoutException("timed out");
    }
    return (int) Math.min(Integer.MAX_VALUE, left);
  }
}
