package dev.tugboat.spec;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the top level of a spec; sections have their own readers. */
final class AppSpecReader {
  /** Top-level sections kept as plain data: known to the format, not acted on by one host yet. */
  static final Set<String> KEPT_SECTIONS = new LinkedHashSet<>(List.of(
      "monitors", "custom_metrics", "host_requirements", "console_support_markdown",
      "identity", "kubernetes", "swarm", "images", "localization", "terms", "graphite", "statsd",
      "custom_requirements", "preflight"));
  /** The top-level keys: those read here and the kept sections. */
  static final Set<String> TOP_LEVEL_KEYS = YamlFields.keys(List.of(
      "replicated_api_version", "name", "version", "release_notes", "properties", "cmds", "config",
      "components", "state", "admin_commands", "support", "backup"), KEPT_SECTIONS);
  static final Set<String> STATE_KEYS = Set.of("ready");
  static final Set<String> READY_KEYS = Set.of("command", "args", "timeout");
  static final Set<String> CMD_KEYS = Set.of("name", "cmd", "args");
  /** Keys after {@code image} are kept as plain data. */
  static final Set<String> ADMIN_COMMAND_KEYS = Set.of("alias", "command", "run_type", "component",
      "container", "image", "service", "selector", "replicated", "timeout", "verbose", "when");
  static final Set<String> ADMIN_IMAGE_KEYS = Set.of("image_name", "version");
  static final Set<String> SUPPORT_KEYS = Set.of("timeout", "files", "commands");
  static final Set<String> SUPPORT_FILE_KEYS = Set.of("filename", "source");
  static final Set<String> SUPPORT_COMMAND_KEYS = Set.of("filename", "command", "source");
  /** Replicated's keys of {@code backup}; {@code pause_all} is the older {@code pause_containers}. */
  static final Set<String> BACKUP_KEYS = Set.of("enabled", "pause_containers", "pause_all",
      "script", "restore_script", "exclude_registry_data", "disable_deduplication");
  static final Set<String> SOURCE_KEYS = Set.of("replicated");
  static final Set<String> REPLICATED_SOURCE_KEYS = Set.of("component", "container");

  private final LoadContext ctx;

  AppSpecReader(LoadContext ctx) {
    this.ctx = ctx;
  }

  AppSpec read(Node root) {
    YamlFields top = YamlFields.of(ctx, "", root);
    ContainerReader containers = new ContainerReader();
    ConfigReader config = new ConfigReader();
    AppSpec spec = new AppSpec(
        top.string("replicated_api_version"),
        top.string("name"),
        top.string("version"),
        top.string("release_notes"),
        top.stringMap("properties"),
        top.list("cmds", CMD_KEYS, AppSpecReader::cmd),
        top.list("config", ConfigReader.GROUP_KEYS, config::group),
        top.list("components", ComponentReader.KEYS,
            (fields, i) -> ComponentReader.component(fields, containers)),
        ready(top),
        top.list("admin_commands", ADMIN_COMMAND_KEYS, AppSpecReader::adminCommand),
        support(top),
        backup(top),
        top.rawOf(KEPT_SECTIONS),
        ctx.sourceMap());
    top.reportUnknownKeys(TOP_LEVEL_KEYS);
    return spec;
  }

  private static SupportSpec support(YamlFields top) {
    return top.mapping("support").map(support -> {
      SupportSpec spec = new SupportSpec(
          support.integer("timeout", 0, YamlFields.WRONG_TYPE),
          support.list("files", SUPPORT_FILE_KEYS, (file, i) ->
              new SupportFileSpec(file.string("filename"), source(file))),
          support.list("commands", SUPPORT_COMMAND_KEYS, (command, i) ->
              new SupportCommandSpec(command.string("filename"), command.strings("command"),
                  source(command))));
      support.reportUnknownKeys(SUPPORT_KEYS);
      return spec;
    }).orElse(SupportSpec.NONE);
  }

  private static BackupSpec backup(YamlFields top) {
    return top.mapping("backup").map(backup -> {
      String pause = backup.has("pause_containers") ? backup.string("pause_containers")
          : backup.string("pause_all");
      BackupSpec spec = new BackupSpec(backup.string("enabled"), pause, backup.string("script"),
          backup.string("restore_script"));
      backup.reportUnknownKeys(BACKUP_KEYS);
      return spec;
    }).orElse(BackupSpec.NONE);
  }

  /** {@code source.replicated}'s component and container; empty when not given. */
  private static Optional<ContainerRef> source(YamlFields entry) {
    return entry.mapping("source").flatMap(source -> {
      Optional<ContainerRef> ref = source.mapping("replicated").map(replicated -> {
        ContainerRef named = new ContainerRef(replicated.string("component"),
            replicated.string("container"));
        replicated.reportUnknownKeys(REPLICATED_SOURCE_KEYS);
        return named;
      });
      source.reportUnknownKeys(SOURCE_KEYS);
      return ref;
    });
  }

  private static CmdSpec cmd(YamlFields fields, int index) {
    return new CmdSpec(fields.string("name"), fields.string("cmd"), fields.strings("args"));
  }

  private Optional<ReadySpec> ready(YamlFields top) {
    Optional<YamlFields> state = top.mapping("state");
    if (state.isEmpty()) {
      return Optional.empty();
    }
    Optional<YamlFields> ready = state.get().mapping("ready");
    state.get().reportUnknownKeys(STATE_KEYS);
    return ready.map(fields -> {
      ReadySpec spec = new ReadySpec(fields.string("command"), fields.strings("args"),
          fields.integer("timeout", EventSpec.DEFAULT_TIMEOUT_SECONDS, "ready-timeout"));
      fields.reportUnknownKeys(READY_KEYS);
      return spec;
    });
  }

  private static AdminCommandSpec adminCommand(YamlFields fields, int index) {
    Optional<ImageRefSpec> image = fields.mapping("image").map(imageFields -> {
      ImageRefSpec ref = new ImageRefSpec(imageFields.string("image_name"), imageFields.string("version"));
      imageFields.reportUnknownKeys(ADMIN_IMAGE_KEYS);
      return ref;
    });
    return new AdminCommandSpec(
        fields.string("alias"),
        commandOf(fields),
        fields.string("run_type"),
        fields.string("component"),
        fields.string("container"),
        image,
        fields.integer("timeout", 0, YamlFields.WRONG_TYPE),
        fields.string("when"),
        fields.rawOf(List.of("service", "selector", "replicated", "verbose")));
  }

  /** {@code command} is a list; a single string is taken as a one-element command. */
  private static List<String> commandOf(YamlFields fields) {
    Optional<Node> value = fields.value("command");
    if (value.isPresent() && value.get() instanceof org.yaml.snakeyaml.nodes.ScalarNode) {
      return List.of(fields.string("command"));
    }
    return fields.strings("command");
  }
}
