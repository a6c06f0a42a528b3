package dev.tugboat.orchestrator;

import dev.tugboat.events.ProbeOutcome;
import dev.tugboat.spec.ReadySpec;
import dev.tugboat.trigger.TcpConnector;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The {@code state.ready} commands, with rendered arguments: {@code http_status_code [url, status,
 * timeout s]} and {@code tcp_port_accept [host, port]} (or {@code [port]} on the host's private
 * address, or {@code ["host:port"]}).
 */
final class ReadyProbes {

  private ReadyProbes() {}

  static ReadyProbe of(String command, List<String> args, String hostAddress, TcpConnector tcp) {
    return switch (command) {
      case "http_status_code" -> httpStatus(args);
      case "tcp_port_accept" -> tcpAccept(args, hostAddress, tcp);
      default -> () -> ProbeOutcome.failed(ReadySpec.unknownCommand(command));
    };
  }

  private static ReadyProbe httpStatus(List<String> args) {
    if (args.isEmpty()) {
      return () -> ProbeOutcome.failed("http_status_code needs a URL in args");
    }
    String url = args.get(0);
    String expected = args.size() > 1 && !args.get(1).isBlank() ? args.get(1).trim() : "200";
    Duration timeout = Duration.ofSeconds(args.size() > 2 ? parse(args.get(2), 5) : 5);
    HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
    return () -> {
      try {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        String seen = url + " answered " + status;
        return String.valueOf(status).equals(expected)
            ? ProbeOutcome.passed(seen) : ProbeOutcome.pending(seen + ", not " + expected);
      } catch (IOException | IllegalArgumentException e) {
        return ProbeOutcome.pending(url + ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return ProbeOutcome.pending(url + ": interrupted");
      }
    };
  }

  private static ReadyProbe tcpAccept(List<String> args, String hostAddress, TcpConnector tcp) {
    String host;
    String port;
    if (args.size() >= 2) {
      host = args.get(0);
      port = args.get(1);
    } else if (args.size() == 1 && args.get(0).contains(":")) {
      host = args.get(0).substring(0, args.get(0).lastIndexOf(':'));
      port = args.get(0).substring(args.get(0).lastIndexOf(':') + 1);
    } else {
      host = hostAddress;
      port = args.isEmpty() ? "" : args.get(0);
    }
    int number = parse(port, -1);
    if (number <= 0) {
      return () -> ProbeOutcome.failed("tcp_port_accept needs a port, got \"" + port + "\"");
    }
    return () -> switch (tcp.connect(host, number, Duration.ofSeconds(1))) {
      case ACCEPTED -> ProbeOutcome.passed(host + ":" + number + " accepted a connection");
      case REFUSED -> ProbeOutcome.pending(host + ":" + number + " refused the connection");
      case NO_ANSWER -> ProbeOutcome.pending(host + ":" + number + " did not answer");
    };
  }

  private static int parse(String text, int fallback) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
