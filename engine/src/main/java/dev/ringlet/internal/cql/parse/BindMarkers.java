package dev.ringlet.internal.cql.parse;

import dev.ringlet.internal.cql.ast.Term;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Numbers the bind markers of one statement (a whole BATCH included) in order of appearance. */
final class BindMarkers {

  private final List<String> names = new ArrayList<>();

  /** A new marker; {@code name} null for {@code ?}. */
  Term.BindMarker next(String name) {
    names.add(name);
    return new Term.BindMarker(names.size() - 1, name);
  }

  /** How many markers so far, to {@link #truncate} back to after a failed speculative parse. */
  int count() {
    return names.size();
  }

  void truncate(int count) {
    names.subList(count, names.size()).clear();
  }

  /** The names so far by index (null entries for {@code ?}), as an immutable snapshot. */
  List<String> names() {
    return Collections.unmodifiableList(new ArrayList<>(names));
  }
}
