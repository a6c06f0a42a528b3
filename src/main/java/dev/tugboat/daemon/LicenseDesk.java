package dev.tugboat.daemon;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.api.LicenseService;
import dev.tugboat.api.LicenseView;
import dev.tugboat.license.License;
import dev.tugboat.license.LicenseException;
import dev.tugboat.license.LicenseStore;
import dev.tugboat.license.LicensedApp;
import dev.tugboat.license.Releases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * The daemon's license: installs it ({@code PUT /api/v1/license}, on a thread of its own: the
 * write is forced to disk), shows it from a snapshot that API threads read without blocking, and
 * gives each start the license read again from the state directory, so a start uses the file as
 * it is then.
 */
final class LicenseDesk implements LicenseService {

  static final String ADVICE = "install the vendor's license with tugboat license install FILE";

  private final LicenseStore store;
  private final Clock clock;
  private final DaemonLog log;
  private final ExecutorService writer = DaemonThreads.single("tugboat-license");
  /** The license last read or installed, or why the file cannot be read. */
  private record Read(Optional<License> license, String error) {}

  private volatile Read read;

  LicenseDesk(LicenseStore store, Clock clock, DaemonLog log) {
    this.store = store;
    this.clock = clock;
    this.log = log;
    try {
      read = new Read(store.read(), "");
    } catch (LicenseException e) {
      log.warn(e.getMessage());
      read = new Read(Optional.empty(), e.getMessage());
    }
  }

  /** Made at each call: whether it expired moves with the clock, not with the file. */
  @Override
  public LicenseView current() {
    Read now = read;
    if (now.license().isEmpty()) {
      return LicenseView.absent(store.file().toString(), now.error());
    }
    License l = now.license().get();
    List<LicenseView.Field> fields = l.fields().values().stream()
        .map(f -> new LicenseView.Field(f.name(), f.value(), f.type())).toList();
    return new LicenseView(true, store.file().toString(), l.licenseId(), l.appId(), l.assignee(),
        l.channel(), l.licenseType(), l.expiration().orElse(null), l.expiresAt().orElse(null),
        l.expiredAt(clock.instant()), l.expirationPolicy().text(), fields, "");
  }

  @Override
  public CompletableFuture<LicenseView> install(String name, byte[] body) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        License license = store.install(new String(body, StandardCharsets.UTF_8), name);
        read = new Read(Optional.of(license), "");
        log.info("license " + license.licenseId() + " installed"
            + (license.assignee() == null ? "" : " for " + license.assignee())
            + " (a restart applies it to the app's containers)");
        return current();
      } catch (LicenseException e) {
        throw new AppRefusal(AppRefusal.Reason.INVALID, e.getMessage() + "; the installed license was not changed");
      } catch (IOException e) {
        throw new AppRefusal(AppRefusal.Reason.FAILED, "cannot write " + store.file() + ": " + e
            + "; the installed license was not changed");
      }
    }, writer);
  }

  /** The license a start renders with; a damaged file refuses the start (409). */
  LicensedApp forRun(Releases releases) {
    try {
      Optional<License> license = store.read();
      read = new Read(license, "");
      return license.map(l -> LicensedApp.installed(l, store.file().toString(), ADVICE, releases))
          .orElseGet(() -> LicensedApp.none(ADVICE, releases));
    } catch (LicenseException e) {
      read = new Read(Optional.empty(), e.getMessage());
      throw new AppRefusal(AppRefusal.Reason.CONFLICT, e.getMessage() + "; nothing was started");
    }
  }
}
