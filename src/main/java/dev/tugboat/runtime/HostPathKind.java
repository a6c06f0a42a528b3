package dev.tugboat.runtime;

/**
 * What is at a host path, seen without following a link: only a directory (or nothing yet, made
 * at the copy) can be data a snapshot keeps and a restore empties.
 */
public enum HostPathKind {
  MISSING("nothing"),
  DIRECTORY("a directory"),
  FILE("a single file"),
  LINK("a symbolic link"),
  SOCKET("a socket"),
  DEVICE("a device"),
  OTHER("a pipe or another special file");

  private final String words;

  HostPathKind(String words) {
    this.words = words;
  }

  /** "a socket", as a message says it. */
  public String words() {
    return words;
  }
}
