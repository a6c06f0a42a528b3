package dev.tugboat.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cert [BITS [HOSTS...]]}: a new RSA private key of BITS bits (default 2048), a certificate for
 * HOSTS (DNS names or IP addresses, one per argument or comma-separated) signed by the installation's
 * local CA, and that CA's certificate; all PEM, in that order (what {@code value_at} 0, 1, 2 pick).
 */
final class CertGenerator implements Generator {

  static final int DEFAULT_BITS = 2048;

  private final CertificateAuthoritySource source;
  private CertificateAuthority authority;

  CertGenerator(CertificateAuthoritySource source) {
    this.source = source;
  }

  @Override
  public List<String> generate(List<String> args) throws GeneratorException {
    int bits = args.isEmpty() ? DEFAULT_BITS : parseBits(args.get(0));
    List<String> hosts = new ArrayList<>();
    for (String arg : args.subList(Math.min(1, args.size()), args.size())) {
      for (String host : arg.split(",")) {
        if (!host.isBlank()) {
          hosts.add(host.trim());
        }
      }
    }
    return authority().issue(bits, hosts).asList();
  }

  private synchronized CertificateAuthority authority() throws GeneratorException {
    if (authority == null) {
      try {
        authority = source.authority();
      } catch (IOException e) {
        throw new GeneratorException("cert: cannot load or create the local certificate authority: "
            + e.getMessage(), e);
      }
    }
    return authority;
  }

  private static int parseBits(String text) throws GeneratorException {
    try {
      int bits = Integer.parseInt(text.trim());
      if (bits >= 1024 && bits <= 8192) {
        return bits;
      }
    } catch (NumberFormatException e) {
      // reported below with the expected form
    }
    throw new GeneratorException("cert: BITS must be a key size from 1024 to 8192 (e.g. \"2048\"), got '"
        + text + "'");
  }
}
