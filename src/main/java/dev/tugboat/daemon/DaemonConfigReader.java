package dev.tugboat.daemon;

import dev.tugboat.orchestrator.ImageRegistries;
import dev.tugboat.orchestrator.ImageRegistry;
import dev.tugboat.orchestrator.Run;
import dev.tugboat.spec.SpecTree;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the daemon config. A wrong value stops the start with a message naming the key; an unknown
 * key is a warning (a newer config read by an older daemon still starts). Relative paths are taken
 * from the config file's folder.
 */
public final class DaemonConfigReader {

  static final List<String> KEYS = List.of("listen", "state_dir", "app", "docker_host",
      "registries", "private_address", "public_address", "log_format", "integration_port",
      "api_hostnames", "tls", "resync_seconds", "bundle_max_mb", "snapshots_kept");
  private static final Set<String> REGISTRY_KEYS = Set.of("address", "user", "password_file");

  private DaemonConfigReader() {}

  /** Reads {@code file}; when it is missing and {@code required} is false, the defaults. */
  public static DaemonConfig read(Path file, boolean required, Consumer<String> warnings)
      throws DaemonConfigException {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      if (required) {
        throw new DaemonConfigException("daemon config " + file + " does not exist; create it"
            + " (config/tugboat.yml documents every key) or leave out --config");
      }
      text = "";
    } catch (IOException e) {
      throw new DaemonConfigException("cannot read daemon config " + file + ": " + e);
    }
    return parse(file, text, warnings);
  }

  static DaemonConfig parse(Path file, String text, Consumer<String> warnings)
      throws DaemonConfigException {
    Object root;
    try {
      // numbers, booleans and nulls are SpecTree.PlainScalars, read as written
      root = SpecTree.parseDocument(text);
    } catch (YAMLException e) {
      throw new DaemonConfigException(file + " is not valid YAML: " + e.getMessage());
    }
    if (SpecTree.isNull(root)) {
      root = Map.of();
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new DaemonConfigException(file + " must be a YAML mapping of keys ("
          + String.join(", ", KEYS) + ")");
    }
    Fields fields = new Fields(file, map);
    for (Object key : map.keySet()) {
      if (!KEYS.contains(String.valueOf(key))) {
        warnings.accept(file + ": unknown key '" + key + "' is ignored; known keys: "
            + String.join(", ", KEYS));
      }
    }
    Path base = file.toAbsolutePath().getParent();
    return new DaemonConfig(
        listen(fields.string("listen").orElse(DaemonConfig.DEFAULT_LISTEN), file),
        base.resolve(fields.string("state_dir").orElse(DaemonConfig.DEFAULT_STATE_DIR)),
        fields.string("app").map(base::resolve),
        fields.string("docker_host"),
        new ImageRegistries(registries(fields, base)),
        fields.string("private_address"),
        fields.string("public_address"),
        logFormat(fields.string("log_format").orElse("text"), file),
        port(fields.string("integration_port"), file),
        hostnames(map.get("api_hostnames"), file),
        tls(map.get("tls"), base, file),
        resyncPeriod(fields.string("resync_seconds"), file),
        bundleMaxBytes(fields.string("bundle_max_mb"), file),
        snapshotsKept(fields.string("snapshots_kept"), file));
  }

  private static long bundleMaxBytes(Optional<String> value, Path file)
      throws DaemonConfigException {
    if (value.isEmpty()) {
      return DaemonConfig.DEFAULT_BUNDLE_MAX_MB * 1024 * 1024;
    }
    return wholeNumber(value.get(), 1, 1024L * 1024).orElseThrow(() -> new DaemonConfigException(
        file + ": key 'bundle_max_mb' must be a whole number of MiB from 1 to 1048576 (the"
            + " largest bundle an upload may be), got '" + value.get() + "'")) * 1024 * 1024;
  }

  private static int snapshotsKept(Optional<String> value, Path file)
      throws DaemonConfigException {
    if (value.isEmpty()) {
      return DaemonConfig.DEFAULT_SNAPSHOTS_KEPT;
    }
    return (int) wholeNumber(value.get(), 1, 1000).orElseThrow(() -> new DaemonConfigException(
        file + ": key 'snapshots_kept' must be a whole number from 1 to 1000 (the snapshots of"
            + " the app's data kept; default " + DaemonConfig.DEFAULT_SNAPSHOTS_KEPT + "), got '"
            + value.get() + "'"));
  }

  private static Duration resyncPeriod(Optional<String> value, Path file)
      throws DaemonConfigException {
    if (value.isEmpty()) {
      return Run.DEFAULT_RESYNC_PERIOD;
    }
    return Duration.ofSeconds(wholeNumber(value.get(), 1, DaemonConfig.MAX_RESYNC_SECONDS)
        .orElseThrow(() -> new DaemonConfigException(file + ": key 'resync_seconds' must be a"
            + " whole number of seconds from 1 to " + DaemonConfig.MAX_RESYNC_SECONDS + ", got '"
            + value.get() + "'")));
  }

  /** {@code text} as a whole number from {@code min} to {@code max}; empty when it is not one. */
  private static java.util.OptionalLong wholeNumber(String text, long min, long max) {
    try {
      long n = Long.parseLong(text);
      return n >= min && n <= max ? java.util.OptionalLong.of(n) : java.util.OptionalLong.empty();
    } catch (NumberFormatException e) {
      return java.util.OptionalLong.empty();
    }
  }

  /** {@code auto}, {@code on}, {@code off}, or {@code {cert_file, key_file}}. */
  private static ConsoleTlsSetting tls(Object value, Path base, Path file)
      throws DaemonConfigException {
    if (SpecTree.isNull(value) || "auto".equals(value)) {
      return new ConsoleTlsSetting.Auto();
    }
    // YAML reads a bare on/off as a boolean: quoted or not, it means the same here
    boolean bare = SpecTree.isBoolean(value);
    if ("on".equals(value) || bare && SpecTree.isTrue(value)) {
      return new ConsoleTlsSetting.SelfSigned();
    }
    if ("off".equals(value) || bare && !SpecTree.isTrue(value)) {
      return new ConsoleTlsSetting.Off();
    }
    if (value instanceof Map<?, ?> map && map.get("cert_file") instanceof String cert
        && map.get("key_file") instanceof String key && map.size() == 2) {
      return new ConsoleTlsSetting.OperatorFiles(base.resolve(cert), base.resolve(key));
    }
    throw new DaemonConfigException(file + ": key 'tls' must be auto, on, off, or"
        + " {cert_file: PEM_CHAIN, key_file: PEM_KEY}, got '" + SpecTree.text(value) + "'");
  }

  /** Names the console is reached by, besides localhost, IP addresses and the host's own name. */
  private static Set<String> hostnames(Object value, Path file) throws DaemonConfigException {
    if (SpecTree.isNull(value)) {
      return Set.of();
    }
    if (!(value instanceof List<?> list)) {
      throw new DaemonConfigException(file + ": key 'api_hostnames' must be a list of host names"
          + " (e.g. [appliance.example.com]), got '" + SpecTree.text(value) + "'");
    }
    Set<String> names = new java.util.LinkedHashSet<>();
    for (Object item : list) {
      String name = SpecTree.text(item).strip();
      if (!com.google.common.net.InternetDomainName.isValid(name)) {
        throw new DaemonConfigException(file + ": key 'api_hostnames' lists '" + SpecTree.text(item)
            + "', which is not a host name (IP addresses are always allowed and need no entry)");
      }
      names.add(name);
    }
    return names;
  }

  static InetSocketAddress listen(String value, Path file) throws DaemonConfigException {
    int colon = value.lastIndexOf(':');
    String host = colon < 0 ? "" : value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      int port = Integer.parseInt(value.substring(colon + 1));
      if (colon > 0 && port >= 0 && port <= 65535) {
        return new InetSocketAddress(host, port);
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new DaemonConfigException(file + ": key 'listen' must be HOST:PORT (e.g. "
        + DaemonConfig.DEFAULT_LISTEN + "), got '" + value + "'");
  }

  private static int port(Optional<String> value, Path file) throws DaemonConfigException {
    if (value.isEmpty()) {
      return DaemonConfig.DEFAULT_INTEGRATION_PORT;
    }
    try {
      int port = Integer.parseInt(value.get());
      if (port > 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new DaemonConfigException(file + ": key 'integration_port' must be a port from 1 to"
        + " 65535, got '" + value.get() + "'");
  }

  private static DaemonConfig.LogFormat logFormat(String value, Path file)
      throws DaemonConfigException {
    try {
      return DaemonConfig.LogFormat.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new DaemonConfigException(file + ": key 'log_format' must be text or json, got '"
          + value + "'");
    }
  }

  private static Map<String, ImageRegistry> registries(Fields fields, Path base)
      throws DaemonConfigException {
    Map<String, ImageRegistry> found = new LinkedHashMap<>();
    for (Map.Entry<String, Map<?, ?>> entry : fields.mapOfMaps("registries").entrySet()) {
      Fields registry = new Fields(fields.file(), entry.getValue(),
          "registries." + entry.getKey() + ".");
      for (Object key : entry.getValue().keySet()) {
        if (!REGISTRY_KEYS.contains(String.valueOf(key))) {
          throw new DaemonConfigException(fields.file() + ": key 'registries." + entry.getKey()
              + "." + key + "' is not known; a registry has address, user and password_file");
        }
      }
      String address = registry.string("address").orElseThrow(() -> new DaemonConfigException(
          fields.file() + ": key 'registries." + entry.getKey() + ".address' is missing"));
      Optional<String> user = registry.string("user");
      Optional<Path> passwordFile = registry.string("password_file").map(base::resolve);
      if (user.isPresent() != passwordFile.isPresent()) {
        throw new DaemonConfigException(fields.file() + ": key 'registries." + entry.getKey()
            + "." + (user.isPresent() ? "password_file" : "user") + "' is missing; a registry"
            + " login needs both user and password_file (or neither, for anonymous pulls)");
      }
      found.put(entry.getKey(), new ImageRegistry(entry.getKey(), address, user, passwordFile,
          Optional.of(fields.file().toAbsolutePath())));
    }
    return found;
  }

  /** Typed access to a mapping's values; errors name the key with its prefix. */
  private record Fields(Path file, Map<?, ?> map, String prefix) {
    Fields(Path file, Map<?, ?> map) {
      this(file, map, "");
    }

    Optional<String> string(String key) throws DaemonConfigException {
      Object value = map.get(key);
      if (SpecTree.isNull(value)) {
        return Optional.empty();
      }
      if (value instanceof Map || value instanceof List) {
        throw new DaemonConfigException(file + ": key '" + prefix + key
            + "' must be a single value, not a " + (value instanceof Map ? "mapping" : "list"));
      }
      String text = SpecTree.text(value).strip();
      if (text.isEmpty()) {
        throw new DaemonConfigException(file + ": key '" + prefix + key + "' is empty; give a"
            + " value or remove the key to use the default");
      }
      return Optional.of(text);
    }

    Map<String, Map<?, ?>> mapOfMaps(String key) throws DaemonConfigException {
      Object value = map.get(key);
      if (SpecTree.isNull(value)) {
        return Map.of();
      }
      if (!(value instanceof Map<?, ?> outer)) {
        throw new DaemonConfigException(file + ": key '" + prefix + key
            + "' must be a mapping of source name to {address, user, password_file}");
      }
      Map<String, Map<?, ?>> found = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : outer.entrySet()) {
        if (!(entry.getValue() instanceof Map<?, ?> inner)) {
          throw new DaemonConfigException(file + ": key '" + prefix + key + "." + entry.getKey()
              + "' must be a mapping with address, user and password_file");
        }
        found.put(String.valueOf(entry.getKey()), inner);
      }
      return found;
    }
  }
}
