package dev.tugboat.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads a container entry and its lists (events, ports, volumes, env vars, files). */
final class ContainerReader {
  private static final List<String> MULTI_HOST_KEYS = List.of("cluster", "cluster_instance_count",
      "suppress_restart", "dynamic", "content_trust", "support_files", "support_commands");
  /** The {@code :rw}-style suffix of a {@code container_path}. */
  private static final Pattern PATH_OPTIONS = Pattern.compile("[a-zA-Z]+(,[a-zA-Z]+)*");

  /** Keys of a config file taken from a repository instead of given inline. */
  private static final List<String> REPOSITORY_FILE_KEYS =
      List.of("source", "owner", "repo", "path", "ref");

  private final CmdJson cmdJson = new CmdJson();

  ContainerSpec container(YamlFields fields, String component) {
    String cmdText = fields.string("cmd");
    return new ContainerSpec(
        component,
        fields.string("source"),
        fields.string("image_name"),
        fields.string("version"),
        fields.string("name"),
        fields.string("display_name"),
        cmdText,
        cmdJson.parse(cmdText) instanceof CmdJson.Parsed parsed ? parsed.elements() : List.of(),
        fields.strings("entrypoint", "entrypoint-list"),
        fields.bool("ephemeral"),
        fields.list("env_vars", ContainerReader::envVar),
        fields.list("ports", ContainerReader::port),
        fields.list("volumes", ContainerReader::volume),
        fields.strings("volumes_from"),
        fields.list("config_files", ContainerReader::configFile),
        fields.list("customer_files", ContainerReader::customerFile),
        fields.list("publish_events", ContainerReader::event),
        restart(fields),
        fields.string("when"),
        ContainerOptionsReader.options(fields),
        fields.rawOf(MULTI_HOST_KEYS));
  }

  static LogsSpec logs(YamlFields fields) {
    return fields.mapping("logs").map(logs -> {
      LogsSpec spec = new LogsSpec(logs.string("max_size"), logs.string("max_files"));
      logs.reportUnknownKeys();
      return spec;
    }).orElse(LogsSpec.NONE);
  }

  private static RestartSpec restart(YamlFields fields) {
    return fields.mapping("restart").map(restart -> {
      RestartSpec spec = new RestartSpec(restart.string("policy"),
          restart.optionalInt("max", YamlFields.WRONG_TYPE));
      restart.reportUnknownKeys();
      return spec;
    }).orElse(RestartSpec.NONE);
  }

  private static EnvVarSpec envVar(YamlFields fields, int index) {
    boolean hasValue = fields.has("value");
    boolean hasStaticVal = fields.has("static_val");
    String value = hasValue || !hasStaticVal ? fields.string("value") : fields.string("static_val");
    if (hasValue && hasStaticVal) {
      fields.string("static_val");
    }
    return new EnvVarSpec(fields.string("name"), value, !hasValue && hasStaticVal,
        fields.string("when"), fields.bool("is_excluded_from_support"));
  }

  private static PortSpec port(YamlFields fields, int index) {
    return new PortSpec(fields.string("private_port"), fields.string("public_port"),
        fields.string("interface"), fields.string("port_type"), fields.string("when"));
  }

  private static VolumeSpec volume(YamlFields fields, int index) {
    String containerPath = fields.string("container_path");
    List<String> options = new ArrayList<>(fields.strings("options"));
    int colon = containerPath.lastIndexOf(':');
    if (colon > 0 && PATH_OPTIONS.matcher(containerPath.substring(colon + 1)).matches()) {
      options.addAll(List.of(containerPath.substring(colon + 1).split(",")));
      containerPath = containerPath.substring(0, colon);
    }
    return new VolumeSpec(fields.string("host_path"), containerPath, options,
        fields.string("permission"), fields.string("owner"), fields.bool("is_ephemeral"),
        fields.bool("is_excluded_from_backup"), fields.string("when"));
  }

  private static ConfigFileSpec configFile(YamlFields fields, int index) {
    Optional<ConfigFileSpec.RepositoryFileSpec> fromRepository = Optional.empty();
    if (REPOSITORY_FILE_KEYS.stream().anyMatch(fields::has)) {
      fromRepository = Optional.of(new ConfigFileSpec.RepositoryFileSpec(fields.string("source"),
          fields.string("owner"), fields.string("repo"), fields.string("path"),
          fields.string("ref")));
    }
    return new ConfigFileSpec(fields.string("filename"), fields.string("contents"),
        fields.string("file_mode"), fields.string("file_owner"), fields.string("when"),
        fromRepository);
  }

  private static CustomerFileSpec customerFile(YamlFields fields, int index) {
    return new CustomerFileSpec(fields.string("name"), fields.string("filename"),
        fields.string("file_mode"), fields.string("file_owner"), fields.string("when"));
  }

  private static EventSpec event(YamlFields fields, int index) {
    return new EventSpec(
        fields.string("name"),
        fields.string("trigger"),
        fields.string("data"),
        fields.strings("args"),
        fields.integer("timeout", EventSpec.DEFAULT_TIMEOUT_SECONDS, "event-timeout"),
        fields.list("subscriptions", (sub, i) -> new SubscriptionSpec(
            sub.string("component"), sub.string("container"), sub.string("action"))));
  }
}
