package dev.tugboat.license;

import java.time.Instant;
import java.util.Optional;

/**
 * The license a run's templates read, where it came from, and the app's releases. {@code
 * placeholders}: no license was given to a preview ({@code tugboat render}), so license facts
 * print as {@code <license field NAME>}; a run never has them, it has a license or an error that
 * says how to give one ({@code advice}: "install the vendor's license with tugboat license
 * install FILE").
 */
public record LicensedApp(Optional<License> license, String source, String advice,
    boolean placeholders, Releases releases) {

  /**
   * A run with {@code license}, read from {@code source} (a path); {@code advice} says how to give
   * a renewed one.
   */
  public static LicensedApp installed(License license, String source, String advice,
      Releases releases) {
    return new LicensedApp(Optional.of(license), source, advice, false, releases);
  }

  /** A run without a license; {@code advice} says how to give one. */
  public static LicensedApp none(String advice, Releases releases) {
    return new LicensedApp(Optional.empty(), "", advice, false, releases);
  }

  /** A preview without a license: license facts are placeholders. */
  public static LicensedApp preview() {
    return new LicensedApp(Optional.empty(), "", "", true, Releases.none());
  }

  /**
   * Refuses a start under an expired license whose policy is {@code refuse-start}, naming the
   * expiry and what to do.
   */
  public void requireUsable(Instant now) throws LicenseException {
    if (license.isPresent() && license.get().expiredAt(now)
        && license.get().expirationPolicy() == License.ExpirationPolicy.REFUSE_START) {
      License l = license.get();
      throw new LicenseException("the license " + l.licenseId()
          + (l.assignee() == null ? "" : " (" + l.assignee() + ")") + " expired on "
          + l.expiration().orElse("") + " (expiration_date in " + source + "); a renewed license is needed: "
          + advice + "; nothing was started");
    }
  }
}
