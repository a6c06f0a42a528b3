package dev.tugboat.template;

import java.util.ArrayList;
import java.util.List;

/** The variable stack of one rendering, with Go's scoping: marks and pops at block boundaries. */
final class Variables {
  private final List<String> names = new ArrayList<>();
  private final List<Object> values = new ArrayList<>();

  void push(String name, Object value) {
    names.add(name);
    values.add(value);
  }

  int mark() {
    return names.size();
  }

  void pop(int mark) {
    names.subList(mark, names.size()).clear();
    values.subList(mark, values.size()).clear();
  }

  /** Sets the n-th variable from the top (1 is the top). */
  void setTop(int n, Object value) {
    values.set(values.size() - n, value);
  }

  /** Assigns the innermost variable of that name; the parser has checked that one exists. */
  void set(String name, Object value, int pos) {
    for (int i = names.size() - 1; i >= 0; i--) {
      if (names.get(i).equals(name)) {
        values.set(i, value);
        return;
      }
    }
    throw new PositionedError(pos, "undefined variable: " + name);
  }

  Object get(String name, int pos) {
    for (int i = names.size() - 1; i >= 0; i--) {
      if (names.get(i).equals(name)) {
        return values.get(i);
      }
    }
    throw new PositionedError(pos, "undefined variable: " + name);
  }
}
