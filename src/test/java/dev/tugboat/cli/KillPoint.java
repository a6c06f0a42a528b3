package dev.tugboat.cli;

import java.util.Optional;

/**
 * Where a round kills the daemon with SIGKILL: as soon as {@code at} holds, or, when {@code
 * thenWhileFrozen} is given, the daemon is first frozen (SIGSTOP) when {@code at} holds and killed
 * once the engine has moved on without it, so the step happens while no daemon watches.
 */
record KillPoint(String name, Condition at, Optional<Condition> thenWhileFrozen) {

  /** A test on what the round sees; may ask the engine. */
  @FunctionalInterface
  interface Condition {
    boolean holds(RunView view) throws Exception;
  }

  static KillPoint when(String name, Condition at) {
    return new KillPoint(name, at, Optional.empty());
  }

  static KillPoint freezeThenKill(String name, Condition at, Condition whileFrozen) {
    return new KillPoint(name, at, Optional.of(whileFrozen));
  }
}
