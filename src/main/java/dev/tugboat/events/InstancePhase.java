package dev.tugboat.events;

/**
 * The state of one container's instance in a run, as the planner's rules move it.
 *
 * <pre>
 *   WAITING ──its event fired (a root: the start)──► CREATING ──started──► RUNNING
 *     ├─► SKIPPED  its {@code when} is false         ├─launch failed─► FAILED
 *     └─► BLOCKED  no event that starts it can fire  └─stopped──────► STOPPED
 *
 *   RUNNING ──exit, ephemeral──► COMPLETED (code 0) / FAILED
 *           ──exit, service────► RESTARTING (its policy restarts it) / FAILED
 *           ──exit, run stopping─► STOPPED
 *           ──stop───► STOPPING ──exit or stop done──► STOPPED
 *   RESTARTING ──started again──► RUNNING;  ──launch failed──► FAILED;  ──stop──► STOPPED
 * </pre>
 *
 * SKIPPED, BLOCKED, COMPLETED, FAILED and STOPPED are final within the run. Recovery moves
 * instances along the same arrows from what the engine lists (a launch never done is launched
 * again, staying CREATING).
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
