/**
 * Probes that turn container facts into fired events: port-listen, exec and the extensions.
 * A trigger never sleeps: the orchestrator's loop owns intervals and deadlines.
 */
package dev.tugboat.trigger;
