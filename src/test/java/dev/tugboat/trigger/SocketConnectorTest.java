package dev.tugboat.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.events.ProbeOutcome;
import dev.tugboat.trigger.TcpConnector.Answer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A connect that holds no thread answers as the blocking one does: accepted, refused, or no answer
 * once its timeout ran out, and many attempts at once each hear their own answer.
 */
class SocketConnectorTest {

  private final TcpConnector connector = TcpConnector.sockets();

  private Answer asked(String address, int port, Duration timeout) throws Exception {
    CompletableFuture<Answer> answer = new CompletableFuture<>();
    connector.connect(TcpConnector.addressOf(address, port), timeout, answer::complete);
    return answer.get(30, TimeUnit.SECONDS);
  }

  private static int closedPort() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return server.getLocalPort();
    }
  }

  @Test
  void aListeningPortAccepts() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThat(asked("127.0.0.1", server.getLocalPort(), Duration.ofMillis(500)))
          .isEqualTo(Answer.ACCEPTED);
    }
  }

  @Test
  void aClosedPortRefuses() throws Exception {
    assertThat(asked("127.0.0.1", closedPort(), Duration.ofMillis(500))).isEqualTo(Answer.REFUSED);
  }

  @Test
  void aPortThatDropsConnectsDoesNotAnswerOnceTheTimeoutRanOut() throws Exception {
    // A listener whose queue is full and who accepts nothing drops new connects unanswered.
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<Socket> queued = new ArrayList<>();
      try {
        Answer answer = Answer.ACCEPTED;
        for (int i = 0; i < 8 && answer == Answer.ACCEPTED; i++) {
          Socket socket = new Socket();
          queued.add(socket);
          answer = blockingConnect(socket, server.getLocalPort());
        }
        assertThat(asked("127.0.0.1", server.getLocalPort(), Duration.ofMillis(200)))
            .isEqualTo(Answer.NO_ANSWER);
      } finally {
        for (Socket socket : queued) {
          socket.close();
        }
      }
    }
  }

  private static Answer blockingConnect(Socket socket, int port) {
    try {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return Answer.ACCEPTED;
    } catch (java.io.IOException e) {
      return Answer.NO_ANSWER;
    }
  }

  @Test
  void aNumericAddressIsParsedAndANameIsLeftForTheConnectorToResolve() throws Exception {
    assertThat(TcpConnector.addressOf("172.17.0.2", 5432).isUnresolved()).isFalse();
    assertThat(TcpConnector.addressOf("172.17.0.2", 5432).getHostString()).isEqualTo("172.17.0.2");
    assertThat(TcpConnector.addressOf("fd00::2", 5432).isUnresolved()).isFalse();
    assertThat(TcpConnector.addressOf("localhost", 5432).isUnresolved()).isTrue();
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
      assertThat(asked("localhost", server.getLocalPort(), Duration.ofSeconds(5)))
          .isEqualTo(Answer.ACCEPTED);
    }
  }

  @Test
  void manyAttemptsAtOnceEachHearTheirOwnAnswer() throws Exception {
    int closed = closedPort();
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      List<CompletableFuture<Answer>> answers = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        connector.connect(
            TcpConnector.addressOf("127.0.0.1", i % 2 == 0 ? server.getLocalPort() : closed),
            Duration.ofSeconds(5), answer::complete);
        answers.add(answer);
      }
      for (int i = 0; i < 20; i++) {
        assertThat(answers.get(i).get(30, TimeUnit.SECONDS))
            .isEqualTo(i % 2 == 0 ? Answer.ACCEPTED : Answer.REFUSED);
      }
    }
  }

  @Test
  void aPortListenProbeAnswersOnTheConnectorsThreadWithWhatItSaw() throws Exception {
    int port = closedPort();
    Observation publisher = new Observation(dev.tugboat.events.ContainerKey.parse("db/postgres"),
        "id", true, OptionalInt.empty(), "127.0.0.1", List.of(), "");
    PortListenTrigger trigger = PortListenTrigger.fromData(String.valueOf(port), connector);
    CompletableFuture<ProbeOutcome> outcome = new CompletableFuture<>();

    trigger.check(publisher, outcome::complete);

    assertThat(trigger.blocks()).isFalse();
    assertThat(outcome.get(30, TimeUnit.SECONDS)).isEqualTo(ProbeOutcome.pending(
        "port " + port + " refused connections at 127.0.0.1:" + port));
  }
}
