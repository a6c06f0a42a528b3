package dev.tugboat.daemon;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.api.NodesService;
import dev.tugboat.api.NodesView;
import dev.tugboat.runtime.ClusterNode;
import dev.tugboat.runtime.ClusterNodes;
import dev.tugboat.runtime.NodeNames;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.runtime.SwarmMembership;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The swarm's nodes for the API ({@code /api/v1/nodes}): lists them with the apps' tasks, and
 * changes their tags, each change in the daemon's log. The engine is asked on a thread of its own
 * (every call has the engine's deadline); its failures become refusals the API can answer.
 */
final class NodesDesk implements NodesService {

  private final Supplier<ClusterNodes> engine;
  private final Supplier<LocalNode> host;
  private final DaemonLog log;
  private final Executor thread;

  /**
   * {@code host}: the daemon's own host, the only node of an engine in no swarm, and where the
   * app's containers run.
   */
  NodesDesk(Supplier<ClusterNodes> engine, Supplier<LocalNode> host, DaemonLog log,
      Executor thread) {
    this.engine = engine;
    this.host = host;
    this.log = log;
    this.thread = thread;
  }

  @Override
  public CompletableFuture<NodesView> nodes() {
    return asked(() -> {
      ClusterNodes nodes = engine.get();
      SwarmMembership membership = nodes.membership();
      if (membership instanceof SwarmMembership.Inactive) {
        return NodeViews.ofHost(host.get());
      }
      if (membership instanceof SwarmMembership.Worker worker) {
        return NodeViews.ofWorker(worker.nodeId(), host.get(),
            RuntimeFailure.notASwarmManager(membership).getMessage());
      }
      String thisNode = ((SwarmMembership.Manager) membership).nodeId();
      return NodeViews.ofSwarm(nodes.nodes(), nodes.appTasks(), thisNode,
          host.get().containers());
    });
  }

  @Override
  public CompletableFuture<NodesView.Node> changeTags(String node, List<String> add,
      List<String> remove) {
    return asked(() -> {
      ClusterNodes nodes = engine.get();
      ClusterNode before = NodeNames.resolve(nodes.nodes(), node);
      Set<String> adding = new LinkedHashSet<>(add);
      Set<String> removing = new LinkedHashSet<>(remove);
      // Checked before either change, so a bad tag in "remove" does not leave "add" done.
      dev.tugboat.runtime.NodeTags.checkAll(adding);
      dev.tugboat.runtime.NodeTags.checkAll(removing);
      if (!adding.isEmpty()) {
        nodes.tag(before.id(), adding);
      }
      if (!removing.isEmpty()) {
        nodes.untag(before.id(), removing);
      }
      ClusterNode after = NodeNames.resolve(nodes.nodes(), before.id());
      if (!after.tags().equals(before.tags())) {
        log.info("node " + after.hostname() + " (" + after.id() + "): tags " + before.tags()
            + " -> " + after.tags());
      }
      NodesView.Node view = NodeViews.of(after, nodes.appTasks().stream()
          .filter(task -> task.nodeId().equals(after.id())).toList());
      return nodes.membership() instanceof SwarmMembership.Manager manager
          && manager.nodeId().equals(after.id()) ? view.withContainers(host.get().containers())
          : view;
    });
  }

  private <T> CompletableFuture<T> asked(Supplier<T> call) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return call.get();
      } catch (IllegalArgumentException e) {
        throw new AppRefusal(AppRefusal.Reason.INVALID, e.getMessage());
      } catch (RuntimeFailure e) {
        throw new AppRefusal(reason(e.kind()), e.getMessage());
      } catch (CompletionException e) {
        // the engine's client could not be made
        Throwable cause = e.getCause() == null ? e : e.getCause();
        throw new AppRefusal(AppRefusal.Reason.UNAVAILABLE, "cannot reach Docker: "
            + cause.getMessage());
      }
    }, thread);
  }

  private static AppRefusal.Reason reason(RuntimeFailure.Kind kind) {
    return switch (kind) {
      case NOT_A_SWARM_MANAGER -> AppRefusal.Reason.CONFLICT;
      case NO_SUCH_NODE -> AppRefusal.Reason.NOT_FOUND;
      case AMBIGUOUS_NODE, INVALID_CONFIG -> AppRefusal.Reason.INVALID;
      case ENGINE_UNREACHABLE, TIMED_OUT -> AppRefusal.Reason.UNAVAILABLE;
      default -> AppRefusal.Reason.ENGINE_FAILED;
    };
  }
}
