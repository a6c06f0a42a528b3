package dev.tugboat.runtime;

import java.util.Objects;

/**
 * Data an app's containers mount, as a snapshot copies it: a Docker named volume (by name) or a
 * host directory (an absolute path, normalised).
 */
public record DataMount(Kind kind, String source) {

  /** How the data is mounted; the names are those of the snapshot manifest. */
  public enum Kind {
    NAMED_VOLUME("named-volume"),
    HOST_PATH("host-path");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public static Kind ofLabel(String label) {
      for (Kind kind : values()) {
        if (kind.label.equals(label)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("unknown data kind '" + label + "'; known: named-volume,"
          + " host-path");
    }
  }

  public DataMount {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    if (kind == Kind.HOST_PATH && !source.startsWith("/")) {
      throw new IllegalArgumentException("a host path must be absolute, got \"" + source + "\"");
    }
    if (kind == Kind.HOST_PATH) {
      // "/data/", "/data/." and "/srv/../data" are the directory "/data": one piece of data, and
      // the checks of what may be emptied see the path a restore would empty
      source = java.nio.file.Path.of(source).normalize().toString();
    }
    if (kind == Kind.NAMED_VOLUME && (source.isBlank() || source.contains("/"))) {
      throw new IllegalArgumentException("a volume name must be a bare name, got \"" + source
          + "\"");
    }
  }

  public static DataMount of(Mount mount) {
    return mount instanceof Mount.Bind bind ? new DataMount(Kind.HOST_PATH, bind.hostPath())
        : new DataMount(Kind.NAMED_VOLUME, ((Mount.Volume) mount).volumeName());
  }

  @Override
  public String toString() {
    return kind.label() + " " + source;
  }
}
