package dev.tugboat.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tugboat.config.SecretMasker;
import dev.tugboat.orchestrator.RunStatus;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.ServiceSlot;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.IllegalReferenceCountException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * The body of {@code GET /api/v1/status}, serialized once per snapshot: a poller asking thousands
 * of times a second gets the same bytes until the run moves. Safe from any thread: the cache is one
 * atomic reference; two threads serializing the same snapshot at once keep one result and release
 * the other.
 */
final class StatusJson {

  /**
   * One snapshot's body, as bytes and gzipped, each also in direct memory that every response
   * shares (a retained duplicate per response, released when written), so a poll costs no copy and
   * no allocation of the body. The cache holds one reference and gives it up when a newer snapshot
   * replaces it: direct memory is only freed by release, never by the garbage collector.
   */
  private record Cached(AppSnapshot snapshot, Object preflight, SecretMasker masker,
      EngineStatus engine, byte[] body, String etag, ByteBuf plain, ByteBuf gzipped) {
    static final Cached NONE = new Cached(null, null, null, null, new byte[0],
        EntityTags.of(new byte[0]), Unpooled.EMPTY_BUFFER, Unpooled.EMPTY_BUFFER);

    static Cached of(AppSnapshot snapshot, Object preflight, SecretMasker masker,
        EngineStatus engine, byte[] body) {
      return new Cached(snapshot, preflight, masker, engine, body, EntityTags.of(body),
          direct(body),
          direct(gzip(body)));
    }

    void release() {
      plain.release();
      gzipped.release();
    }

    private static ByteBuf direct(byte[] bytes) {
      return Unpooled.directBuffer(bytes.length).writeBytes(bytes).asReadOnly();
    }

    private static byte[] gzip(byte[] body) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 8 + 64);
      try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
        zip.write(body);
      } catch (IOException e) {
        throw new UncheckedIOException("gzip into memory cannot fail", e);
      }
      return out.toByteArray();
    }
  }

  private final ObjectMapper json = Json.mapper();
  private final Supplier<AppSnapshot> snapshots;
  private final Supplier<Object> preflights;
  private final Supplier<SecretMasker> maskers;
  private final Supplier<EngineStatus> engine;
  private final AtomicReference<Cached> cached = new AtomicReference<>(Cached.NONE);

  StatusJson(Supplier<AppSnapshot> snapshots) {
    this(snapshots, () -> null, SecretMasker::none);
  }

  /**
   * With {@code preflights}: the last preflight's report (plain maps and lists, replaced, never
   * changed), shown as {@code preflight}; a new report makes a new body as a new snapshot does.
   * Every text of the body passes the masker {@code maskers} gives (the same object until the
   * app's secrets change, which makes a new body) when the body is made.
   */
  StatusJson(Supplier<AppSnapshot> snapshots, Supplier<Object> preflights,
      Supplier<SecretMasker> maskers) {
    this(snapshots, preflights, maskers, () -> EngineStatus.ANSWERING);
  }

  /**
   * With {@code engine}: whether the Docker Engine answers the daemon's pings (a cached value,
   * replaced only when it changes); a new value makes a new body as a new snapshot does.
   */
  StatusJson(Supplier<AppSnapshot> snapshots, Supplier<Object> preflights,
      Supplier<SecretMasker> maskers, Supplier<EngineStatus> engine) {
    this.snapshots = snapshots;
    this.preflights = preflights;
    this.maskers = maskers;
    this.engine = engine;
  }

  byte[] body() {
    return current().body();
  }

  /** One response's body and the entity tag of exactly those bytes. */
  record Body(String etag, ByteBuf content) {}

  /** The current body's entity tag: a poller that sent it back has seen this body already. */
  String etag() {
    return current().etag();
  }

  /** The body for one response, gzipped if asked: the caller's reference, released by the write. */
  Body content(boolean gzipped) {
    while (true) {
      Cached current = current();
      try {
        return new Body(current.etag(),
            (gzipped ? current.gzipped() : current.plain()).retainedDuplicate());
      } catch (IllegalReferenceCountException replaced) {
        // Between reading the cache and retaining, another thread put a newer body in and
        // released this one: ask again, which gives the newer body.
      }
    }
  }

  /** Releases the cached body; for when the server has stopped answering. */
  void close() {
    cached.getAndSet(Cached.NONE).release();
  }

  private Cached current() {
    AppSnapshot snapshot = snapshots.get();
    Object preflight = preflights.get();
    SecretMasker masker = maskers.get();
    EngineStatus engineNow = engine.get();
    Cached current = cached.get();
    if (current.snapshot() == snapshot && current.preflight() == preflight
        && current.masker() == masker && current.engine() == engineNow) {
      return current;
    }
    Cached fresh = Cached.of(snapshot, preflight, masker, engineNow,
        serialize(snapshot, preflight, masker, engineNow));
    if (cached.compareAndSet(current, fresh)) {
      current.release();
      return fresh;
    }
    fresh.release();
    return cached.get();
  }

  private byte[] serialize(AppSnapshot snapshot, Object preflight, SecretMasker masker,
      EngineStatus engineNow) {
    try {
      ObjectNode root = tree(snapshot, engineNow);
      root.set("preflight", json.valueToTree(preflight));
      MaskedTree.mask(root, masker);
      return json.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("status must always serialize", e);
    }
  }

  ObjectNode tree(AppSnapshot snapshot) {
    return tree(snapshot, EngineStatus.ANSWERING);
  }

  ObjectNode tree(AppSnapshot snapshot, EngineStatus engineNow) {
    ObjectNode root = json.createObjectNode();
    root.putObject("app").put("name", snapshot.specName()).put("version", snapshot.specVersion());
    root.put("state", snapshot.state().label());
    root.put("message", snapshot.message());
    if (snapshot.failure() == null) {
      root.putNull("failure");
    } else {
      root.putObject("failure").put("kind", snapshot.failure().kind().label())
          .put("message", snapshot.failure().message());
    }
    root.put("startup_message", snapshot.startupMessage());
    root.put("started_at", snapshot.startedAt() == null ? null : snapshot.startedAt().toString());
    RunStatus run = snapshot.run();
    root.put("run_id", run == null ? null : run.runId());
    root.put("sequence", run == null ? 0 : run.sequence());
    // While Docker does not answer, container states are last known, not current: say so. The
    // daemon's own ping sees a paused engine, which ends no stream and so no run notices.
    boolean runLostDocker = run != null && !run.dockerLost().isEmpty();
    root.put("docker", !engineNow.answering() ? engineNow.describe()
        : runLostDocker ? "unreachable: " + run.dockerLost() : "reachable");
    root.put("docker_answering", engineNow.answering());
    boolean lastSeen = !engineNow.answering() || runLostDocker;
    root.put("run_ended", run != null && run.ended());
    // Why the run acts on nothing (its journal cannot be written); empty while it goes on.
    root.put("paused", run == null ? "" : run.paused());
    root.put("interrupted", run != null && run.interrupted());
    root.put("updated_at", run == null ? null : run.updatedAt().toString());
    if (run == null) {
      root.putNull("ready");
    } else {
      root.putObject("ready").put("state", run.ready().state())
          .put("description", run.ready().description())
          .put("last_seen", run.ready().lastSeen());
    }
    Map<String, ArrayNode> components = new LinkedHashMap<>();
    ArrayNode componentList = root.putArray("components");
    ArrayNode events = root.putArray("events");
    if (run == null) {
      return root;
    }
    for (RunStatus.ContainerStatus c : run.containers()) {
      int slash = c.container().indexOf('/');
      String component = slash < 0 ? "" : c.container().substring(0, slash);
      ArrayNode containers = components.computeIfAbsent(component, name -> {
        ObjectNode node = componentList.addObject().put("name", name);
        return node.putArray("containers");
      });
      // "unknown" is what Tugboat says when it cannot know: not a state it last saw
      containers.add(container(c, c.container().substring(slash + 1))
          .put("state_last_seen", lastSeen && !c.state().equals("unknown")));
    }
    for (RunStatus.EventStatus e : run.events()) {
      events.addObject()
          .put("name", e.name()).put("publisher", e.publisher()).put("trigger", e.trigger())
          .put("fired", e.fired())
          .put("fired_at", e.firedAt() == null ? null : e.firedAt().toString())
          .put("last_seen", e.lastSeen()).put("never_reason", e.neverReason());
    }
    return root;
  }

  private ObjectNode container(RunStatus.ContainerStatus c, String name) {
    ObjectNode node = json.createObjectNode()
        .put("name", name).put("key", c.container())
        .put("instance", c.instanceName()).put("container_id", c.containerId())
        .put("state", c.state()).put("summary", c.summary());
    if (c.exitCode() == null) {
      node.putNull("exit_code");
    } else {
      node.put("exit_code", c.exitCode());
    }
    node.put("restarts", c.restarts());
    // A task of a Swarm service runs on some node of the swarm; its address is that node's.
    if (!c.containerId().isEmpty() && ServiceSlot.isSlot(ContainerId.of(c.containerId()))) {
      node.put("node", c.address());
    }
    c.ports().forEach(node.putArray("ports")::add);
    c.waitingOn().forEach(node.putArray("waiting_on")::add);
    node.put("started_by", c.startedBy()).put("detail", c.detail());
    c.lastOutput().forEach(node.putArray("last_output")::add);
    return node;
  }
}
