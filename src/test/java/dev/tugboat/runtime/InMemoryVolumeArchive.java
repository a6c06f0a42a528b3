package dev.tugboat.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A {@link VolumeArchive} for unit tests: each piece of data is a map of file names to text, with
 * one owner and mode for its top directory; archives are real tar streams under {@link #ROOT}.
 * Every call is recorded in order ({@link #calls()}), and a call can be made to fail. Thread-safe.
 */
public final class InMemoryVolumeArchive implements VolumeArchive {

  /** The files of one piece of data and its top directory's owner and mode. */
  public record Content(Map<String, String> files, int uid, int gid, int mode) {
    public Content {
      files = new TreeMap<>(files);
    }

    public static Content of(Map<String, String> files) {
      return new Content(files, 999, 999, 0700);
    }
  }

  private final Map<DataMount, Content> data = new LinkedHashMap<>();
  private final Map<String, VolumeFacts> volumes = new LinkedHashMap<>();
  private final List<String> calls = new ArrayList<>();
  private final Map<String, RuntimeFailure> failures = new LinkedHashMap<>();
  private final Map<String, HostPathKind> kinds = new LinkedHashMap<>();
  private final Map<String, List<ContainerSummary>> holders = new LinkedHashMap<>();
  private final Map<DataMount, List<String>> mountedBelow = new LinkedHashMap<>();
  private boolean remoteEngine;

  /** A named volume with {@code files}, made by the local driver. */
  public synchronized InMemoryVolumeArchive volume(String name, Map<String, String> files) {
    volumes.put(name, new VolumeFacts(name, "local", Map.of("keep", "yes"), Map.of(),
        "/var/lib/docker/volumes/" + name + "/_data"));
    data.put(new DataMount(DataMount.Kind.NAMED_VOLUME, name), Content.of(files));
    return this;
  }

  /** A host directory with {@code files}. */
  public synchronized InMemoryVolumeArchive hostPath(String path, Map<String, String> files) {
    data.put(new DataMount(DataMount.Kind.HOST_PATH, path), Content.of(files));
    return this;
  }

  /** What is at a host path (else a directory when it holds data, else nothing). */
  public synchronized InMemoryVolumeArchive kind(String path, HostPathKind kind) {
    kinds.put(path, kind);
    return this;
  }

  /** The engine is on another machine: host paths cannot be seen from here. */
  public synchronized InMemoryVolumeArchive remoteEngine() {
    remoteEngine = true;
    return this;
  }

  /** {@code containers} hold the named volume. */
  public synchronized InMemoryVolumeArchive holders(String volume,
      List<ContainerSummary> containers) {
    holders.put(volume, List.copyOf(containers));
    return this;
  }

  /** Emptying {@code mount} leaves {@code entries}, on other file systems. */
  public synchronized InMemoryVolumeArchive mountedBelow(DataMount mount, List<String> entries) {
    mountedBelow.put(mount, List.copyOf(entries));
    return this;
  }

  /** The next call whose record starts with {@code prefix} ("read named-volume x") fails. */
  public synchronized void failOn(String prefix, RuntimeFailure failure) {
    failures.put(prefix, failure);
  }

  public synchronized Map<String, String> files(DataMount mount) {
    return Optional.ofNullable(data.get(mount)).map(Content::files).orElse(Map.of());
  }

  public synchronized Map<String, String> files(String volume) {
    return files(new DataMount(DataMount.Kind.NAMED_VOLUME, volume));
  }

  public synchronized void replace(String volume, Map<String, String> files) {
    data.put(new DataMount(DataMount.Kind.NAMED_VOLUME, volume), Content.of(files));
  }

  /** Every call so far, e.g. {@code "read named-volume pgdata with postgres:15"}. */
  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  @Override
  public synchronized Optional<VolumeFacts> inspectVolume(String name) {
    record("inspect " + name);
    return Optional.ofNullable(volumes.get(name));
  }

  @Override
  public synchronized OptionalLong size(DataMount mount) {
    record("size " + mount);
    Content content = data.get(mount);
    return content == null ? OptionalLong.empty() : OptionalLong.of(content.files().values()
        .stream().mapToLong(text -> text.getBytes(StandardCharsets.UTF_8).length).sum());
  }

  @Override
  public synchronized void read(DataMount mount, String image, OutputStream tar) {
    record("read " + mount + " with " + image);
    Content content = data.getOrDefault(mount, Content.of(Map.of()));
    try {
      TarArchiveOutputStream out = new TarArchiveOutputStream(shield(tar));
      TarArchiveEntry top = new TarArchiveEntry(ROOT + "/");
      top.setUserId(content.uid());
      top.setGroupId(content.gid());
      top.setMode(040000 | content.mode());
      out.putArchiveEntry(top);
      out.closeArchiveEntry();
      for (Map.Entry<String, String> file : content.files().entrySet()) {
        byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(ROOT + "/" + file.getKey());
        entry.setSize(bytes.length);
        out.putArchiveEntry(entry);
        out.write(bytes);
        out.closeArchiveEntry();
      }
      out.finish();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized List<String> empty(DataMount mount, Optional<VolumeFacts> facts) {
    record("empty " + mount);
    data.put(mount, Content.of(Map.of()));
    facts.ifPresent(f -> volumes.put(f.name(), f));
    return mountedBelow.getOrDefault(mount, List.of());
  }

  @Override
  public synchronized HostPathKind hostPathKind(String path) {
    if (remoteEngine) {
      throw RuntimeFailure.invalidConfig(path, "host directory " + path + " cannot be kept in a"
          + " snapshot or restored: the Docker Engine is not on this machine");
    }
    return kinds.getOrDefault(path, data.containsKey(new DataMount(DataMount.Kind.HOST_PATH,
        path)) ? HostPathKind.DIRECTORY : HostPathKind.MISSING);
  }

  @Override
  public synchronized List<ContainerSummary> holders(String name) {
    return holders.getOrDefault(name, List.of());
  }

  @Override
  public synchronized void write(DataMount mount, String image, InputStream tar) {
    record("write " + mount + " with " + image);
    Map<String, String> files = new TreeMap<>();
    int uid = 0;
    int gid = 0;
    int mode = 0755;
    try (TarArchiveInputStream in = new TarArchiveInputStream(tar)) {
      for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        String name = entry.getName();
        if (name.equals(ROOT + "/")) {
          uid = (int) entry.getLongUserId();
          gid = (int) entry.getLongGroupId();
          mode = entry.getMode() & 07777;
        } else {
          files.put(name.substring(ROOT.length() + 1),
              new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    data.put(mount, new Content(files, uid, gid, mode));
  }

  public synchronized Content content(DataMount mount) {
    return data.get(mount);
  }

  private void record(String call) {
    calls.add(call);
    for (Map.Entry<String, RuntimeFailure> failure : failures.entrySet()) {
      if (call.startsWith(failure.getKey())) {
        failures.remove(failure.getKey());
        throw failure.getValue();
      }
    }
  }

  private static OutputStream shield(OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }
}
