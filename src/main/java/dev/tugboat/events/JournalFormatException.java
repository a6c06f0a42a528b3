package dev.tugboat.events;

import java.io.IOException;

/**
 * A journal file holds a well-formed line this version cannot read: a newer Tugboat wrote it. The
 * file is left as it is; the message names the file and line and what to do.
 */
public final class JournalFormatException extends IOException {

  JournalFormatException(String message) {
    super(message);
  }
}
