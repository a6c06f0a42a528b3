package dev.tugboat.spec;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Rules about what the support bundle takes from the containers: a container's {@code
 * support_files} and {@code support_commands}, and the top-level {@code support} section, whose
 * entries name their container in {@code source.replicated}. A wrong entry would only show when a
 * customer's bundle lacks what the vendor's engineer needs, so each is an error at load.
 */
final class SupportRules {

  private SupportRules() {}

  static List<ValidationRule> all() {
    return List.of(
        ValidationRule.of("support-file", SupportRules::files),
        ValidationRule.of("support-command", SupportRules::commands),
        ValidationRule.of("support-source", SupportRules::sources));
  }

  static void files(AppSpec spec, Findings findings) {
    each(spec, ContainerSpec::supportFiles, "support_files", spec.support().files(),
        "support.files", (path, file) -> file(path, file, findings));
  }

  private static void file(String path, SupportFileSpec file, Findings findings) {
    if (file.filename().isBlank()) {
      findings.error(path, "a support file needs filename: the file's absolute path in the"
          + " container (filename: /var/log/app.log)");
    } else if (Templates.isTemplated(file.filename())) {
      findings.warning(path + ".filename", "support file \"" + file.filename() + "\" is a"
          + " template; the support bundle takes the spec's entries as written, so it looks for"
          + " this very text: give the path itself");
    } else if (!file.filename().startsWith("/")) {
      findings.error(path + ".filename", "support file \"" + file.filename()
          + "\" is not absolute; give its path in the container from / on");
    }
  }

  static void commands(AppSpec spec, Findings findings) {
    each(spec, ContainerSpec::supportCommands, "support_commands", spec.support().commands(),
        "support.commands", (path, command) -> command(path, command, findings));
  }

  /** Each container's own entries under {@code ownKey}, then the section's under {@code sectionKey}. */
  private static <T> void each(AppSpec spec, Function<ContainerSpec, List<T>> own, String ownKey,
      List<T> section, String sectionKey, BiConsumer<String, T> check) {
    for (Located<ContainerSpec> located : SpecWalk.containers(spec)) {
      List<T> entries = own.apply(located.value());
      for (int i = 0; i < entries.size(); i++) {
        check.accept(located.child(ownKey + "[" + i + "]"), entries.get(i));
      }
    }
    for (int i = 0; i < section.size(); i++) {
      check.accept(sectionKey + "[" + i + "]", section.get(i));
    }
  }

  private static void command(String path, SupportCommandSpec command, Findings findings) {
    if (command.command().isEmpty() || command.command().get(0).isBlank()) {
      findings.error(path, "a support command needs command: the program and its arguments as a"
          + " list (command: [cat, /etc/app.conf])");
    }
    if (command.command().stream().anyMatch(Templates::isTemplated)) {
      findings.warning(path + ".command", "support command " + command.command() + " holds a"
          + " template; the support bundle runs the spec's entries as written, templates and"
          + " all: give the command itself");
    }
    if (command.filename().isBlank()) {
      findings.error(path, "a support command needs filename: the name its output has in the"
          + " support bundle (filename: app-conf.txt)");
    }
  }

  /** Each top-level entry names a container of the spec; a container's own entries need none. */
  static void sources(AppSpec spec, Findings findings) {
    List<SupportFileSpec> files = spec.support().files();
    for (int i = 0; i < files.size(); i++) {
      source("support.files[" + i + "]", files.get(i).source(), spec, findings);
    }
    List<SupportCommandSpec> commands = spec.support().commands();
    for (int i = 0; i < commands.size(); i++) {
      source("support.commands[" + i + "]", commands.get(i).source(), spec, findings);
    }
  }

  private static void source(String path, Optional<ContainerRef> source, AppSpec spec,
      Findings findings) {
    if (source.isEmpty() || source.get().component().isBlank()
        || source.get().container().isBlank()) {
      findings.error(path, "name the container this entry is taken from: source: {replicated:"
          + " {component: NAME, container: IMAGE_NAME}}");
      return;
    }
    ContainerRef ref = source.get();
    if (Templates.isTemplated(ref.component()) || Templates.isTemplated(ref.container())) {
      return;
    }
    String at = path + ".source.replicated";
    if (spec.component(ref.component()).isEmpty()) {
      Set<String> names = spec.components().stream().map(ComponentSpec::name)
          .collect(Collectors.toSet());
      findings.error(at + ".component", "support source component \"" + ref.component()
          + "\" is not in the spec" + EventRules.didYouMean(ref.component(), names));
    } else if (spec.container(ref).isEmpty()) {
      Set<String> names = spec.component(ref.component()).get().containers().stream()
          .map(ContainerSpec::imageName).collect(Collectors.toSet());
      findings.error(at + ".container", "support source container \"" + ref.container()
          + "\" is not in component " + ref.component() + EventRules.didYouMean(ref.container(),
          names) + "; name it by its image_name");
    }
  }
}
