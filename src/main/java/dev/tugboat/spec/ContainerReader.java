package dev.tugboat.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads a container entry and its lists (events, ports, volumes, env vars, files). */
final class ContainerReader {
  private static final List<String> MULTI_HOST_KEYS = List.of("cluster", "cluster_instance_count",
      "suppress_restart", "dynamic", "content_trust");
  /** A container's keys: those read here, the engine options and the multi-host keys. */
  static final Set<String> KEYS = YamlFields.keys(List.of("source", "image_name", "version", "name",
      "display_name", "cmd", "entrypoint", "ephemeral", "env_vars", "ports", "volumes", "volumes_from",
      "config_files", "customer_files", "publish_events", "restart", "when", "support_files",
      "support_commands"),
      ContainerOptionsReader.KEYS, MULTI_HOST_KEYS);
  static final Set<String> LOGS_KEYS = Set.of("max_size", "max_files");
  static final Set<String> LOG_CONFIG_KEYS = Set.of("type", "config");
  static final Set<String> RESTART_KEYS = Set.of("policy", "max");
  static final Set<String> ENV_VAR_KEYS =
      Set.of("name", "value", "static_val", "when", "is_excluded_from_support");
  static final Set<String> PORT_KEYS =
      Set.of("private_port", "public_port", "interface", "port_type", "when");
  static final Set<String> VOLUME_KEYS = Set.of("host_path", "container_path", "options",
      "permission", "owner", "is_ephemeral", "is_excluded_from_backup", "when");
  /** {@code source} to {@code ref} name a file in a repository instead of inline contents. */
  static final Set<String> CONFIG_FILE_KEYS = Set.of("filename", "contents", "file_mode",
      "file_owner", "when", "source", "owner", "repo", "path", "ref");
  static final Set<String> CUSTOMER_FILE_KEYS =
      Set.of("name", "filename", "file_mode", "file_owner", "when");
  static final Set<String> EVENT_KEYS =
      Set.of("name", "trigger", "data", "args", "timeout", "subscriptions");
  static final Set<String> SUBSCRIPTION_KEYS = Set.of("component", "container", "action");
  static final Set<String> SUPPORT_FILE_KEYS = Set.of("filename");
  static final Set<String> SUPPORT_COMMAND_KEYS = Set.of("filename", "command");
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
        fields.list("env_vars", ENV_VAR_KEYS, ContainerReader::envVar),
        fields.list("ports", PORT_KEYS, ContainerReader::port),
        fields.list("volumes", VOLUME_KEYS, ContainerReader::volume),
        fields.strings("volumes_from"),
        fields.list("config_files", CONFIG_FILE_KEYS, ContainerReader::configFile),
        fields.list("customer_files", CUSTOMER_FILE_KEYS, ContainerReader::customerFile),
        fields.list("publish_events", EVENT_KEYS, ContainerReader::event),
        restart(fields),
        fields.string("when"),
        ContainerOptionsReader.options(fields),
        fields.list("support_files", SUPPORT_FILE_KEYS,
            (file, i) -> new SupportFileSpec(file.string("filename"), Optional.empty())),
        fields.list("support_commands", SUPPORT_COMMAND_KEYS, (command, i) ->
            new SupportCommandSpec(command.string("filename"), command.strings("command"),
                Optional.empty())),
        fields.rawOf(MULTI_HOST_KEYS));
  }

  /** {@code log_config: {type, config}} of a component or a container. */
  static LogConfigSpec logConfig(YamlFields fields) {
    return fields.mapping("log_config").map(logConfig -> {
      LogConfigSpec spec = new LogConfigSpec(logConfig.string("type"),
          logConfig.stringMap("config"));
      logConfig.reportUnknownKeys(LOG_CONFIG_KEYS);
      return spec;
    }).orElse(LogConfigSpec.NONE);
  }

  static LogsSpec logs(YamlFields fields) {
    return fields.mapping("logs").map(logs -> {
      LogsSpec spec = new LogsSpec(logs.string("max_size"), logs.string("max_files"));
      logs.reportUnknownKeys(LOGS_KEYS);
      return spec;
    }).orElse(LogsSpec.NONE);
  }

  private static RestartSpec restart(YamlFields fields) {
    return fields.mapping("restart").map(restart -> {
      RestartSpec spec = new RestartSpec(restart.string("policy"),
          restart.optionalInt("max", YamlFields.WRONG_TYPE));
      restart.reportUnknownKeys(RESTART_KEYS);
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
        fields.list("subscriptions", SUBSCRIPTION_KEYS, (sub, i) -> new SubscriptionSpec(
            sub.string("component"), sub.string("container"), sub.string("action"))));
  }
}
