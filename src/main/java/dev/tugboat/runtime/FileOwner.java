package dev.tugboat.runtime;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file's owner as a spec writes it: {@code 999}, {@code 999:999}, {@code postgres} or {@code
 * postgres:postgres}. Numbers are ids and need no account on the host (the image's user usually
 * has none there); names are looked up on the host.
 *
 * @param user a user id or name
 * @param group a group id or name, or empty to keep the group
 */
public record FileOwner(String user, Optional<String> group) {

  private static final Pattern OWNER = Pattern.compile(
      "([0-9]+|[A-Za-z_][A-Za-z0-9_.-]*)(?::([0-9]+|[A-Za-z_][A-Za-z0-9_.-]*))?");

  /**
   * @throws IllegalArgumentException when {@code text} is not a user, or user:group
   */
  public static FileOwner parse(String text) {
    Matcher m = OWNER.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("owner \"" + text + "\" is not a user or user:group;"
          + " write it like 999, 999:999 or postgres");
    }
    return new FileOwner(m.group(1), Optional.ofNullable(m.group(2)));
  }

  static boolean isId(String name) {
    return name.chars().allMatch(Character::isDigit);
  }

  /** The user id, when the user is given as a number. */
  public Optional<Integer> userId() {
    return isId(user) ? Optional.of(Integer.parseInt(user)) : Optional.empty();
  }

  /** The group id, when the group is given as a number. */
  public Optional<Integer> groupId() {
    return group.filter(FileOwner::isId).map(Integer::parseInt);
  }

  @Override
  public String toString() {
    return user + group.map(g -> ":" + g).orElse("");
  }
}
