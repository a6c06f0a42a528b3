package dev.tugboat.daemon;

import dev.tugboat.requirements.PreflightReport;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The last preflight's report, of a start or of {@code GET /api/v1/preflight}, as the status shows
 * it: set from the app supervisor or a worker, read by the API's threads.
 */
final class PreflightReports {
  private final AtomicReference<Map<String, Object>> last = new AtomicReference<>();

  /** Keeps {@code report} as the last one; returns its plain form. */
  Map<String, Object> record(PreflightReport report) {
    Map<String, Object> map = report.toMap();
    last.set(map);
    return map;
  }

  /** The last report, the same object until a newer one; null before any. */
  Map<String, Object> last() {
    return last.get();
  }
}
