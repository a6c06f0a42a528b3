package dev.tugboat.events;

/** The state of the app in a run, as status shows it. */
public enum AppPhase {
  STOPPED,
  STARTING,
  STARTED,
  STOPPING,
  FAILED;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
