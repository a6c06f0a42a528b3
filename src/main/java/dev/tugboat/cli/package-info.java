/**
 * Command-line entry points: one class per command. Offline commands (validate, render, run,
 * config with a SPEC) work on files; client commands (status, start, stop, restart, logs, events,
 * admin, config without a SPEC) talk to the running daemon through {@link
 * dev.tugboat.cli.DaemonClient}, which finds the API address and token from the daemon config.
 */
package dev.tugboat.cli;
