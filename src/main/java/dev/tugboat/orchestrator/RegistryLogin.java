package dev.tugboat.orchestrator;

import dev.tugboat.runtime.RegistryCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The login a pull from a configured registry sends: its user and the password read from its
 * {@code password_file} now, when a pull needs it, so a password the operator changed is the one
 * used and the password is held no longer than the pull. Never logs the password.
 */
public final class RegistryLogin {

  /** The login cannot be made; the message names the registry and the file, and the fix. */
  public static final class LoginException extends Exception {
    LoginException(String message) {
      super(message, null, false, false);
    }
  }

  private RegistryLogin() {}

  /** The login of {@code registry}; empty when it has no user (anonymous pulls). */
  public static Optional<RegistryCredentials> of(ImageRegistry registry) throws LoginException {
    if (registry.user().isEmpty() && registry.passwordFile().isEmpty()) {
      return Optional.empty();
    }
    if (registry.user().isEmpty() || registry.passwordFile().isEmpty()) {
      throw new LoginException(registry.label() + " has " + (registry.user().isEmpty()
          ? "a password_file but no user" : "a user but no password_file") + ": "
          + registry.check("`user` and `password_file`") + " (both, or neither for anonymous"
          + " pulls)");
    }
    String password = password(registry, registry.passwordFile().get());
    return Optional.of(new RegistryCredentials(registry.host(), registry.user().get(), password));
  }

  /**
   * The file's text without one trailing line break, as {@code docker login --password-stdin}
   * reads it: {@code echo secret > file} writes "secret\n", and the newline is not the password's.
   */
  static String password(ImageRegistry registry, Path file) throws LoginException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new LoginException("the password_file " + file + " of " + registry.label()
          + " does not exist: write the registry password into it (mode 0600), or "
          + registry.check("`password_file`"));
    } catch (AccessDeniedException e) {
      throw new LoginException("the password_file " + file + " of " + registry.label()
          + " cannot be read by this user: make it readable by the user Tugboat runs as (mode"
          + " 0600, owned by that user), or " + registry.check("`password_file`"));
    } catch (IOException e) {
      throw new LoginException("the password_file " + file + " of " + registry.label()
          + " cannot be read (" + (e.getMessage() == null ? e.getClass().getSimpleName()
          : e.getMessage()) + "): " + registry.check("`password_file`"));
    }
    if (text.endsWith("\n")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.isEmpty()) {
      throw new LoginException("the password_file " + file + " of " + registry.label()
          + " is empty: write the registry password into it, or "
          + registry.check("`password_file`"));
    }
    return text;
  }
}
