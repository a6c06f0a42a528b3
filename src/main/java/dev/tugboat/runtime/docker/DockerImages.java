package dev.tugboat.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.InternetProtocol;
import dev.tugboat.runtime.ImageInfo;
import dev.tugboat.runtime.ImageRemoval;
import dev.tugboat.runtime.Protocol;
import dev.tugboat.runtime.RegistryCredentials;
import dev.tugboat.runtime.RuntimeFailure;
import com.github.dockerjava.api.model.PullResponseItem;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Image questions: is it here, what does it declare; and pulling it. */
final class DockerImages {
  private final DockerClient client;
  private final DockerCalls calls;
  private final DockerFailures failures;

  DockerImages(DockerClient client, DockerCalls calls, DockerFailures failures) {
    this.client = client;
    this.calls = calls;
    this.failures = failures;
  }

  Optional<ImageInfo> inspect(String image) {
    try {
      return Optional.of(map(image,
          calls.ask("inspect image " + image, () -> client.inspectImageCmd(image).exec())));
    } catch (NotFoundException e) {
      return Optional.empty();
    } catch (RuntimeException e) {
      throw failures.of("inspect image " + image, e);
    }
  }

  ImageRemoval removeUnused(String image) {
    try {
      calls.ask("remove image " + image, () -> {
        client.removeImageCmd(image).withForce(false).exec();
        return null;
      });
      return ImageRemoval.REMOVED;
    } catch (NotFoundException e) {
      return ImageRemoval.ABSENT;
    } catch (ConflictException e) {
      return ImageRemoval.IN_USE;
    } catch (RuntimeException e) {
      throw failures.of("remove image " + image, e);
    }
  }

  void pull(String image, Optional<RegistryCredentials> credentials) {
    PullImageCmd cmd = client.pullImageCmd(image);
    // Without a tag the engine pulls every tag of the repository.
    if (!hasTagOrDigest(image)) {
      cmd.withTag("latest");
    }
    credentials.ifPresent(c -> cmd.withAuthConfig(new AuthConfig()
        .withRegistryAddress(c.serverAddress()).withUsername(c.username())
        .withPassword(c.password())));
    try {
      Progress progress = cmd.exec(new Progress());
      awaitEnd(progress, image);
      progress.awaitCompletion();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RuntimeFailure.timedOut("pull of " + image + " was interrupted");
    } catch (DockerException e) {
      throw pullFailure(image, DockerFailures.engineMessage(e));
    } catch (DockerClientException e) {
      // An error in the pull's progress stream, after the engine's answer began.
      throw pullFailure(image, e.getMessage());
    } catch (RuntimeException e) {
      throw failures.of("pull " + image, e);
    }
  }

  /**
   * A pull takes as long as the image's size needs, so there is no deadline on the whole: only a
   * progress stream silent for {@link DockerDeadlines#pullIdle()} (an engine that stopped
   * answering) ends it.
   */
  private void awaitEnd(Progress progress, String image) throws InterruptedException {
    Duration idle = calls.deadlines().pullIdle();
    long slice = Math.min(idle.toMillis(), 1000);
    while (!progress.ended.await(slice, TimeUnit.MILLISECONDS)) {
      if (System.nanoTime() - progress.lastHeard > idle.toNanos()) {
        try {
          progress.close();
        } catch (java.io.IOException alreadyBroken) {
          // The pull is abandoned either way.
        }
        throw RuntimeFailure.engineDidNotAnswer(failures.engineHost(),
            "pull " + image + " (no progress)", idle);
      }
    }
  }

  /** The pull's result, and when its stream last said anything. */
  private static final class Progress extends PullImageResultCallback {
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile long lastHeard = System.nanoTime();

    @Override
    public void onNext(PullResponseItem item) {
      lastHeard = System.nanoTime();
      super.onNext(item);
    }

    @Override
    public void onError(Throwable error) {
      super.onError(error);
      ended.countDown();
    }

    @Override
    public void onComplete() {
      super.onComplete();
      ended.countDown();
    }
  }

  /**
   * The engine answers a refused login with HTTP 500 and the registry's words ("unauthorized:
   * authentication required", "denied: ..."): only the text tells it from an unreachable registry.
   */
  static RuntimeFailure pullFailure(String image, String engineMessage) {
    String lower = engineMessage.toLowerCase(Locale.ROOT);
    if (lower.contains("unauthorized") || lower.contains("authentication required")
        || lower.contains("denied:") || lower.contains("incorrect username or password")) {
      return RuntimeFailure.registryDenied(image, engineMessage);
    }
    return RuntimeFailure.pullFailed(image, engineMessage);
  }

  static boolean hasTagOrDigest(String image) {
    int lastSlash = image.lastIndexOf('/');
    return image.contains("@") || image.indexOf(':', lastSlash + 1) >= 0;
  }

  private static ImageInfo map(String reference, InspectImageResponse r) {
    ContainerConfig config = r.getConfig();
    if (config == null) {
      return new ImageInfo(r.getId(), reference, List.of(), List.of(), List.of(), false);
    }
    List<ImageInfo.ExposedPort> ports = config.getExposedPorts() == null ? List.of()
        : Arrays.stream(config.getExposedPorts()).map(DockerImages::exposed).toList();
    return new ImageInfo(r.getId(), reference, ports, list(config.getCmd()),
        list(config.getEntrypoint()), declaresHealthcheck(config.getHealthcheck()));
  }

  /** {@code HEALTHCHECK NONE} is stored as the test {@code ["NONE"]}: no health check. */
  private static boolean declaresHealthcheck(HealthCheck check) {
    return check != null && check.getTest() != null && !check.getTest().isEmpty()
        && !check.getTest().get(0).equals("NONE");
  }

  private static ImageInfo.ExposedPort exposed(ExposedPort port) {
    return new ImageInfo.ExposedPort(port.getPort(),
        port.getProtocol() == InternetProtocol.UDP ? Protocol.UDP : Protocol.TCP);
  }

  private static List<String> list(String[] values) {
    return values == null ? List.of() : List.of(values);
  }
}
