/**
 * Wiring of the long-running service: its own config file, lifecycle and signals.
 */
package dev.tugboat.daemon;
