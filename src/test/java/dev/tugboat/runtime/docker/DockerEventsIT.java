package dev.tugboat.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.EventFilter;
import dev.tugboat.runtime.RecordedEvents;
import dev.tugboat.runtime.RuntimeEvent;
import dev.tugboat.runtime.StreamEnd;
import dev.tugboat.runtime.Subscription;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DockerEventsIT {
  private final DockerTestContainers docker = new DockerTestContainers();
  private final DockerRuntime runtime = docker.runtime;

  @AfterEach
  void removeContainers() {
    docker.close();
  }

  @Test
  void startAndDieWithTheExitCodeArriveForLabelledContainersOnly() {
    RecordedEvents recorder = new RecordedEvents();
    try (Subscription ignored =
        runtime.subscribe(EventFilter.labelled(docker.runLabels()), recorder)) {
      ContainerId id = docker.createAndStart(docker.config("dies", "sh", "-c", "sleep 0.2; exit 3"));
      await().atMost(Duration.ofSeconds(20)).until(() -> recorder.kinds().contains("Died"));

      assertThat(recorder.kinds()).containsExactly("Created", "Started", "Died");
      RuntimeEvent.Died died = (RuntimeEvent.Died) recorder.events.get(2);
      assertThat(died.exitCode()).isEqualTo(3);
      assertThat(died.container().id()).isEqualTo(id);
      assertThat(died.container().name()).isEqualTo(docker.name("dies"));
      assertThat(died.container().image()).isEqualTo(DockerTestContainers.IMAGE);
      assertThat(died.container().labels()).containsAllEntriesOf(docker.runLabels());
      assertThat(died.time()).isAfterOrEqualTo(recorder.events.get(1).time());
    }
    assertThat(recorder.ends).containsExactly(new StreamEnd.Closed());
  }

  @Test
  void aContainerOverItsMemoryLimitReportsOutOfMemoryThenDiesKilled() {
    RecordedEvents recorder = new RecordedEvents();
    try (Subscription ignored =
        runtime.subscribe(EventFilter.labelled(docker.runLabels()), recorder)) {
      ContainerId id = docker.createAndStart(docker.config("hog", "tail", "/dev/zero")
          .memoryBytes(8L << 20).memorySwapBytes(8L << 20));
      await().atMost(Duration.ofSeconds(30)).until(() -> recorder.kinds().contains("Died"));
      assertThat(recorder.kinds()).containsSubsequence("Started", "OutOfMemory", "Died");
      assertThat(recorder.events).filteredOn(RuntimeEvent.Died.class::isInstance)
          .singleElement().extracting(e -> ((RuntimeEvent.Died) e).exitCode()).isEqualTo(137);
      assertThat(runtime.inspect(id).orElseThrow().oomKilled()).isTrue();

      runtime.remove(id);
      await().atMost(Duration.ofSeconds(20)).until(() -> recorder.kinds().contains("Destroyed"));
    }
  }
}
