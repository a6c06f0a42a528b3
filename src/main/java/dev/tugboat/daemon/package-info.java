/**
 * The long-running service ({@code tugboat serve}): its own config file, the API token, the
 * wiring of spec, config, Docker and the run loop (shared with {@code tugboat run} through {@link
 * dev.tugboat.app.AppPreparer}), and its lifecycle.
 *
 * <p>Threading: the {@link dev.tugboat.daemon.AppSupervisor} is the one owner of the app's state:
 * every command (start, stop, restart, apply, rollback, config change, a startup message, a run's
 * status and its end) is handled on its thread in the order posted, and it publishes an immutable
 * snapshot after each. A run's state belongs to its loop thread, which posts its statuses to the
 * supervisor. The supervisor never waits for a run or for Docker: a stop answers once asked, and
 * what follows it waits for the run's end; blocking Docker calls (a start's preparation, logs,
 * admin commands, pings) run on a small worker pool. SIGTERM ends the daemon and leaves the app's
 * containers running.
 *
 * <p>Under systemd: {@link dev.tugboat.daemon.SystemdService} says ready once the API listens and
 * the app's start is handed to the supervisor, and feeds the unit's watchdog while the supervisor
 * and the API's event loop answer.
 *
 * <p>Upgrades: {@link dev.tugboat.daemon.SpecUpgrade} applies a new spec (checked as {@code tugboat
 * validate} checks, {@link dev.tugboat.app.SpecCheck}) or rolls back, on the supervisor;
 * {@link dev.tugboat.daemon.SpecStore} keeps the spec in use and the one before it in the state
 * directory, {@link dev.tugboat.daemon.RunHistory} the last runs and their outcomes.
 *
 * <p>Events: {@link dev.tugboat.daemon.EventFeed} makes the API's event list from the runs'
 * journals, numbering each line from its run's offset ({@link dev.tugboat.daemon.EventIdOffsets},
 * {@code event-ids.json}), so ids stay the same over a restart and grow across runs.
 *
 * <p>Secrets: every text the daemon shows or logs passes the app's masker, which the supervisor
 * keeps (password items, env vars excluded from support, and through {@link
 * dev.tugboat.app.SecretEnvLauncher} such an env value that renders only at run time). The
 * status is masked as the API serializes it, every text of it, so a new field cannot leak.
 */
package dev.tugboat.daemon;
