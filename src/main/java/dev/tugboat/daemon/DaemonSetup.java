package dev.tugboat.daemon;

import dev.tugboat.app.SwarmSource;
import dev.tugboat.config.HostAddresses;
import java.time.Clock;

/**
 * What the daemon's parts share: its config, the host's addresses, the log, the clock, the app's
 * settings, and where a start finds the swarm its clustered components run on.
 */
record DaemonSetup(DaemonConfig daemon, HostAddresses host, DaemonLog log, Clock clock,
    AppConfig appConfig, SwarmSource swarm) {

  /** A daemon whose engine is in no swarm. */
  DaemonSetup(DaemonConfig daemon, HostAddresses host, DaemonLog log, Clock clock,
      AppConfig appConfig) {
    this(daemon, host, log, clock, appConfig, SwarmSource.none());
  }
}
