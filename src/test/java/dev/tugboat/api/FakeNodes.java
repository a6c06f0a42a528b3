package dev.tugboat.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A swarm of a manager and one worker ({@code tugboat-worker-1}, a task of {@code shop} on it)
 * whose tags change as asked; {@code bad} is refused as a tag, {@code gone} as a node; records
 * each change asked for.
 */
public final class FakeNodes implements NodesService {

  public final List<String> changes = new ArrayList<>();
  private final List<String> tags = new ArrayList<>();

  @Override
  public synchronized CompletableFuture<NodesView> nodes() {
    return CompletableFuture.completedFuture(new NodesView("manager", "", List.of(
        new NodesView.Node("m1", "host", "manager", true, "active", "ready", "172.17.0.1",
            "20.10.24", List.of(), Map.of(), List.of(),
            List.of(new NodesView.Container("tugboat-shop-web-1", "web/nginx", "running"))),
        worker()), List.of()));
  }

  @Override
  public synchronized CompletableFuture<NodesView.Node> changeTags(String node, List<String> add,
      List<String> remove) {
    changes.add(node + " +" + add + " -" + remove);
    if (add.contains("bad")) {
      return CompletableFuture.failedFuture(new AppRefusal(AppRefusal.Reason.INVALID,
          "tag 'bad' is bad"));
    }
    if (!node.equals("tugboat-worker-1") && !node.equals("w1")) {
      return CompletableFuture.failedFuture(new AppRefusal(AppRefusal.Reason.NOT_FOUND,
          "no node of the swarm has the hostname, id or id prefix '" + node + "'"));
    }
    add.stream().filter(t -> !tags.contains(t)).forEach(tags::add);
    tags.removeAll(remove);
    return CompletableFuture.completedFuture(worker());
  }

  private NodesView.Node worker() {
    List<String> sorted = tags.stream().sorted().toList();
    Map<String, String> labels = new java.util.TreeMap<>();
    sorted.forEach(t -> labels.put("dev.tugboat.tag." + t, "true"));
    return new NodesView.Node("w1", "tugboat-worker-1", "worker", false, "active", "ready",
        "172.17.0.2", "20.10.24", sorted, labels,
        List.of(new NodesView.Task("t1", "shop_cassandra", "shop", "running")), List.of());
  }
}
