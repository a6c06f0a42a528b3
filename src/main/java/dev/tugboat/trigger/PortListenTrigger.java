package dev.tugboat.trigger;

import dev.tugboat.events.ProbeOutcome;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code port-listen}: the service inside the container accepts TCP connections on its private
 * port.
 *
 * <p>Docker's surprise: with a published port, Docker's userland proxy accepts connections on the
 * host port about 30 ms after the container starts, long before the process inside listens (a
 * PostgreSQL still initializing takes about a second more). A connection to the host port proves
 * nothing, so this probes the container's own address on its private port; with host networking
 * that address is the host's. Where {@code data} names a host port rather than a private one (the
 * samples map ports to the same number, but not all specs do), the private port bound to it is
 * probed.
 */
public final class PortListenTrigger implements Trigger {

  private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);

  private final int port;
  private final TcpConnector connector;
  private volatile Answers lastAnswers;

  public PortListenTrigger(int port, TcpConnector connector) {
    this.port = port;
    this.connector = connector;
  }

  public static PortListenTrigger fromData(String data) {
    return fromData(data, TcpConnector.sockets());
  }

  public static PortListenTrigger fromData(String data, TcpConnector connector) {
    try {
      return new PortListenTrigger(Integer.parseInt(data.trim()), connector);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "port-listen needs a port number in data (\"5432\"), got \"" + data + "\"", e);
    }
  }

  @Override
  public ProbeOutcome check(Observation publisher) {
    Optional<ProbeOutcome> known = withoutConnecting(publisher);
    if (known.isPresent()) {
      return known.get();
    }
    Answers answers = answersAt(publisher);
    InetSocketAddress at = answers.socketAddress();
    return answers.of(connector.connect(at.getHostString(), at.getPort(), CONNECT_TIMEOUT));
  }

  /** Connects without holding the caller; the answer comes on the connector's thread. */
  @Override
  public void check(Observation publisher, Consumer<ProbeOutcome> then) {
    Optional<ProbeOutcome> known = withoutConnecting(publisher);
    if (known.isPresent()) {
      then.accept(known.get());
      return;
    }
    Answers answers = answersAt(publisher);
    connector.connect(answers.socketAddress(), CONNECT_TIMEOUT,
        answer -> then.accept(answers.of(answer)));
  }

  @Override
  public boolean blocks() {
    return false;
  }

  /** The answer when there is nothing to connect to. */
  private Optional<ProbeOutcome> withoutConnecting(Observation publisher) {
    if (publisher.exited()) {
      return Optional.of(ProbeOutcome.failed(publisher.container() + " exited with code "
          + publisher.exitCode().getAsInt() + " before port " + port + " accepted connections"));
    }
    if (publisher.address().isEmpty()) {
      return Optional.of(ProbeOutcome.pending(publisher.container() + " has no address yet"));
    }
    return Optional.empty();
  }

  /**
   * The answers about one publisher, made once: a probe asks the same publisher every 50 ms, and
   * the loop compares what it saw, so a refusal repeats the same outcome instead of working out
   * the port, parsing the address and building the words again.
   */
  private Answers answersAt(Observation publisher) {
    Answers last = lastAnswers;
    if (last != null && last.publisher() == publisher) {
      return last;
    }
    int target = publisher.probePortFor(port);
    String where = publisher.address() + ":" + target;
    Answers made = new Answers(publisher, TcpConnector.addressOf(publisher.address(), target),
        ProbeOutcome.passed(where + " accepted a connection"),
        ProbeOutcome.pending("port " + port + " refused connections at " + where),
        ProbeOutcome.pending("port " + port + " did not answer at " + where));
    lastAnswers = made;
    return made;
  }

  private record Answers(Observation publisher, InetSocketAddress socketAddress,
      ProbeOutcome accepted, ProbeOutcome refused, ProbeOutcome noAnswer) {

    ProbeOutcome of(TcpConnector.Answer answer) {
      return switch (answer) {
        case ACCEPTED -> accepted;
        case NO_ANSWER -> noAnswer;
        case REFUSED -> refused;
      };
    }
  }
}
