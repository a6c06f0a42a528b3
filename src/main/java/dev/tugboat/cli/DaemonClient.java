package dev.tugboat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tugboat.daemon.ApiToken;
import dev.tugboat.daemon.DaemonConfig;
import dev.tugboat.daemon.DaemonConfigException;
import dev.tugboat.daemon.DaemonConfigReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;

/**
 * The CLI's side of the daemon's API: finds the address and token from the daemon config, sends
 * one call, and turns every failure into a message that says what to do (the daemon is not
 * running, the token cannot be read, the daemon refused and why).
 *
 * The HTTP exchange itself is {@link DaemonExchange}'s.
 */
final class DaemonClient {

  /** Exit code when the daemon does not answer, so scripts can tell it from a refused call. */
  static final int NOT_RUNNING = 3;

  /**
   * A call that failed; the message is for the operator, {@code exitCode} for the shell. {@code
   * unreachable}: nothing answered, or the connection broke (the daemon stopped or restarts).
   */
  static final class ClientException extends Exception {
    final int exitCode;
    final boolean unreachable;

    ClientException(String message, int exitCode) {
      this(message, exitCode, false);
    }

    ClientException(String message, int exitCode, boolean unreachable) {
      super(message, null, false, false);
      this.exitCode = exitCode;
      this.unreachable = unreachable;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final String baseUrl;
  private final DaemonExchange exchange;
  private final DaemonConfig config;

  private DaemonClient(String token, Optional<SSLSocketFactory> tls, DaemonConfig config) {
    this.baseUrl = config.baseUrl();
    this.exchange = new DaemonExchange(baseUrl, token, tls);
    this.config = config;
  }

  /** Over TLS: the line that names the console's address and its certificate's fingerprint. */
  Optional<String> console() {
    if (!config.tlsEnabled()) {
      return Optional.empty();
    }
    try {
      return Optional.of("console: " + config.baseUrl() + " (TLS, certificate SHA-256 "
          + dev.tugboat.daemon.CertificateFingerprint.ofFile(config.consoleCertificate()) + ")");
    } catch (IOException e) {
      return Optional.of("console: " + config.baseUrl() + " (TLS; cannot read "
          + config.consoleCertificate() + ": " + e.getMessage() + ")");
    }
  }

  /** Plain HTTP on loopback; over TLS, trusting exactly the certificate the daemon serves. */
  private static Optional<SSLSocketFactory> tls(DaemonConfig config) throws ClientException {
    if (config.tlsEnabled()) {
      try {
        return Optional.of(PinnedCertificate.context(config.consoleCertificate()).getSocketFactory());
      } catch (NoSuchFileException e) {
        throw new ClientException("the daemon is not running or never ran: there is no console"
            + " certificate " + config.consoleCertificate() + " yet", NOT_RUNNING);
      } catch (IOException e) {
        throw new ClientException("cannot read the console's certificate: " + e.getMessage(), 1);
      }
    }
    return Optional.empty();
  }

  /** The client for the daemon that {@code configFile} (or the default config) describes. */
  static DaemonClient of(Path configFile) throws ClientException {
    DaemonConfig config;
    try {
      config = DaemonConfigReader.read(configFile == null
          ? Path.of(DaemonConfig.DEFAULT_FILE) : configFile, configFile != null, warning -> {});
    } catch (DaemonConfigException e) {
      throw new ClientException(e.getMessage(), 2);
    }
    Path tokenFile = config.tokenFile();
    try {
      return new DaemonClient(ApiToken.read(tokenFile), tls(config), config);
    } catch (AccessDeniedException e) {
      throw new ClientException("cannot read the API token " + tokenFile + ": permission denied;"
          + " run this as root (sudo) or as the daemon's user", 1);
    } catch (NoSuchFileException e) {
      throw new ClientException("the daemon is not running or never ran: there is no API token "
          + tokenFile + " (start it with: systemctl start tugboat, or tugboat serve"
          + (configFile == null ? "" : " --config " + configFile) + ")", NOT_RUNNING);
    } catch (IOException e) {
      throw new ClientException("cannot read the API token " + tokenFile + ": " + e, 1);
    }
  }

  JsonNode get(String path) throws ClientException {
    return send("GET", path, DaemonExchange.Body.NONE, Duration.ofSeconds(90));
  }

  JsonNode post(String path, String body) throws ClientException {
    return send("POST", path, DaemonExchange.Body.json(body), Duration.ofMinutes(10));
  }

  /** A POST that may take {@code timeout}: a copy of the app's data as long as its size needs. */
  JsonNode post(String path, String body, Duration timeout) throws ClientException {
    return send("POST", path, DaemonExchange.Body.json(body), timeout);
  }

  JsonNode put(String path, String body) throws ClientException {
    return send("PUT", path, DaemonExchange.Body.json(body), Duration.ofMinutes(2));
  }

  JsonNode delete(String path) throws ClientException {
    return send("DELETE", path, DaemonExchange.Body.NONE, Duration.ofMinutes(2));
  }

  /** Sends a body that is not JSON ({@code application/yaml} for a spec); waits as long as a stop. */
  JsonNode put(String path, byte[] body, String contentType) throws ClientException {
    return put(path, body, contentType, Duration.ofMinutes(10));
  }

  /**
   * As above, waiting as long as {@code timeout}: an apply answers once the snapshot of the app's
   * data is taken, which takes as long as the data's size needs.
   */
  JsonNode put(String path, byte[] body, String contentType, Duration timeout)
      throws ClientException {
    return send("PUT", path, new DaemonExchange.Body(contentType, body.length,
        () -> new java.io.ByteArrayInputStream(body)), timeout);
  }

  /** A file the daemon sent, where it was written, and its size. */
  record Download(Path file, long size) {}

  /**
   * GETs a file the daemon sends as an attachment (a support bundle): {@code target} picks where
   * it goes from the name the daemon offers ({@code Content-Disposition}); it is written beside
   * that as a temporary file and moved into place once whole, so a broken download leaves no
   * file that looks complete.
   */
  Download download(String path, java.util.function.Function<String, Path> target,
      Duration timeout) throws ClientException {
    return exchange.call("GET", path, DaemonExchange.Body.NONE, timeout, connection -> {
      int status = connection.getResponseCode();
      if (status >= 300) {
        String message;
        try {
          message = JSON.readTree(DaemonExchange.errorText(connection)).path("error").asText("");
        } catch (IOException notJson) {
          message = "";
        }
        throw new ClientException(message.isEmpty() ? "the daemon answered " + status : message, 1);
      }
      Path file = target.apply(offeredName(connection));
      Path parent = file.toAbsolutePath().getParent();
      Path partial = java.nio.file.Files.createTempFile(parent, "." + file.getFileName(), ".part");
      try (InputStream body = connection.getInputStream()) {
        long size = java.nio.file.Files.copy(body, partial,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        java.nio.file.Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return new Download(file, size);
      } finally {
        java.nio.file.Files.deleteIfExists(partial);
      }
    }, e -> new ClientException("the download from " + baseUrl + path + " failed: " + e, 1));
  }

  /** The file name in {@code Content-Disposition}, as a bare name (no directory). */
  private static String offeredName(HttpURLConnection response) {
    String disposition = Optional.ofNullable(response.getHeaderField("Content-Disposition"))
        .orElse("");
    java.util.regex.Matcher name =
        java.util.regex.Pattern.compile("filename=\"([^\"/\\\\]+)\"").matcher(disposition);
    return name.find() && !name.group(1).startsWith(".") ? name.group(1) : "download";
  }

  /**
   * POSTs {@code file} as the body, streamed (never read whole), with its length; {@code
   * progress} hears the bytes sent. Waits as long as {@code timeout}: the daemon answers once it
   * verified and loaded what was sent.
   */
  JsonNode upload(String path, Path file, ProgressLines progress, Duration timeout)
      throws ClientException {
    long size;
    try {
      size = java.nio.file.Files.size(file);
    } catch (IOException e) {
      throw new ClientException("cannot read " + file + ": " + e.getMessage(), 2);
    }
    String step = "upload " + file.getFileName();
    return send("POST", path, new DaemonExchange.Body("application/x-tar", size,
        () -> new SentBytes(java.nio.file.Files.newInputStream(file),
            done -> progress.progress(step, done, size))), timeout);
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException("plain values always serialize", e);
    }
  }

  /** An answer as it came: its status and its body's text. */
  private record Answer(int status, String text) {}

  private JsonNode send(String method, String path, DaemonExchange.Body request,
      Duration timeout)
      throws ClientException {
    Answer answer = exchange.call(method, path, request, timeout, connection -> {
      int status = connection.getResponseCode();
      return new Answer(status, status >= 400 ? DaemonExchange.errorText(connection) : new String(
          connection.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }, e -> new ClientException("the daemon at " + baseUrl + " did not answer: " + e, 1, true));
    JsonNode body;
    try {
      body = JSON.readTree(answer.text());
    } catch (IOException e) {
      throw new ClientException("the daemon at " + baseUrl + " answered " + answer.status()
          + " with something that is not JSON; is another program listening there?", 1);
    }
    if (answer.status() >= 300) {
      throw new ClientException(body.path("error").asText("the daemon answered "
          + answer.status()), 1);
    }
    return body;
  }
}
