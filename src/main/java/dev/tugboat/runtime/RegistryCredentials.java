package dev.tugboat.runtime;

import java.util.Objects;

/** Login for a private registry; {@link #toString()} hides the password. */
public record RegistryCredentials(String serverAddress, String username, String password) {
  public RegistryCredentials {
    Objects.requireNonNull(serverAddress, "serverAddress");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  @Override
  public String toString() {
    return "RegistryCredentials[" + username + "@" + serverAddress + ", password hidden]";
  }
}
