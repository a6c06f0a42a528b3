package dev.tugboat.trigger;

import dev.tugboat.runtime.ContainerRuntime;

/** Makes the triggers that must be probed on an interval. */
public final class ProbedTriggers {

  private final ContainerRuntime runtime;
  private final TcpConnector connector;
  private final HttpStatusReader http;

  public ProbedTriggers(ContainerRuntime runtime, TcpConnector connector) {
    this(runtime, connector, HttpStatusReader.sockets());
  }

  public ProbedTriggers(ContainerRuntime runtime, TcpConnector connector, HttpStatusReader http) {
    this.runtime = runtime;
    this.connector = connector;
    this.http = http;
  }

  /** The trigger for a probed kind; throws for a kind answered from the event stream. */
  public Trigger of(TriggerSpec spec) {
    return switch (spec.kind()) {
      case PORT_LISTEN -> PortListenTrigger.fromData(spec.data(), connector);
      case EXEC -> new ExecTrigger(runtime, spec.args());
      case LOG_MATCH -> new LogMatchTrigger(runtime, spec.data());
      case HTTP_STATUS -> HttpStatusTrigger.fromArgs(spec.args(), http);
      default -> throw new IllegalArgumentException(
          spec.kind().specName() + " is observed from Docker's events, not probed");
    };
  }
}
