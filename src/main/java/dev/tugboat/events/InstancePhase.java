package dev.tugboat.events;

/**
 * The state of one container's instance in a run.
 *
 * <pre>
 *   WAITING ──event fired──► CREATING ──started──► RUNNING ──exit──► COMPLETED / FAILED (ephemeral)
 *      │                        │                     │      └─────► RESTARTING ─► RUNNING (policy)
 *      └─► BLOCKED              └─► FAILED            └─stop─► STOPPING ─► STOPPED
 *   SKIPPED: its {@code when} is false; it never runs.
 * </pre>
 */
public enum InstancePhase {
  WAITING,
  BLOCKED,
  SKIPPED,
  CREATING,
  RUNNING,
  RESTARTING,
  STOPPING,
  COMPLETED,
  FAILED,
  STOPPED;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** A live instance holds resources and must be stopped before its publishers. */
  public boolean isLive() {
    return this == CREATING || this == RUNNING || this == RESTARTING || this == STOPPING;
  }
}
