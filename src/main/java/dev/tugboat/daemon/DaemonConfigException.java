package dev.tugboat.daemon;

/** The daemon config is wrong: the message names the file, the key and what is expected. */
public final class DaemonConfigException extends Exception {
  public DaemonConfigException(String message) {
    super(message, null, false, false);
  }
}
