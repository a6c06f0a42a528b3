package dev.tugboat.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.events.Decision;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.RuntimeFailure;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InstanceRemovalsTest {

  private final ExecutorService workers = Executors.newCachedThreadPool();
  private final Set<String> removed = ConcurrentHashMap.newKeySet();

  @AfterEach
  void stop() {
    workers.shutdownNow();
  }

  @Test
  void theContainersAnEarlierRunLeftAreRemovedTogetherAndAllAreGoneOnReturn() {
    // Each removal waits until all three are under way: one after another, none would finish.
    CyclicBarrier allUnderWay = new CyclicBarrier(3);
    InstanceRemovals removals = new InstanceRemovals(runtime(id -> {
      try {
        allUnderWay.await(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new AssertionError("the removals were not under way together", e);
      }
      removed.add(id);
    }), workers);

    removals.removeAll(List.of(removal("a"), removal("b"), removal("c")));

    assertThat(removed).containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void aRemovalTheEngineRefusesLeavesTheRestToBeDone() {
    InstanceRemovals removals = new InstanceRemovals(runtime(id -> {
      if (id.equals("b")) {
        throw new RuntimeFailure(RuntimeFailure.Kind.ENGINE_UNREACHABLE, "engine gone");
      }
      removed.add(id);
    }), workers);

    removals.removeAll(List.of(removal("a"), removal("b"), removal("c")));

    assertThat(removed).containsExactlyInAnyOrder("a", "c");
  }

  private static Decision.RemoveInstance removal(String id) {
    return new Decision.RemoveInstance(id, "tugboat-app-" + id, "left by an earlier run");
  }

  /** A runtime that can only remove, doing {@code onRemove} with the container's id. */
  private static ContainerRuntime runtime(java.util.function.Consumer<String> onRemove) {
    return (ContainerRuntime) Proxy.newProxyInstance(ContainerRuntime.class.getClassLoader(),
        new Class<?>[] {ContainerRuntime.class}, (proxy, method, args) -> {
          if (method.getName().equals("remove")) {
            onRemove.accept(((ContainerId) args[0]).value());
            return null;
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }
}
