package dev.tugboat.runtime.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An engine on a Unix socket that answers each HTTP request with what {@code answer} gives for
 * "METHOD PATH BODY" (the API version prefix taken off the path): enough of the Swarm API to
 * drive docker-java's real transport. Keeps every request it was sent.
 */
final class FakeSwarmEngine implements AutoCloseable {

  /** A status and its JSON body. */
  record Answer(int status, String json) {}

  private final ServerSocketChannel server;
  private final Function<String, Answer> answer;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  FakeSwarmEngine(Path socket, Function<String, Answer> answer) throws IOException {
    this.answer = answer;
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    acceptor = new Thread(() -> {
      while (server.isOpen()) {
        try {
          SocketChannel connection = server.accept();
          Thread serving = new Thread(() -> serve(connection), "fake-swarm-connection");
          serving.setDaemon(true);
          serving.start();
        } catch (IOException closed) {
          return;
        }
      }
    }, "fake-swarm-engine");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  List<String> requests() {
    return List.copyOf(requests);
  }

  private void serve(SocketChannel connection) {
    try (connection; InputStream in = Channels.newInputStream(connection);
        OutputStream out = Channels.newOutputStream(connection)) {
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        String[] lines = head.split("\r\n");
        String[] start = lines[0].split(" ");
        int length = 0;
        for (String line : lines) {
          if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
            length = Integer.parseInt(line.substring(15).strip());
          }
        }
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        String request = (start[0] + " " + start[1].replaceFirst("^/v1\\.\\d+", "") + " " + body)
            .strip();
        requests.add(request);
        Answer reply = answer.apply(request);
        byte[] bytes = reply.json().getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + reply.status() + " X\r\nContent-Type: application/json\r\n"
            + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
      }
    } catch (IOException | RuntimeException gone) {
      // the client closed the connection
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1
          : 0;
      if (matched == 4) {
        return head.toString(StandardCharsets.US_ASCII);
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    server.close();
    acceptor.join(5_000);
  }
}
