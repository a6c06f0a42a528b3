package dev.tugboat.daemon;

import dev.tugboat.orchestrator.RunStatus;
import dev.tugboat.runtime.ContainerInfo;
import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who the Integration API answers: the containers of the app's current run, which find its
 * address with their run's secret in {@code REPLICATED_INTEGRATIONAPI}. Thread-safe.
 */
final class IntegrationCallers {

  private final IntegrationSecrets secrets;

  private IntegrationCallers(IntegrationSecrets secrets) {
    this.secrets = secrets;
  }

  /** With the key kept in the state directory; a key of its own when it cannot be kept. */
  static IntegrationCallers of(DaemonSetup setup) {
    SecureRandom random = new SecureRandom();
    try {
      return new IntegrationCallers(
          IntegrationSecrets.loadOrCreate(setup.daemon().stateDir(), random));
    } catch (IOException e) {
      setup.log().warn("cannot keep the Integration API's key in " + setup.daemon().stateDir()
          + " (" + e.getMessage() + "): the app's containers are refused by it after a daemon"
          + " restart until the app is restarted");
      byte[] key = new byte[32];
      random.nextBytes(key);
      return new IntegrationCallers(IntegrationSecrets.of(key));
    }
  }

  /** The address a run's containers get, by run id: {@code base} and the run's secret. */
  Function<String, String> addressOfRun(String base) {
    return runId -> base + "/" + secrets.forRun(runId);
  }

  /** Run {@code runId}'s secret, which its containers' env holds: the support bundle masks it. */
  String secretOfRun(String runId) {
    return secrets.forRun(runId);
  }

  /**
   * Why a call with {@code secret} from {@code from} is refused, given the current run ({@code
   * runId}, empty when none) and its status; empty when one of its containers made it.
   */
  Optional<String> refusal(Optional<String> runId, RunStatus run, String secret,
      InetAddress from) {
    if (runId.isEmpty() || !secrets.matches(runId.get(), secret)) {
      return Optional.of("this Integration API answers the containers of the app's current run"
          + " only");
    }
    // A host-networked container calls from one of the host's addresses.
    boolean fromTheRun = run == null || run.containers().stream().anyMatch(c ->
        c.address().equals(from.getHostAddress())
            || c.address().equals(ContainerInfo.HOST_NETWORK_ADDRESS));
    return fromTheRun ? Optional.empty() : Optional.of("the call comes from "
        + from.getHostAddress() + ", which is none of the current run's containers");
  }
}
