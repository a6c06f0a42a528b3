package dev.tugboat.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A scripted {@link ContainerRuntime} for unit tests: no engine, no threads, no sleeping. Tests say
 * how containers behave ({@link #script}), move a {@link ManualClock}, and read back every call and
 * every scripted happening in order ({@link #history()}), e.g. {@code "port-open db 5432"} before
 * {@code "create migration"}. Events are delivered synchronously, as the engine would send them.
 */
public final class InMemoryRuntime implements ContainerRuntime, ManualClock.Timeline {
  private EngineResources engineResources =
      new EngineResources(2, 4L << 30, "24.0.7", "/var/lib/docker", List.of("json-file", "local",
          "journald", "syslog"));
  /** How the in-memory engine answers stop: SIGTERM ends a process with 128 + 15. */
  static final int EXIT_SIGTERM = 143;
  static final int EXIT_SIGKILL = InMemoryLifecycle.EXIT_SIGKILL;

  private final ManualClock clock;
  private final InMemoryStreams streams = new InMemoryStreams();
  private final InMemoryHistory history;
  private final InMemoryLifecycle lifecycle;
  private final List<ContainerScript> scripts = new ArrayList<>();
  private final InMemoryContainers containers = new InMemoryContainers();
  private final Set<String> missingImages = new HashSet<>();
  private final Map<String, ImageInfo> images = new LinkedHashMap<>();
  private final Map<String, RegistryCredentials> registryImages = new LinkedHashMap<>();
  private Optional<RuntimeFailure> engineDown = Optional.empty();
  private int created;
  private volatile java.util.concurrent.CountDownLatch stopsHeld;
  private volatile java.util.concurrent.CountDownLatch inspectionsHeld;

  public InMemoryRuntime(ManualClock clock) {
    this.clock = clock;
    this.history = new InMemoryHistory(clock);
    this.lifecycle = new InMemoryLifecycle(clock, streams, history);
    clock.register(this);
  }

  // ---- scripting, for tests -------------------------------------------------------------------

  /**
   * From now on a stop hangs, as on an engine that stopped answering, holding the engine (every
   * other call waits behind it) until {@link #releaseStops()}.
   */
  public void holdStops() {
    stopsHeld = new java.util.concurrent.CountDownLatch(1);
  }

  public void releaseStops() {
    release(stopsHeld);
    stopsHeld = null;
  }

  /** From now on an image inspection hangs, as a stop does after {@link #holdStops()}. */
  public void holdImageInspections() {
    inspectionsHeld = new java.util.concurrent.CountDownLatch(1);
  }

  public void releaseImageInspections() {
    release(inspectionsHeld);
    inspectionsHeld = null;
  }

  private static void release(java.util.concurrent.CountDownLatch held) {
    if (held != null) {
      held.countDown();
    }
  }

  private static void awaitReleased(java.util.concurrent.CountDownLatch held) {
    if (held != null) {
      try {
        held.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RuntimeFailure(RuntimeFailure.Kind.ENGINE_UNREACHABLE,
            "interrupted while the engine hung");
      }
    }
  }

  /** Scripts the containers the matcher accepts at create; the last matching script wins. */
  public synchronized ContainerScript script(Predicate<ContainerConfig> matcher) {
    ContainerScript script = new ContainerScript(matcher);
    scripts.add(script);
    return script;
  }

  public ContainerScript scriptNamed(String name) {
    return script(c -> c.name().equals(name));
  }

  public ContainerScript scriptLabelled(String key, String value) {
    return script(c -> value.equals(c.labels().get(key)));
  }

  /** The image is not on this host: create fails, pull fails too. */
  public synchronized void removeImage(String image) {
    missingImages.add(image);
  }

  /**
   * {@code image} is not here but in a registry that lets {@code login} pull it; a pull with any
   * other login (or none) is refused as a registry refuses it.
   */
  public synchronized void addRegistryImage(String image, RegistryCredentials login) {
    missingImages.add(image);
    registryImages.put(image, login);
  }

  public synchronized void addImage(ImageInfo info) {
    missingImages.remove(info.reference());
    images.put(info.reference(), info);
  }

  /** The engine stops answering: calls fail, open streams end with that failure. */
  public synchronized void stopEngine() {
    RuntimeFailure failure = RuntimeFailure.engineUnreachable(
        hostFacts().engineHost(), "connection refused (engine stopped)", null);
    engineDown = Optional.of(failure);
    streams.endAll(new StreamEnd.Failed(failure));
  }

  public synchronized void startEngine() {
    engineDown = Optional.empty();
  }

  /**
   * As a paused engine (SIGSTOP) looks through a runtime with deadlines: every call fails as
   * unreachable once its deadline passed, while the event streams stay open and silent.
   */
  public synchronized void pauseEngine() {
    engineDown = Optional.of(RuntimeFailure.engineDidNotAnswer(hostFacts().engineHost(),
        "a call", java.time.Duration.ofSeconds(15)));
  }

  /** The paused engine answers again: the streams were never cut. */
  public synchronized void resumeEngine() {
    startEngine();
  }

  /** Event streams subscribed and not yet closed or ended: one per live run. */
  public int openEventStreams() {
    return streams.openEventStreams();
  }

  /** Every call and scripted happening so far, as {@code "verb name detail"}. */
  public List<String> history() {
    return history.texts();
  }

  public List<InMemoryHistory.Entry> timedHistory() {
    return history.entries();
  }

  public List<RuntimeEvent> events() {
    return streams.eventLog();
  }

  /** The config a container was created with, to assert on what the orchestrator asked for. */
  public synchronized ContainerConfig createdConfig(String name) {
    return containers.byName(name).config;
  }

  public synchronized List<FileToCopy> copiedFiles(String name) {
    return List.copyOf(containers.byName(name).files);
  }

  /** The file last copied to {@code path} in the container, as the engine's archive reads it. */
  public synchronized Optional<FileToCopy> fileIn(ContainerId id, String path) {
    checkEngine();
    List<FileToCopy> files = containers.find(id).files;
    for (int i = files.size() - 1; i >= 0; i--) {
      if (files.get(i).path().equals(path)) {
        return Optional.of(files.get(i));
      }
    }
    return Optional.empty();
  }

  /** Whether something listens at the address a probe got from {@link ContainerInfo#ipAddress()}. */
  public synchronized boolean isListening(String address, int port) {
    return containers.isListening(address, port);
  }

  /**
   * Does {@code change} (a removal, an exit) without telling the open event streams, as a stream
   * that silently dropped those events would: only a look at the containers finds it.
   */
  public synchronized void unseen(Runnable change) {
    streams.mute(true);
    try {
      change.run();
    } finally {
      streams.mute(false);
    }
  }

  /** Removes the named container (killing it if it runs), as {@code docker rm -f} does. */
  public synchronized void removeNamed(String name) {
    remove(containers.byName(name).id);
  }

  /** Makes a running container exit now, as if its process ended. */
  public synchronized void exitNow(String name, int exitCode) {
    InMemoryContainer c = containers.byName(name);
    if (c.state == ContainerState.RUNNING) {
      lifecycle.die(c, exitCode);
    }
  }

  // ---- virtual time ---------------------------------------------------------------------------

  @Override
  public synchronized Optional<Instant> nextDue() {
    return containers.nextDue();
  }

  @Override
  public synchronized void runDue(Instant now) {
    for (InMemoryContainer c : containers.all()) {
      List<InMemoryContainer.Scheduled> due = c.pending.stream()
          .filter(s -> !s.at().isAfter(now))
          .sorted(Comparator.comparing(InMemoryContainer.Scheduled::at)).toList();
      c.pending.removeAll(due);
      due.forEach(s -> lifecycle.apply(c, s.step()));
    }
  }

  private Instant now() {
    return clock.instant();
  }

  // ---- ContainerRuntime ----------------------------------------------------------------------

  @Override
  public synchronized void ping() {
    checkEngine();
  }

  @Override
  public synchronized HostFacts hostFacts() {
    return new HostFacts("memory://", "in-memory", "1.41", Optional.of("172.17.0.1"));
  }

  /** The engine's resources as {@link #engineResources()} reports them from now on. */
  public synchronized void setEngineResources(EngineResources resources) {
    engineResources = resources;
  }

  @Override
  public synchronized EngineResources engineResources() {
    checkEngine();
    return engineResources;
  }

  @Override
  public synchronized Optional<ImageInfo> inspectImage(String image) {
    awaitReleased(inspectionsHeld);
    checkEngine();
    if (missingImages.contains(image)) {
      return Optional.empty();
    }
    return Optional.of(images.getOrDefault(image,
        new ImageInfo("sha256:" + image, image, List.of(), List.of(), List.of(), false)));
  }

  @Override
  public synchronized void pullImage(String image, Optional<RegistryCredentials> credentials) {
    checkEngine();
    history.add("pull " + image + credentials.map(c -> " as " + c.username() + "@"
        + c.serverAddress()).orElse(""));
    RegistryCredentials login = registryImages.get(image);
    if (login != null) {
      if (!credentials.equals(Optional.of(login))) {
        throw RuntimeFailure.registryDenied(image, "unauthorized: authentication required");
      }
      missingImages.remove(image);
    }
    if (missingImages.contains(image)) {
      throw RuntimeFailure.pullFailed(image, "repository does not exist");
    }
  }

  /** As the engine: never forced, so a container of the image, in any state, keeps it. */
  @Override
  public synchronized ImageRemoval removeUnusedImage(String image) {
    checkEngine();
    history.add("remove image " + image);
    if (missingImages.contains(image)) {
      return ImageRemoval.ABSENT;
    }
    if (containers.all().stream().anyMatch(c -> c.config.image().equals(image))) {
      return ImageRemoval.IN_USE;
    }
    missingImages.add(image);
    return ImageRemoval.REMOVED;
  }

  @Override
  public synchronized ContainerId create(ContainerConfig config) {
    checkEngine();
    created++;
    String name = config.name().isEmpty() ? "container-" + created : config.name();
    history.add("create " + name);
    if (missingImages.contains(config.image())) {
      throw RuntimeFailure.imageNotFound(config.image());
    }
    containers.named(name).ifPresent(c -> {
      throw RuntimeFailure.nameConflict(name, c.id.shortForm());
    });
    ContainerScript script = scriptFor(config);
    if (script.createFailure.isPresent()) {
      throw script.createFailure.get();
    }
    ContainerId id = ContainerId.of(String.format("%064x", created));
    String address = "172.17.0." + (created + 1);
    InMemoryContainer c = new InMemoryContainer(id, name, config, script, address);
    containers.add(c);
    streams.publish(new RuntimeEvent.Created(now(), c.asEventContainer()));
    return id;
  }

  private ContainerScript scriptFor(ContainerConfig config) {
    for (int i = scripts.size() - 1; i >= 0; i--) {
      if (scripts.get(i).matcher.test(config)) {
        return scripts.get(i);
      }
    }
    return new ContainerScript(c -> true);
  }

  @Override
  public synchronized void copyFiles(ContainerId id, List<FileToCopy> files) {
    checkEngine();
    InMemoryContainer c = containers.find(id);
    files.forEach(f -> history.add("copy " + c.name + " " + f.path()));
    c.files.addAll(files);
  }

  @Override
  public synchronized void start(ContainerId id) {
    checkEngine();
    InMemoryContainer c = containers.find(id);
    history.add("start " + c.name);
    if (c.state == ContainerState.RUNNING) {
      return;
    }
    if (c.script.startFailure.isPresent() && c.script.startFailuresLeft != 0) {
      c.script.startFailuresLeft = Math.max(-1, c.script.startFailuresLeft - 1);
      throw c.script.startFailure.get();
    }
    lifecycle.start(c);
    runDue(now());
    if (c.script.lateStartAnswer.isPresent() && c.script.lateStartAnswersLeft > 0) {
      c.script.lateStartAnswersLeft--;
      throw c.script.lateStartAnswer.get();
    }
  }

  @Override
  public synchronized void stop(ContainerId id, Duration timeout) {
    awaitReleased(stopsHeld);
    checkEngine();
    InMemoryContainer c = containers.find(id);
    history.add("stop " + c.name);
    if (c.state == ContainerState.RUNNING || c.state == ContainerState.PAUSED) {
      // with no timeout, SIGKILL alone, as the Docker runtime sends it
      lifecycle.die(c, c.script.ignoresSigterm || timeout.isZero() ? EXIT_SIGKILL : EXIT_SIGTERM);
    }
  }

  @Override
  public synchronized void signalStop(ContainerId id) {
    awaitReleased(stopsHeld);
    checkEngine();
    InMemoryContainer c = containers.find(id);
    history.add("signal " + c.name);
    if (c.state == ContainerState.RUNNING && !c.script.ignoresSigterm) {
      lifecycle.die(c, EXIT_SIGTERM);
    }
  }

  @Override
  public synchronized void pause(ContainerId id) {
    checkEngine();
    InMemoryContainer c = containers.find(id);
    history.add("pause " + c.name);
    if (c.state == ContainerState.RUNNING) {
      c.state = ContainerState.PAUSED;
    }
  }

  @Override
  public synchronized void unpause(ContainerId id) {
    checkEngine();
    InMemoryContainer c = containers.find(id);
    history.add("unpause " + c.name);
    if (c.state == ContainerState.PAUSED) {
      c.state = ContainerState.RUNNING;
    }
  }

  @Override
  public synchronized void remove(ContainerId id) {
    checkEngine();
    Optional<InMemoryContainer> found = containers.lookup(id);
    if (found.isEmpty()) {
      return;
    }
    InMemoryContainer c = found.get();
    history.add("remove " + c.name);
    if (c.state == ContainerState.RUNNING || c.state == ContainerState.PAUSED) {
      lifecycle.die(c, EXIT_SIGKILL);
    }
    containers.remove(c);
    streams.publish(new RuntimeEvent.Destroyed(now(), c.asEventContainer()));
  }

  /** The config a container was created with (its name, id and config: what an inspect shows). */
  public synchronized Optional<Map.Entry<String, ContainerConfig>> created(ContainerId id) {
    return containers.lookup(id).map(c -> Map.entry(c.name, c.config));
  }

  @Override
  public synchronized Optional<ContainerInfo> inspect(ContainerId id) {
    checkEngine();
    return containers.lookup(id).map(InMemoryContainer::info);
  }

  @Override
  public synchronized List<ContainerSummary> listByLabels(Map<String, String> labels) {
    checkEngine();
    return containers.all().stream()
        .filter(c -> c.config.labels().entrySet().containsAll(labels.entrySet()))
        .map(InMemoryContainer::summary).toList();
  }

  @Override
  public synchronized ExecResult exec(ContainerId id, ExecRequest request) {
    checkEngine();
    InMemoryContainer c = containers.find(id);
    history.add("exec " + c.name + " " + String.join(" ", request.cmd()));
    if (c.state == ContainerState.PAUSED) {
      throw RuntimeFailure.engineError("exec in " + c.name, "Container " + c.id
          + " is paused, unpause the container before exec", null);
    }
    if (c.state != ContainerState.RUNNING) {
      throw RuntimeFailure.engineError("exec in " + c.name,
          "Container " + c.id + " is not running", null);
    }
    Duration sinceStart = Duration.between(c.startedAt.orElseThrow(), now());
    ExecResult answer = c.script.execAnswer(request.cmd(), sinceStart)
        .orElse(ExecResult.of(127, "no exec answer scripted for " + request.cmd()));
    return InMemoryLifecycle.bounded(answer, request.maxOutputBytes());
  }

  @Override
  public synchronized List<LogLine> logs(ContainerId id, int tailLines) {
    checkEngine();
    List<LogLine> all = containers.find(id).output;
    return List.copyOf(all.subList(Math.max(0, all.size() - tailLines), all.size()));
  }

  @Override
  public synchronized Subscription followLogs(ContainerId id, LogListener listener) {
    checkEngine();
    InMemoryContainer c = containers.find(id);
    boolean ended = c.state == ContainerState.EXITED;
    return streams.followLogs(c.id, List.copyOf(c.output), ended, listener);
  }

  @Override
  public synchronized Subscription subscribe(EventFilter filter, RuntimeEventListener listener) {
    if (engineDown.isPresent()) {
      // As the interface says (and Docker's client does): the stream ends, nothing is thrown.
      listener.onEnd(new StreamEnd.Failed(engineDown.get()));
      return () -> { };
    }
    return streams.subscribe(filter, listener);
  }

  @Override
  public synchronized void close() {
    streams.endAll(new StreamEnd.Closed());
  }

  // ---- engine state -------------------------------------------------------------------------

  private void checkEngine() {
    if (engineDown.isPresent()) {
      RuntimeFailure down = engineDown.get();
      throw new RuntimeFailure(down.kind(), down.getMessage());
    }
  }
}
