package dev.tugboat.bundle;

/**
 * Image references in one spelling, so that a spec's {@code postgres:16}, a {@code docker save}
 * archive's {@code postgres:16} and an OCI index's {@code docker.io/library/postgres:16} compare
 * equal: the registry and {@code library/} the engine assumes are written out, and {@code
 * :latest} when no tag is.
 */
final class ImageNames {

  private ImageNames() {}

  static String canonical(String reference) {
    String ref = reference.strip();
    String digest = "";
    int at = ref.indexOf('@');
    if (at >= 0) {
      digest = ref.substring(at);
      ref = ref.substring(0, at);
    }
    int slash = ref.lastIndexOf('/');
    int colon = ref.lastIndexOf(':');
    String tag = colon > slash ? ref.substring(colon) : digest.isEmpty() ? ":latest" : "";
    String name = colon > slash ? ref.substring(0, colon) : ref;
    int first = name.indexOf('/');
    String head = first < 0 ? "" : name.substring(0, first);
    boolean registry = head.contains(".") || head.contains(":") || head.equals("localhost");
    if (!registry) {
      name = "docker.io/" + name;
    } else if (head.equals("index.docker.io")) {
      name = "docker.io" + name.substring(first);
    }
    if (name.startsWith("docker.io/") && name.indexOf('/', "docker.io/".length()) < 0) {
      name = "docker.io/library/" + name.substring("docker.io/".length());
    }
    return name + tag + digest;
  }
}
