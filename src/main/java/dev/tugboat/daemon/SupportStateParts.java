package dev.tugboat.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tugboat.config.ConfigEntry;
import dev.tugboat.config.ConfigException;
import dev.tugboat.config.ConfigScreen;
import dev.tugboat.config.SecretMasker;
import dev.tugboat.orchestrator.ImageRegistry;
import dev.tugboat.runtime.LogTail;
import dev.tugboat.spec.AppSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The support bundle's files from the daemon's own state: the spec in use, the stored settings
 * (values of password items and of items excluded from support replaced by the mask before the
 * masker sees them, a file item's contents by their size and SHA-256), the daemon config (its
 * fields; the token, the Integration API key and the TLS key are in files of their own and never
 * read), and the journals of the last runs.
 */
final class SupportStateParts {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DaemonConfig daemon;
  private final SupportLimits limits;

  SupportStateParts(DaemonConfig daemon, SupportLimits limits) {
    this.daemon = daemon;
    this.limits = limits;
  }

  List<SupportPart> parts(Optional<Path> specFile, Optional<AppSpec> spec) {
    List<SupportPart> parts = new ArrayList<>();
    parts.add(new SupportPart("spec.yml", "the app spec in use, as applied", () ->
        new SupportContent.Text(Files.readString(specFile.orElseThrow(() ->
            new SupportPart.Missing("no app spec is configured or applied"))))));
    parts.add(new SupportPart("settings.json", "the stored config values (settings.json);"
        + " values of password items and of items excluded from support are masked, file"
        + " items' contents shown as their size and SHA-256",
        () -> new SupportContent.Tree(settings(spec.orElseThrow(() -> new SupportPart.Missing(
            "left out: the spec cannot be read, so which values are secret is not known"))))));
    parts.add(new SupportPart("daemon-config.json", "the daemon's config (the API token is in"
        + " a file of its own and not included)", () -> new SupportContent.Value(config())));
    for (String runId : journaledRuns()) {
      parts.add(new SupportPart("runs/" + runId + ".jsonl", "the journal of run " + runId
          + " (its last " + limits.journal().lines() + " lines at most)",
          () -> new SupportContent.Lines(tail(journal(runId)))));
    }
    return parts;
  }

  private JsonNode settings(AppSpec spec) throws IOException, ConfigException {
    JsonNode stored;
    try {
      stored = JSON.readTree(Files.readString(daemon.settingsFile()));
    } catch (NoSuchFileException none) {
      throw new SupportPart.Missing("no settings are stored yet (" + daemon.settingsFile() + ")");
    }
    List<String> secret = ConfigScreen.of(spec).entries().stream()
        .filter(ConfigEntry::isSecret).map(ConfigEntry::name).toList();
    if (stored.path("items") instanceof ObjectNode items) {
      Iterator<Map.Entry<String, JsonNode>> fields = items.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> item = fields.next();
        if (!(item.getValue() instanceof ObjectNode value)) {
          continue;
        }
        if (secret.contains(item.getKey())) {
          for (String field : List.of("value", "data")) {
            if (value.has(field)) {
              value.set(field, TextNode.valueOf(SecretMasker.MASK));
            }
          }
        } else if (value.hasNonNull("data")) {
          // a file item's contents (a customer's key, a license) are not the vendor's to see
          value.set("data", digest(value.get("data").asText()));
        }
      }
    }
    return stored;
  }

  /** What is left of a file item's contents: enough to tell whether it is the expected file. */
  static ObjectNode digest(String data) {
    byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
    try {
      return JSON.createObjectNode().put("bytes", bytes.length).put("sha256",
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  private Map<String, Object> config() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("listen", daemon.listen().getHostString() + ":" + daemon.listen().getPort());
    config.put("base_url", daemon.baseUrl());
    config.put("state_dir", daemon.stateDir().toString());
    config.put("app", daemon.app().map(Path::toString).orElse(null));
    config.put("docker_host", daemon.dockerHost().orElse(null));
    config.put("private_address", daemon.privateAddress().orElse(null));
    config.put("public_address", daemon.publicAddress().orElse(null));
    config.put("log_format", daemon.logFormat().name().toLowerCase(java.util.Locale.ROOT));
    config.put("integration_port", daemon.integrationPort());
    config.put("api_hostnames", daemon.apiHostnames().stream().sorted().toList());
    config.put("tls", daemon.tls().getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
    config.put("tls_enabled", daemon.tlsEnabled());
    config.put("resync_seconds", daemon.resyncPeriod().toSeconds());
    Map<String, Object> registries = new LinkedHashMap<>();
    for (ImageRegistry registry : daemon.registries().bySource().values()) {
      Map<String, Object> shown = new LinkedHashMap<>();
      shown.put("address", registry.address());
      shown.put("user", registry.user().orElse(null));
      shown.put("password_file", registry.passwordFile().map(Path::toString).orElse(null));
      registries.put(registry.name(), shown);
    }
    config.put("registries", registries);
    return config;
  }

  /** The runs whose journals the bundle holds, oldest first. */
  List<String> journaledRuns() {
    Path runs = daemon.stateDir().resolve("runs");
    if (!Files.isDirectory(runs)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(runs)) {
      List<String> ids = files.map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".jsonl"))
          .map(name -> name.substring(0, name.length() - ".jsonl".length())).sorted().toList();
      return ids.subList(Math.max(0, ids.size() - limits.journalsKept()), ids.size());
    } catch (IOException e) {
      return List.of();
    }
  }

  private Path journal(String runId) {
    return daemon.stateDir().resolve("runs").resolve(runId + ".jsonl");
  }

  private List<String> tail(Path file) throws IOException {
    List<String> read = TextTail.lines(file, limits.journal().bytes());
    LogTail tail = LogTail.of(read, limits.journal());
    boolean older = tail.cut() || tail.lines().size() < read.size()
        || Files.size(file) > limits.journal().bytes();
    return older ? TextTail.marked(tail) : tail.lines();
  }
}
