package dev.tugboat.daemon;

import dev.tugboat.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The per-run secret in the Integration API's address that each container of a run is given
 * ({@code REPLICATED_INTEGRATIONAPI=http://172.17.0.1:9880/SECRET}). Any container on the Docker
 * bridge can reach the API; only the app's own containers know the secret of the current run.
 * It is an HMAC of the run's id under a key kept in the state directory (0600), so a run resumed
 * after a daemon restart accepts the containers it launched before. Thread-safe.
 */
final class IntegrationSecrets {

  static final String FILE = "integration-key";
  private static final String MAC = "HmacSHA256";
  private final byte[] key;

  private IntegrationSecrets(byte[] key) {
    this.key = key.clone();
  }

  /** The key in {@code stateDir}, made on first use. */
  static IntegrationSecrets loadOrCreate(Path stateDir, SecureRandom random) throws IOException {
    Path file = stateDir.resolve(FILE);
    try {
      byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
      if (key.length >= 32) {
        return new IntegrationSecrets(key);
      }
    } catch (NoSuchFileException | IllegalArgumentException missingOrDamaged) {
      // made anew below; the containers of a run started before get refused, and the
      // run is restarted by the operator like any other after a state directory was lost
    }
    byte[] key = new byte[32];
    random.nextBytes(key);
    AtomicFiles.writePrivate(file, Base64.getEncoder().encodeToString(key) + "\n");
    return new IntegrationSecrets(key);
  }

  /** A key of its own, not kept: for tests and a daemon without a state directory. */
  static IntegrationSecrets of(byte[] key) {
    return new IntegrationSecrets(key);
  }

  /** The secret of run {@code runId}: 32 characters of URL-safe Base64. */
  String forRun(String runId) {
    try {
      Mac mac = Mac.getInstance(MAC);
      mac.init(new SecretKeySpec(key, MAC));
      byte[] digest = mac.doFinal(("integration-api " + runId).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 32);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no " + MAC, e);
    }
  }

  /** Whether {@code given} is run {@code runId}'s secret; takes as long however much matches. */
  boolean matches(String runId, String given) {
    return MessageDigest.isEqual(forRun(runId).getBytes(StandardCharsets.US_ASCII),
        given.getBytes(StandardCharsets.US_ASCII));
  }
}
