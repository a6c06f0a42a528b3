package dev.tugboat.api;

import java.time.Instant;

/**
 * One event as the API lists it, made from one line of a run's journal. {@code id} grows across
 * the daemon's runs and its restarts (it is the run's id offset plus the line's sequence, see
 * {@code daemon.EventFeed}), so {@code ?after=id} and {@code Last-Event-ID} keep working over
 * both; ids may skip numbers. {@code text} is the line {@code tugboat run} prints for it (empty for
 * the loop's bookkeeping), secrets masked.
 */
public record ApiEvent(long id, Instant time, String runId, String type, String text, String cause) {}
