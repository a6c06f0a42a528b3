package dev.tugboat.api;

import java.util.concurrent.CompletableFuture;

/**
 * The installed license, as the API and the Integration API read and install it. {@link
 * #current()} is called on Netty's threads and must not block; {@link #install} completes from the
 * daemon's own thread, failed with an {@link AppRefusal} ({@code INVALID}) when the license is refused.
 */
public interface LicenseService {

  /** The license now installed (or why there is none). */
  LicenseView current();

  /**
   * Checks {@code body} as a license file (messages call it {@code name}) and installs it; a
   * refused one changes nothing.
   */
  CompletableFuture<LicenseView> install(String name, byte[] body);

  /** No license can be installed here (a daemon without a state directory, tests). */
  static LicenseService none() {
    return new LicenseService() {
      @Override
      public LicenseView current() {
        return LicenseView.absent("", "");
      }

      @Override
      public CompletableFuture<LicenseView> install(String name, byte[] body) {
        return CompletableFuture.failedFuture(new ApiException(404,
            "this daemon keeps no license"));
      }
    };
  }
}
