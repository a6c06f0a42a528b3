package dev.tugboat.orchestrator;

import dev.tugboat.config.SecretMasker;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.RegistryCredentials;
import dev.tugboat.runtime.RuntimeFailure;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Makes sure an image a run needs is on this host: an image that is here is used as it is; one
 * that is not is pulled, from its source's configured registry with that registry's login. A pull
 * that fails is a problem naming the image, the containers that need it, the registry and what
 * to do. Blocking; part of the preflight, so it runs before any container is created.
 */
public final class ImagePull {

  private final ContainerRuntime runtime;
  private final ImageRegistries registries;

  public ImagePull(ContainerRuntime runtime, ImageRegistries registries) {
    this.runtime = runtime;
    this.registries = registries;
  }

  /** What is wrong with each image of {@code needs} that is neither here nor pulled: one line each. */
  public java.util.List<String> problems(java.util.List<PreflightNeeds.ImageNeed> needs) {
    java.util.List<String> missing = new java.util.ArrayList<>();
    for (PreflightNeeds.ImageNeed need : needs) {
      problem(need).ifPresent(missing::add);
    }
    return missing;
  }

  /**
   * Empty when {@code need}'s image is here or was pulled; else what is wrong, one line.
   *
   * @throws RuntimeFailure when the engine does not answer (nothing is known about images)
   */
  public Optional<String> problem(PreflightNeeds.ImageNeed need) {
    if (runtime.imagePresent(need.image())) {
      return Optional.empty();
    }
    String subject = need.image() + " (for " + names(need.containers()) + ")";
    Optional<ImageRegistry> registry = registries.forSource(need.source());
    if (registry.isEmpty()) {
      return pull(need.image(), Optional.empty()).map(failure -> subject + ": is not on this host"
          + " and could not be pulled: load it with `docker load -i FILE` (FILE: the image archive"
          + " shipped with the application), or make its registry reachable");
    }
    Optional<RegistryCredentials> login;
    try {
      login = RegistryLogin.of(registry.get());
    } catch (RegistryLogin.LoginException e) {
      return Optional.of(subject + ": is not on this host and cannot be pulled: "
          + e.getMessage());
    }
    return pull(need.image(), login).map(failure -> fromRegistry(subject, registry.get(), login,
        failure));
  }

  private Optional<RuntimeFailure> pull(String image, Optional<RegistryCredentials> login) {
    try {
      runtime.pullImage(image, login);
      return Optional.empty();
    } catch (RuntimeFailure e) {
      if (e.kind() == RuntimeFailure.Kind.ENGINE_UNREACHABLE) {
        throw e;
      }
      return Optional.of(e);
    }
  }

  private static String fromRegistry(String subject, ImageRegistry registry,
      Optional<RegistryCredentials> login, RuntimeFailure failure) {
    // The engine's words should never hold the password; mask it in case a registry echoes it.
    SecretMasker masker = SecretMasker.of(login.map(l -> List.of(l.password())).orElse(List.of()));
    String why = masker.mask(failure.getMessage());
    String who = login.map(l -> "user \"" + l.username() + "\"").orElse("an anonymous pull");
    if (failure.kind() == RuntimeFailure.Kind.REGISTRY_DENIED) {
      return subject + ": " + registry.label() + " refused " + who + ": " + why + "; "
          + registry.check("`user` and `password_file`");
    }
    return subject + ": is not on this host and could not be pulled from " + registry.label()
        + ": " + why + "; " + registry.check("`address`, `user` and `password_file`")
        + " and that this host reaches the registry, or load the image with `docker load -i FILE`";
  }

  private static String names(List<ContainerKey> keys) {
    return keys.stream().map(ContainerKey::toString).collect(Collectors.joining(", "));
  }
}
