package dev.tugboat.orchestrator;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A registry configured for an image source ({@code replicated}, or a named source): where the
 * source's images are pulled from, and with which login. The password stays in {@code
 * passwordFile} until a pull needs it ({@link RegistryLogin}). {@code configFile} is the daemon
 * config that set it, so a message can say where to fix it; empty when a command-line option set
 * it ({@code tugboat run --registry SOURCE=ADDRESS}, without a login).
 */
public record ImageRegistry(String name, String address, Optional<String> user,
    Optional<Path> passwordFile, Optional<Path> configFile) {

  public ImageRegistry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(passwordFile, "passwordFile");
    Objects.requireNonNull(configFile, "configFile");
  }

  /** A registry that a command-line option names: no login (pulls are anonymous). */
  public static ImageRegistry fromOption(String name, String address) {
    return new ImageRegistry(name, address, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** The address as image references start with it: no scheme, no trailing slash. */
  public String prefix() {
    String bare = address.replaceFirst("^https?://", "");
    return bare.endsWith("/") ? bare.substring(0, bare.length() - 1) : bare;
  }

  /** The registry's host (and port), which logins are for: the prefix up to its first slash. */
  public String host() {
    String prefix = prefix();
    int slash = prefix.indexOf('/');
    return slash < 0 ? prefix : prefix.substring(0, slash);
  }

  /** How messages name it: {@code registry replicated (registry.example.com)}. */
  public String label() {
    return "registry " + name + " (" + prefix() + ")";
  }

  /**
   * What to do, naming {@code keys} where the operator set them: {@code check `user` and
   * `password_file` of registries.replicated in /etc/tugboat/tugboat.yml}.
   */
  public String check(String keys) {
    return configFile.map(file -> "check " + keys + " of registries." + name + " in " + file)
        .orElse("check the option --registry " + name + "=" + address + " (a login, user and"
            + " password_file, is set in the daemon config that --config names)");
  }
}
