/**
 * The HTTP API (Netty): {@code /api/v1} (status, events, app control, config, logs, admin, spec
 * apply and rollback, run history; every call needs the bearer token), {@code /healthz},
 * {@code /metrics}, and the dashboard's static
 * files. It talks to the app only through {@link dev.tugboat.api.AppService}.
 *
 * <p>Threading: handlers run on Netty's event loop threads and never block. {@code GET /status}
 * answers from the immutable snapshot the app publishes (serialized once per snapshot, never by
 * calling Docker); control calls return futures that the daemon completes from its own threads,
 * and the answer is written when they complete. Knows nothing of YAML or docker-java.
 */
package dev.tugboat.api;
