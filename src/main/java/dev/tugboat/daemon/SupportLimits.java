package dev.tugboat.daemon;

import dev.tugboat.runtime.LogTail;
import java.time.Duration;

/**
 * How much a support bundle may hold and how long it may take. {@code deadline} bounds the whole
 * making (parts are made at once; one not done by then is noted as timed out), below the API's
 * idle timeout so the client is answered; {@code maxContentBytes} bounds what the archive holds
 * (uncompressed, so the archive is smaller still): a part that does not fit is left out and noted.
 */
record SupportLimits(LogTail.Limits containerLog, LogTail.Limits journal,
    LogTail.Limits hostJournal, long maxContentBytes, Duration deadline, int journalsKept) {

  static final SupportLimits DEFAULT = new SupportLimits(
      new LogTail.Limits(2_000, 1024 * 1024),
      new LogTail.Limits(5_000, 4 * 1024 * 1024),
      new LogTail.Limits(5_000, 2 * 1024 * 1024),
      64L * 1024 * 1024, Duration.ofSeconds(40), 3);

  SupportLimits {
    if (maxContentBytes < 64 * 1024 || deadline.isNegative() || deadline.isZero()
        || journalsKept < 1) {
      throw new IllegalArgumentException("a support bundle needs room (64 KiB at least), time"
          + " and at least one run's journal: " + maxContentBytes + ", " + deadline + ", "
          + journalsKept);
    }
  }
}
