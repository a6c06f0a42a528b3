package dev.tugboat.template;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A {@link TemplateEnvironment} with fixed facts, for tests. */
final class FakeEnvironment implements TemplateEnvironment {
  static final Instant NOW = Instant.parse("2026-03-04T05:06:07.089Z");

  private final Map<String, String> config = new HashMap<>();
  private final Map<String, String> files = new HashMap<>();
  private final Map<String, List<String>> privateAddresses = new HashMap<>();
  private final Map<String, List<String>> publicAddresses = new HashMap<>();
  private final Map<String, List<String>> ports = new HashMap<>();
  private Set<String> notStarted = Set.of();

  static FakeEnvironment standard() {
    FakeEnvironment env = new FakeEnvironment();
    env.config("hostname", "app.example.com");
    env.config("postgres_pw", "s3cret");
    env.config("http_enabled", "1");
    env.config("max_users", "10");
    env.config("padded", "  value  ");
    env.config("empty", "");
    env.config("github_url", "https://github.mycorp.internal:3131");
    env.files.put("ssl_key", "-----BEGIN KEY-----");
    env.containers("DB", "redis", List.of("10.0.0.5"), List.of("203.0.113.5"));
    env.containers("C", "c", List.of("10.0.0.1", "10.0.0.2", "10.0.0.3"), List.of("1.1.1.1", "2.2.2.2", "3.3.3.3"));
    env.containers("App", "freighter/counter", List.of("10.0.0.7"), List.of("203.0.113.7"));
    env.containers("db", "postgres", List.of("10.0.0.8"), List.of("203.0.113.8"));
    env.ports.put("DB/redis/6379", List.of("32768"));
    env.ports.put("C/c/9042", List.of("9042", "9043", "9044"));
    env.ports.put("App/freighter/counter/3000", List.of("3000"));
    env.ports.put("db/postgres/5432", List.of("5432"));
    env.containers("Idle", "idle", List.of(), List.of());
    return env;
  }

  FakeEnvironment config(String item, String value) {
    config.put(item, value);
    return this;
  }

  FakeEnvironment notStarted(String... keys) {
    notStarted = Set.of(keys);
    return this;
  }

  private void containers(String component, String container, List<String> priv, List<String> pub) {
    privateAddresses.put(component + "/" + container, priv);
    publicAddresses.put(component + "/" + container, pub);
  }

  @Override
  public Optional<String> configOption(String item) {
    return Optional.ofNullable(config.get(item));
  }

  @Override
  public Optional<String> configOptionData(String item) {
    return Optional.ofNullable(files.get(item));
  }

  @Override
  public Optional<String> licenseFieldValue(String field) {
    return field.equals("maximum_users") ? Optional.of("25") : Optional.empty();
  }

  @Override
  public Optional<String> licenseProperty(String property) {
    return switch (property) {
      case "assignee" -> Optional.of("Acme Corp");
      case "app.id" -> Optional.of("app-123");
      default -> Optional.empty();
    };
  }

  @Override
  public Optional<String> appSetting(String name) {
    return name.equals("version.label") ? Optional.of("1.2.3") : Optional.empty();
  }

  @Override
  public Optional<String> consoleSetting(String name) {
    return name.equals("tls.hostname") ? Optional.of("console.example.com") : Optional.empty();
  }

  @Override
  public AppFacts app() {
    return new AppFacts("app-123", "42", "7", "42", false);
  }

  @Override
  public HostFacts host() {
    return new HostFacts() {
      @Override
      public String privateAddress() {
        return "10.0.0.9";
      }

      @Override
      public String publicAddress() {
        return "203.0.113.9";
      }

      @Override
      public String dockerAddress() {
        return "172.17.0.1";
      }

      @Override
      public Optional<String> interfaceAddress(String interfaceName) {
        return interfaceName.equals("docker0") ? Optional.of("172.17.0.1") : Optional.empty();
      }
    };
  }

  @Override
  public List<String> nodePrivateAddresses(String component, String container) {
    return lookup(privateAddresses, component + "/" + container);
  }

  @Override
  public List<String> nodePublicAddresses(String component, String container) {
    return lookup(publicAddresses, component + "/" + container);
  }

  @Override
  public List<String> containerExposedPorts(String component, String container, String privatePort) {
    lookup(privateAddresses, component + "/" + container);
    return ports.getOrDefault(component + "/" + container + "/" + privatePort, List.of());
  }

  private List<String> lookup(Map<String, List<String>> map, String key) {
    if (notStarted.contains(key) || !map.containsKey(key)) {
      throw new UnavailableFactException("container " + key + " has not started yet");
    }
    return map.get(key);
  }

  @Override
  public Instant now() {
    return NOW;
  }
}
