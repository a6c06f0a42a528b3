package dev.tugboat.runtime;

import java.util.Collection;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Node tags as node labels: tag {@code T} is the label {@code dev.tugboat.tag.T=true}, which a
 * clustered component's {@code tags: [T]} asks for as the placement constraint {@code
 * node.labels.dev.tugboat.tag.T==true}. Only the label's presence counts as the tag.
 */
public final class NodeTags {

  public static final String LABEL_PREFIX = "dev.tugboat.tag.";
  private static final int MAX_LENGTH = 128;
  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]+");

  private NodeTags() {}

  /** The node label that carries {@code tag}. */
  public static String label(String tag) {
    return LABEL_PREFIX + check(tag);
  }

  /** The placement constraint that keeps a service's tasks on nodes tagged {@code tag}. */
  public static String constraint(String tag) {
    return "node.labels." + label(tag) + "==true";
  }

  /** The tags among {@code labels}, sorted. */
  public static SortedSet<String> of(Map<String, String> labels) {
    SortedSet<String> tags = new TreeSet<>();
    labels.keySet().stream()
        .filter(key -> key.startsWith(LABEL_PREFIX) && key.length() > LABEL_PREFIX.length())
        .forEach(key -> tags.add(key.substring(LABEL_PREFIX.length())));
    return tags;
  }

  /** {@code labels} with a label for each of {@code tags} (checked) added. */
  public static Map<String, String> added(Map<String, String> labels, Collection<String> tags) {
    Map<String, String> changed = new java.util.TreeMap<>(labels);
    checkAll(tags).forEach(tag -> changed.put(label(tag), "true"));
    return changed;
  }

  /** {@code labels} without the labels of {@code tags} (checked). */
  public static Map<String, String> removed(Map<String, String> labels, Collection<String> tags) {
    Map<String, String> changed = new java.util.TreeMap<>(labels);
    checkAll(tags).forEach(tag -> changed.remove(label(tag)));
    return changed;
  }

  /** {@code tags}, each checked and sorted. */
  public static SortedSet<String> checkAll(Collection<String> tags) {
    SortedSet<String> checked = new TreeSet<>();
    tags.forEach(tag -> checked.add(check(tag)));
    return checked;
  }

  /**
   * {@code tag} if it can be part of a Docker label key; else {@link IllegalArgumentException}
   * saying what is wrong with it.
   */
  public static String check(String tag) {
    if (tag == null || tag.isEmpty()) {
      throw new IllegalArgumentException("a tag cannot be empty");
    }
    if (tag.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("tag '" + tag.substring(0, 20) + "…' is "
          + tag.length() + " characters long; at most " + MAX_LENGTH + " are allowed");
    }
    if (!ALLOWED.matcher(tag).matches()) {
      StringBuilder bad = new StringBuilder();
      tag.codePoints().filter(c -> !(c < 128 && ALLOWED.matcher(Character.toString(c)).matches()))
          .distinct().forEach(c -> bad.append(bad.length() == 0 ? "" : " ")
              .append(Character.isWhitespace(c) ? "(space)" : "'" + Character.toString(c) + "'"));
      throw new IllegalArgumentException("tag '" + tag + "' has characters a node label cannot"
          + " have: " + bad + " (use letters, digits, '-', '_' and '.')");
    }
    return tag;
  }
}
