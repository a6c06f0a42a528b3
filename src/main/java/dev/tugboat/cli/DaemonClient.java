package dev.tugboat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tugboat.daemon.ApiToken;
import dev.tugboat.daemon.DaemonConfig;
import dev.tugboat.daemon.DaemonConfigException;
import dev.tugboat.daemon.DaemonConfigReader;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The CLI's side of the daemon's API: finds the address and token from the daemon config, sends
 * one call, and turns every failure into a message that says what to do (the daemon is not
 * running, the token cannot be read, the daemon refused and why).
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
  private final String token;
  private final HttpClient http;
  private final DaemonConfig config;

  private DaemonClient(String token, HttpClient http, DaemonConfig config) {
    this.baseUrl = config.baseUrl();
    this.token = token;
    this.http = http;
    this.config = config;
  }

  /** Over TLS: the line that names the console's address and its certificate's fingerprint. */
  java.util.Optional<String> console() {
    if (!config.tlsEnabled()) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of("console: " + config.baseUrl() + " (TLS, certificate SHA-256 "
          + dev.tugboat.daemon.CertificateFingerprint.ofFile(config.consoleCertificate()) + ")");
    } catch (IOException e) {
      return java.util.Optional.of("console: " + config.baseUrl() + " (TLS; cannot read "
          + config.consoleCertificate() + ": " + e.getMessage() + ")");
    }
  }

  /** Plain HTTP on loopback; over TLS, trusting exactly the certificate the daemon serves. */
  private static HttpClient http(DaemonConfig config) throws ClientException {
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
    if (config.tlsEnabled()) {
      try {
        builder.sslContext(PinnedCertificate.context(config.consoleCertificate()));
      } catch (NoSuchFileException e) {
        throw new ClientException("the daemon is not running or never ran: there is no console"
            + " certificate " + config.consoleCertificate() + " yet", NOT_RUNNING);
      } catch (IOException e) {
        throw new ClientException("cannot read the console's certificate: " + e.getMessage(), 1);
      }
    }
    return builder.build();
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
      return new DaemonClient(ApiToken.read(tokenFile), http(config), config);
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
    return send(request(path).GET(), Duration.ofSeconds(90));
  }

  JsonNode post(String path, String body) throws ClientException {
    return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)),
        Duration.ofMinutes(10));
  }

  /** A POST that may take {@code timeout}: a copy of the app's data as long as its size needs. */
  JsonNode post(String path, String body, Duration timeout) throws ClientException {
    return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)), timeout);
  }

  JsonNode put(String path, String body) throws ClientException {
    return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(body)),
        Duration.ofMinutes(2));
  }

  JsonNode delete(String path) throws ClientException {
    return send(request(path).DELETE(), Duration.ofMinutes(2));
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
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", contentType)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(body)), timeout);
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
    HttpResponse<java.io.InputStream> response;
    try {
      response = http.send(request(path).GET().timeout(timeout).build(),
          HttpResponse.BodyHandlers.ofInputStream());
    } catch (ConnectException e) {
      throw new ClientException("the daemon is not running: nothing answers at " + baseUrl
          + " (start it with: systemctl start tugboat, or tugboat serve)", NOT_RUNNING, true);
    } catch (IOException e) {
      throw new ClientException("the daemon at " + baseUrl + " did not answer: " + e, 1, true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClientException("interrupted", 130);
    }
    try (java.io.InputStream body = response.body()) {
      if (response.statusCode() >= 300) {
        String text = new String(body.readNBytes(64 * 1024), java.nio.charset.StandardCharsets.UTF_8);
        String message;
        try {
          message = JSON.readTree(text).path("error").asText("");
        } catch (IOException notJson) {
          message = "";
        }
        throw new ClientException(message.isEmpty()
            ? "the daemon answered " + response.statusCode() : message, 1);
      }
      Path file = target.apply(offeredName(response));
      Path parent = file.toAbsolutePath().getParent();
      Path partial = java.nio.file.Files.createTempFile(parent, "." + file.getFileName(), ".part");
      try {
        long size = java.nio.file.Files.copy(body, partial,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        java.nio.file.Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return new Download(file, size);
      } finally {
        java.nio.file.Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      throw new ClientException("the download from " + baseUrl + path + " failed: " + e, 1);
    }
  }

  /** The file name in {@code Content-Disposition}, as a bare name (no directory). */
  private static String offeredName(HttpResponse<?> response) {
    String disposition = response.headers().firstValue("Content-Disposition").orElse("");
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
    HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
        HttpRequest.BodyPublishers.ofInputStream(() -> {
          try {
            return new SentBytes(java.nio.file.Files.newInputStream(file),
                done -> progress.progress(step, done, size));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }), size);
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/x-tar")
        .POST(body), timeout);
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException("plain values always serialize", e);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json");
  }

  private JsonNode send(HttpRequest.Builder request, Duration timeout) throws ClientException {
    HttpResponse<String> response;
    try {
      response = http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new ClientException("the daemon is not running: nothing answers at " + baseUrl
          + " (start it with: systemctl start tugboat, or tugboat serve)", NOT_RUNNING, true);
    } catch (IOException e) {
      throw new ClientException("the daemon at " + baseUrl + " did not answer: " + e, 1, true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClientException("interrupted", 130);
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new ClientException("the daemon at " + baseUrl + " answered " + response.statusCode()
          + " with something that is not JSON; is another program listening there?", 1);
    }
    if (response.statusCode() >= 300) {
      throw new ClientException(body.path("error").asText("the daemon answered "
          + response.statusCode()), 1);
    }
    return body;
  }
}
