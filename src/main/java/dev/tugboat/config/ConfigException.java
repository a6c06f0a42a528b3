package dev.tugboat.config;

/**
 * The configuration cannot be used as it is: a value that breaks its item's type, a required item
 * without a value, a {@code cmds} command that fails. The message names the item and what to do.
 */
public final class ConfigException extends Exception {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
