package dev.tugboat.requirements;

import dev.tugboat.orchestrator.ImageReference;
import dev.tugboat.runtime.FileToCopy;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.CmdJson;
import dev.tugboat.spec.ContainerSpec;
import dev.tugboat.spec.CustomRequirementSpec;
import dev.tugboat.spec.Numbers;
import dev.tugboat.template.Template;
import dev.tugboat.template.TemplateEnvironment;
import java.io.IOException;
import java.net.ConnectException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the commands of custom requirements on this host, each as Replicated's native scheduler
 * ran it on one node: {@code scheduler} runs the named container's image with the command's
 * {@code cmd}, {@code entrypoint} and {@code config_files} (the container's own cmd and
 * entrypoint when not given; not its env, ports or volumes); {@code disk_space_available} and
 * {@code disk_space_total} give bytes of a directory's file system; {@code port_available} binds
 * the port (98 when taken); {@code tcp_dial} connects (111 when refused). The validator refuses
 * every other command, so none reaches here.
 */
public final class HostRequirementCommands {
  /** Replicated's default command timeout. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

  private final AppSpec spec;
  private final Map<String, String> registries;
  private final CheckContainer containers;

  HostRequirementCommands(AppSpec spec, Map<String, String> registries,
      CheckContainer containers) {
    this.spec = spec;
    this.registries = Map.copyOf(registries);
    this.containers = containers;
  }

  public CommandOutcome run(CustomRequirementSpec req, TemplateEnvironment env) {
    CustomRequirementSpec.Command command = req.command();
    String path = req.path() + ".command.data";
    Optional<Duration> timeout = timeout(command.timeout());
    return switch (command.id()) {
      case "scheduler" -> scheduler(command, env, path, timeout);
      case "disk_space_available", "disk_space_total" ->
          diskSpace(render(command.string("dir"), path + ".dir", env),
              command.id().endsWith("available"));
      case "port_available" -> portAvailable(render(command.string("port"), path + ".port", env),
          render(command.string("proto"), path + ".proto", env),
          render(command.string("ip"), path + ".ip", env));
      case "tcp_dial" -> tcpDial(render(command.string("addr"), path + ".addr", env), timeout);
      default -> CommandOutcome.failed(22, "command " + command.id() + " is not one Tugboat runs");
    };
  }

  static Optional<Duration> timeout(String text) {
    int seconds = Numbers.parseInt(text).orElse((int) DEFAULT_TIMEOUT.toSeconds());
    return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds == 0 ? 15 : seconds));
  }

  private CommandOutcome scheduler(CustomRequirementSpec.Command command, TemplateEnvironment env,
      String path, Optional<Duration> timeout) {
    Optional<ContainerSpec> container = command.schedulerTarget().flatMap(spec::container);
    if (container.isEmpty()) {
      return CommandOutcome.failed(22, "no container " + command.schedulerTarget()
          .map(r -> r.component() + "/" + r.container()).orElse("named"));
    }
    ContainerSpec target = container.get();
    String cmdText = command.data().get("cmd") instanceof String s ? s : target.cmdText();
    if (!(new CmdJson().parse(render(cmdText, path + ".cmd", env)) instanceof CmdJson.Parsed cmd)) {
      return CommandOutcome.failed(22, "cmd is not a JSON array of strings once rendered");
    }
    List<String> entrypoint = command.data().get("entrypoint") instanceof List<?> list
        ? list.stream().map(String::valueOf).toList() : target.entrypoint();
    List<FileToCopy> files = new ArrayList<>();
    if (command.data().get("config_files") instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i) instanceof Map<?, ?> file && file.get("filename") instanceof String name) {
          String contents = file.get("contents") instanceof String c ? c : "";
          files.add(FileToCopy.of(name, render(contents, path + ".config_files[" + i + "].contents",
              env).getBytes(StandardCharsets.UTF_8), 0644));
        }
      }
    }
    return containers.run(ImageReference.of(target, registries), cmd.elements(), entrypoint,
        files, timeout);
  }

  private static CommandOutcome diskSpace(String dir, boolean available) {
    Path path = Path.of(dir);
    if (dir.isBlank() || !Files.isDirectory(path)) {
      return CommandOutcome.failed(22, "no directory " + dir + " on this host");
    }
    try {
      FileStore store = Files.getFileStore(path);
      return CommandOutcome.of(0, String.valueOf(available ? store.getUsableSpace() : store.getTotalSpace()));
    } catch (IOException e) {
      return CommandOutcome.failed(1, "cannot read the file system of " + dir + ": " + e.getMessage());
    }
  }

  private static CommandOutcome portAvailable(String port, String proto, String ip) {
    int number = Numbers.parsePort(port).orElse(-1);
    if (number < 0) {
      return CommandOutcome.failed(22, "port \"" + port + "\" is not a port number");
    }
    InetSocketAddress address = ip.isBlank() ? new InetSocketAddress(number)
        : new InetSocketAddress(ip, number);
    try {
      if (proto.equalsIgnoreCase("udp")) {
        new DatagramSocket(address).close();
      } else {
        try (ServerSocket socket = new ServerSocket()) {
          socket.bind(address);
        }
      }
      return CommandOutcome.of(0, "");
    } catch (IOException e) {
      return CommandOutcome.failed(98, address + " is in use: " + e.getMessage());
    }
  }

  private static CommandOutcome tcpDial(String addr, Optional<Duration> timeout) {
    int colon = addr.lastIndexOf(':');
    int port = colon < 0 ? -1 : Numbers.parsePort(addr.substring(colon + 1)).orElse(-1);
    if (port < 0) {
      return CommandOutcome.failed(22, "address \"" + addr + "\" is not host:port");
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(addr.substring(0, colon), port),
          (int) timeout.orElse(Duration.ZERO).toMillis());
      return CommandOutcome.of(0, "");
    } catch (ConnectException e) {
      return CommandOutcome.failed(111, "connection to " + addr + " refused");
    } catch (SocketTimeoutException e) {
      return CommandOutcome.failed(62, "no answer from " + addr + " in time");
    } catch (IOException e) {
      return CommandOutcome.failed(1, "cannot connect to " + addr + ": " + e.getMessage());
    }
  }

  /** {@code raw} rendered, or as written when it has no actions. */
  static String render(String raw, String path, TemplateEnvironment env) {
    return Template.hasActions(raw) ? Template.parse(raw, path).render(env) : raw;
  }
}
