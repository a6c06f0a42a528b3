package dev.tugboat.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Reads a daemon's {@code GET /api/v1/status} with its token, as the dashboard does. */
final class AppStatus {

  private AppStatus() {
  }

  /** Waits until the app's state is {@code state}; the daemon's output says why when it is not. */
  static void awaitState(String baseUrl, String token, String state, Duration timeout,
      DaemonProcess daemon) throws Exception {
    awaitState(HttpClient.newHttpClient(), baseUrl, token, state, timeout, daemon);
  }

  /** The same with a client of the caller's, such as one that trusts the daemon's certificate. */
  static void awaitState(HttpClient client, String baseUrl, String token, String state,
      Duration timeout, DaemonProcess daemon) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/status"))
        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    String seen = "";
    while (System.nanoTime() - deadline < 0) {
      HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
      seen = answer.statusCode() == 200
          ? new ObjectMapper().readTree(answer.body()).path("state").asText()
          : "HTTP " + answer.statusCode() + " " + answer.body();
      if (seen.equals(state)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the app was not " + state + " within " + timeout.toSeconds()
        + " s (last seen: " + seen + "); daemon output:\n" + daemon.output());
  }

  /** A client that trusts only the certificate in {@code certPem}, as an operator's curl would. */
  static HttpClient trusting(Path certPem) throws IOException, GeneralSecurityException {
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    try (InputStream pem = Files.newInputStream(certPem)) {
      trusted.setCertificateEntry("daemon",
          CertificateFactory.getInstance("X.509").generateCertificate(pem));
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(tls).build();
  }
}
