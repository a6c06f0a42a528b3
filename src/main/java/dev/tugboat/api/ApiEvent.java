package dev.tugboat.api;

import java.time.Instant;

/**
 * One event as the API lists it. {@code id} grows across all runs of the daemon, so {@code
 * ?after=id} keeps working over a restart of the app; {@code text} is the line {@code tugboat run}
 * prints for it (empty for the loop's bookkeeping), secrets masked.
 */
public record ApiEvent(long id, Instant time, String runId, String type, String text, String cause) {}
