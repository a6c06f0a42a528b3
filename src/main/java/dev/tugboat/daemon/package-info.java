/**
 * The long-running service ({@code tugboat serve}): its own config file, the API token, the
 * wiring of spec, config, Docker and the run loop (shared with {@code tugboat run} through {@link
 * dev.tugboat.daemon.AppPreparer}), and its lifecycle.
 *
 * <p>Threading: the {@link dev.tugboat.daemon.AppController} runs every start, stop, restart and
 * config change on one control thread in the order asked; a run's state belongs to its loop
 * thread, which publishes snapshots; blocking Docker calls (logs, admin commands, pings) run on a
 * small worker pool. SIGTERM ends the daemon and leaves the app's containers running.
 *
 * <p>Under systemd: {@link dev.tugboat.daemon.SystemdService} says ready once the API listens and
 * the app's start is handed to the control thread, and feeds the unit's watchdog while the control
 * thread and the API's event loop answer.
 *
 * <p>Upgrades: {@link dev.tugboat.daemon.SpecUpgrade} applies a new spec (checked as {@code tugboat
 * validate} checks, {@link dev.tugboat.daemon.SpecCheck}) or rolls back, on the control thread;
 * {@link dev.tugboat.daemon.SpecStore} keeps the spec in use and the one before it in the state
 * directory, {@link dev.tugboat.daemon.RunHistory} the last runs and their outcomes.
 *
 * <p>Events: {@link dev.tugboat.daemon.EventFeed} makes the API's event list from the runs'
 * journals, numbering each line from its run's offset ({@link dev.tugboat.daemon.EventIdOffsets},
 * {@code event-ids.json}), so ids stay the same over a restart and grow across runs.
 *
 * <p>Secrets: every text the daemon shows or logs passes the app's masker, which the controller
 * keeps (password items, env vars excluded from support, and through {@link
 * dev.tugboat.daemon.SecretEnvLauncher} such an env value that renders only at run time); {@link
 * dev.tugboat.daemon.MaskedStatus} masks a status, container output as lines together.
 */
package dev.tugboat.daemon;
