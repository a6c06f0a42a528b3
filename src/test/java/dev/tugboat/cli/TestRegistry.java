package dev.tugboat.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A private registry for a test: Debian's Distribution registry ({@code /usr/bin/docker-registry},
 * installed by scripts/setup-registry.sh) on a port of 127.0.0.1 that the registry picks itself,
 * with TLS (a certificate for localhost signed by a CA made here) and one htpasswd (bcrypt) login.
 * Its config and storage live in a temporary folder; {@link #close()} stops it and removes the CA
 * it gave dockerd in {@code /etc/docker/certs.d/localhost:PORT/} and the tags it pushed.
 *
 * <p>What dockerd 20.10 does with it: 127.0.0.0/8 is an insecure registry range by default (see
 * {@code docker info}), and a name that resolves into it, such as {@code localhost}, counts too.
 * For those dockerd tries HTTPS first <em>without verifying the certificate</em>, and falls back to
 * plain HTTP (which this registry answers with "Client sent an HTTP request to an HTTPS server").
 * So on loopback the CA in certs.d is not what lets the pull through; it is installed as an
 * operator installs it for a registry elsewhere, and {@link #start} checks the registry's
 * certificate against the CA itself, the check dockerd makes for a registry that is not insecure.
 * The registry never listens on an address other than 127.0.0.1.
 */
final class TestRegistry implements AutoCloseable {

  static final String BINARY = "/usr/bin/docker-registry";
  private static final Path CERTS_D = Path.of("/etc/docker/certs.d");
  private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

  private final Path dir;
  private final Process process;
  private final List<String> log = new ArrayList<>();
  private final List<String> pushed = new ArrayList<>();
  private boolean madeCertsD;
  private int port;

  private TestRegistry(Path dir, Process process) {
    this.dir = dir;
    this.process = process;
  }

  /** Starts a registry whose one login is {@code user}/{@code password}. */
  static TestRegistry start(Path dir, String user, String password) throws Exception {
    Files.createDirectories(dir);
    makeCertificates(dir);
    Files.writeString(dir.resolve("htpasswd"), run(dir, "htpasswd", "-Bbn", user, password));
    Files.writeString(dir.resolve("config.yml"), """
        version: 0.1
        log:
          level: info
          formatter: text
        storage:
          filesystem:
            rootdirectory: %1$s/storage
        http:
          addr: 127.0.0.1:0
          tls:
            certificate: %1$s/server.crt
            key: %1$s/server.key
        auth:
          htpasswd:
            realm: tugboat-test
            path: %1$s/htpasswd
        """.formatted(dir));
    Process process = new ProcessBuilder(BINARY, "serve", dir.resolve("config.yml").toString())
        .redirectErrorStream(true).start();
    TestRegistry registry = new TestRegistry(dir, process);
    try {
      registry.awaitPort(Duration.ofSeconds(30));
      registry.trustInDockerd();
      registry.checkCertificate();
    } catch (Exception | Error e) {
      registry.close();
      throw e;
    }
    return registry;
  }

  /** {@code localhost:PORT}: how image references and certs.d name it. */
  String host() {
    return "localhost:" + port;
  }

  /** Tags the local {@code image} as {@code HOST/repository} and pushes it, logged in. */
  void push(String image, String repository, String user, String password) throws Exception {
    String target = host() + "/" + repository;
    Path dockerConfig = Files.createDirectories(dir.resolve("docker-config"));
    docker(dockerConfig, password, "login", "--username", user, "--password-stdin", host());
    docker(dockerConfig, null, "tag", image, target);
    pushed.add(target);
    docker(dockerConfig, null, "push", target);
    // Without the tag, a start must pull the image from the registry again.
    docker(dockerConfig, null, "image", "rm", target);
  }

  /** The registry's own log, for failure messages. */
  String log() {
    synchronized (log) {
      return String.join("\n", log);
    }
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    for (String image : pushed) {
      // The tag a pull made; absent when the pull was refused.
      new ProcessBuilder("docker", "image", "rm", image).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
    }
    if (port != 0) {
      deleteTree(CERTS_D.resolve(host()));
      if (madeCertsD) {
        try (Stream<Path> left = Files.list(CERTS_D)) {
          if (left.findAny().isEmpty()) {
            Files.delete(CERTS_D);
          }
        }
      }
    }
  }

  private static void makeCertificates(Path dir) throws Exception {
    run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
        "-keyout", "ca.key", "-out", "ca.crt", "-subj", "/CN=tugboat test CA");
    run(dir, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key",
        "-out", "server.csr", "-subj", "/CN=localhost");
    Files.writeString(dir.resolve("server.ext"),
        "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n");
    run(dir, "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
        "-CAcreateserial", "-days", "1", "-extfile", "server.ext", "-out", "server.crt");
  }

  private void awaitPort(Duration timeout) throws Exception {
    CompletableFuture<Integer> found = new CompletableFuture<>();
    Thread reader = new Thread(() -> read(process.getInputStream(), found), "test-registry-log");
    reader.setDaemon(true);
    reader.start();
    try {
      port = found.get(timeout.toSeconds(), TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      throw new AssertionError("docker-registry did not say where it listens within "
          + timeout.toSeconds() + " s; its log:\n" + log(), e);
    }
  }

  private void read(InputStream stream, CompletableFuture<Integer> port) {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        synchronized (log) {
          log.add(line);
        }
        Matcher listening = LISTENING.matcher(line);
        if (listening.find()) {
          port.complete(Integer.parseInt(listening.group(1)));
        }
      }
      port.completeExceptionally(new IllegalStateException("docker-registry ended"));
    } catch (IOException e) {
      port.completeExceptionally(e);
    }
  }

  /** dockerd reads certs.d at each pull: no restart of the engine is needed. */
  private void trustInDockerd() throws IOException {
    madeCertsD = !Files.isDirectory(CERTS_D);
    Path certs = Files.createDirectories(CERTS_D.resolve(host()));
    Files.copy(dir.resolve("ca.crt"), certs.resolve("ca.crt"));
  }

  /** An HTTPS client that trusts only the CA: the registry answers with a login challenge. */
  private void checkCertificate() throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    try (InputStream ca = Files.newInputStream(dir.resolve("ca.crt"))) {
      trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509")
          .generateCertificate(ca));
    }
    TrustManagerFactory managers =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    managers.init(trust);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, managers.getTrustManagers(), null);
    HttpClient client = HttpClient.newBuilder().sslContext(tls)
        .connectTimeout(Duration.ofSeconds(10)).build();
    HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
        URI.create("https://" + host() + "/v2/")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 401) {
      throw new AssertionError("the registry answered /v2/ without login with "
          + answer.statusCode() + ", not 401: " + answer.body());
    }
  }

  private static String run(Path dir, String... command) throws Exception {
    Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
      try {
        return process.getErrorStream().readAllBytes();
      } catch (IOException e) {
        return new byte[0];
      }
    });
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed: "
          + new String(err.get(), StandardCharsets.UTF_8) + " (scripts/setup-registry.sh"
          + " installs docker-registry, htpasswd and openssl)");
    }
    return out;
  }

  /** The docker CLI with its own login store, so the test leaves no login behind. */
  private static void docker(Path dockerConfig, String stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("docker", "--config", dockerConfig.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (stdin != null) {
      process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("docker " + String.join(" ", args) + " failed: " + output);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
