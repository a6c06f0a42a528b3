package dev.tugboat.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A license service for tests: installs what starts with "license_id", refuses the rest. */
public final class FakeLicenses implements LicenseService {

  public final List<String> installs = new ArrayList<>();
  public volatile LicenseView view = LicenseView.absent("/state/license.yml", "");

  /** The license the tests install: 25 users, expiring at the start of 2027-01-31. */
  public static LicenseView acme() {
    return new LicenseView(true, "/state/license.yml", "7a4fe1d2c9", "acme-analytics",
        "Example Corp", "Stable", "paid", "2027-01-31", Instant.parse("2027-01-31T00:00:00Z"),
        false, "refuse-start", List.of(new LicenseView.Field("maximum_users", "25", "Integer"),
            new LicenseView.Field("edition", "enterprise", "String"),
            new LicenseView.Field("sso", "true", "Boolean")), "");
  }

  @Override
  public LicenseView current() {
    return view;
  }

  @Override
  public CompletableFuture<LicenseView> install(String name, byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    if (!text.startsWith("license_id")) {
      return CompletableFuture.failedFuture(new ApiException(400, "the license " + name
          + " is refused: 'license_id' is missing; the installed license was not changed"));
    }
    installs.add(name + ": " + text);
    view = acme();
    return CompletableFuture.completedFuture(view);
  }
}
