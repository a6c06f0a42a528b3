package dev.tugboat.config;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Where the {@code cert} command's CA comes from. Asked on first use only, since few specs use {@code
 * cert} and making a CA costs a key generation.
 */
@FunctionalInterface
public interface CertificateAuthoritySource {

  CertificateAuthority authority() throws IOException;

  /** A CA made in memory and kept by nobody: for previews ({@code tugboat render}) and tests. */
  static CertificateAuthoritySource ephemeral(Clock clock, SecureRandom random) {
    return () -> CertificateAuthority.create(CertificateAuthorityStore.COMMON_NAME, clock, random);
  }
}
