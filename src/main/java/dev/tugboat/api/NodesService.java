package dev.tugboat.api;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The swarm's nodes for {@code /api/v1/nodes}: listing them and changing their tags. Both
 * complete off Netty's threads, failed with an {@link AppRefusal}: {@code INVALID} for a tag that
 * cannot be a label or a node name that fits several nodes, {@code NOT_FOUND} for an unknown
 * node, {@code CONFLICT} for a tag change when this engine is not a swarm manager.
 */
public interface NodesService {

  /** The nodes with their tags and the apps' tasks on each. */
  CompletableFuture<NodesView> nodes();

  /**
   * Adds {@code add} to and removes {@code remove} from the tags of {@code node} (hostname, id or
   * id prefix); completes with the node as it is then.
   */
  CompletableFuture<NodesView.Node> changeTags(String node, List<String> add, List<String> remove);

  /** No engine to ask (tests, a daemon serving without Docker). */
  static NodesService none() {
    return new NodesService() {
      @Override
      public CompletableFuture<NodesView> nodes() {
        return CompletableFuture.failedFuture(new ApiException(404, "this daemon knows no nodes"));
      }

      @Override
      public CompletableFuture<NodesView.Node> changeTags(String node, List<String> add,
          List<String> remove) {
        return nodes().thenApply(none -> null);
      }
    };
  }
}
