package dev.tugboat.daemon;

import dev.tugboat.api.AppRefusal;

/**
 * The answer when the state directory cannot take a write that must land before the daemon acts
 * (a run's journal, its event id offset, the operator's request): logged, and a 507 that says
 * what to do. Acting without the write would lose or repeat work at the next restart.
 */
final class StateDirRefusal {

  private StateDirRefusal() {}

  static AppRefusal logged(DaemonLog log, String message) {
    log.error(message);
    return new AppRefusal(AppRefusal.Reason.NO_SPACE, message + "; free space or fix the permissions of state_dir");
  }
}
