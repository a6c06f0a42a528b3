package dev.tugboat.api;

/**
 * The answer to a snapshot's creation or restore: what was done in words (stops, the snapshot's
 * time and size, the new run), the snapshot, and the run started afterwards (null when none).
 */
public record SnapshotResult(String message, SnapshotInfo snapshot, String runId) {}
