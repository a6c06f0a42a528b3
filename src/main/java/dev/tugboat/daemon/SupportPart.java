package dev.tugboat.daemon;

import java.util.concurrent.Callable;

/**
 * One file of a support bundle: its path in the bundle, what it is (for the index), and how to
 * make it. Making it may fail, take too long or find nothing to show ({@link Missing}): the
 * bundle then notes why, and is made all the same.
 */
record SupportPart(String name, String description, Callable<SupportContent> make) {

  /** Nothing to show, for a reason that is no fault (no preflight ran yet, no journalctl). */
  static final class Missing extends RuntimeException {
    Missing(String why) {
      super(why, null, false, false);
    }
  }
}
