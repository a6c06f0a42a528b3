package dev.tugboat.daemon;

import dev.tugboat.config.HostAddresses;
import java.time.Clock;

/** What the daemon's parts share: its config, the host's addresses, the log, the clock, the app's settings. */
record DaemonSetup(DaemonConfig daemon, HostAddresses host, DaemonLog log, Clock clock,
    AppConfig appConfig) {}
