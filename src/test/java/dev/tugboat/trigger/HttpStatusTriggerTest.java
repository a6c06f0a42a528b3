package dev.tugboat.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tugboat.events.BoundPort;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.events.ProbeOutcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests a real local HTTP server: one GET per check, no waiting between checks. */
class HttpStatusTriggerTest {

  private static final ContainerKey WEB = ContainerKey.parse("web/shop");

  private final AtomicInteger status = new AtomicInteger(503);
  private final AtomicReference<String> seenHost = new AtomicReference<>("");
  private final AtomicReference<String> seenPath = new AtomicReference<>("");
  private HttpServer server;
  private int port;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      seenHost.set(exchange.getRequestHeaders().getFirst("Host"));
      seenPath.set(exchange.getRequestURI().toString());
      exchange.sendResponseHeaders(status.get(), -1);
      exchange.close();
    });
    server.start();
    port = server.getAddress().getPort();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private static Observation at(String address, List<BoundPort> ports) {
    return new Observation(WEB, "id", true, OptionalInt.empty(), address, ports, "");
  }

  private static Trigger trigger(String url, String code) {
    return HttpStatusTrigger.fromArgs(List.of(url, code), HttpStatusReader.sockets());
  }

  @Test
  void pendingUntilTheUrlAnswersTheCodeThenPassed() {
    Trigger trigger = trigger("http://10.0.0.5:" + port + "/health?full=1", "200");

    assertThat(trigger.check(at("127.0.0.1", List.of()))).isEqualTo(ProbeOutcome.pending(
        "http://127.0.0.1:" + port + "/health?full=1 answered 503, not 200"));
    status.set(200);
    assertThat(trigger.check(at("127.0.0.1", List.of()))).isEqualTo(ProbeOutcome.passed(
        "http://127.0.0.1:" + port + "/health?full=1 answered 200"));
    // The host is the container's own address; the URL as written is the Host header.
    assertThat(seenPath.get()).isEqualTo("/health?full=1");
    assertThat(seenHost.get()).isEqualTo("10.0.0.5:" + port);
  }

  @Test
  void aPublicPortInTheUrlIsRequestedOnThePrivatePortBoundToIt() {
    status.set(204);
    Observation bound = at("127.0.0.1", List.of(new BoundPort(port, "tcp", "0.0.0.0", 18080)));

    assertThat(trigger("http://localhost:18080/", "204").check(bound).isPassed()).isTrue();
  }

  @Test
  void aRedirectIsTheAnswerNotFollowed() {
    status.set(302);

    assertThat(trigger("http://localhost:" + port + "/", "200").check(at("127.0.0.1", List.of())))
        .isEqualTo(ProbeOutcome.pending("http://127.0.0.1:" + port + "/ answered 302, not 200"));
  }

  @Test
  void aRefusedConnectionIsPendingAndSaysWhereItLooked() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }

    assertThat(trigger("http://localhost:" + closed + "/", "200").check(at("127.0.0.1", List.of())))
        .isEqualTo(ProbeOutcome.pending("http://127.0.0.1:" + closed + "/ refused the connection"));
  }

  @Test
  void aServerThatNeverAnswersIsPendingAfterTheAttemptTimeout() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Trigger trigger = HttpStatusTrigger.fromArgs(
          List.of("http://localhost:" + silent.getLocalPort() + "/", "200"),
          (address, p, url, timeout) -> HttpStatusReader.sockets().status(address, p, url,
              java.time.Duration.ofMillis(100)));

      assertThat(trigger.check(at("127.0.0.1", List.of()))).isEqualTo(ProbeOutcome.pending(
          "http://127.0.0.1:" + silent.getLocalPort() + "/ did not answer within 2 s"));
    }
  }

  @Test
  void aPublisherThatExitedCanNeverAnswer() {
    Observation exited = new Observation(WEB, "id", false, OptionalInt.of(1), "", List.of(), "");

    assertThat(trigger("http://localhost:8080/health", "200").check(exited)).isEqualTo(
        ProbeOutcome.failed("web/shop exited with code 1 before http://localhost:8080/health"
            + " answered 200"));
  }

  @Test
  void argsThatAreNotAUrlAndACodeFailSayingWhy() {
    Observation running = at("127.0.0.1", List.of());

    assertThat(HttpStatusTrigger.fromArgs(List.of("/health"), HttpStatusReader.sockets())
        .check(running)).isEqualTo(ProbeOutcome.failed(
            "http-status needs args [url, code], got [/health]"));
    assertThat(trigger("https://localhost/", "200").check(running)).isEqualTo(ProbeOutcome.failed(
        "http-status url \"https://localhost/\" is not an http:// URL with a host, such as"
            + " http://localhost:8080/health"));
    assertThat(trigger("http://localhost/", "ok").check(running)).isEqualTo(ProbeOutcome.failed(
        "http-status code \"ok\" is not a status code such as 200"));
  }
}
