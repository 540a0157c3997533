package dev.ringlet.internal.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Collects what each bind marker of a statement receives, while the statement is analysed. */
public final class Variables {

  private final ColumnSpec[] specs;
  private final List<String> names;

  public Variables(List<String> boundNames) {
    this.names = boundNames;
    this.specs = new ColumnSpec[boundNames.size()];
  }

  public void set(int index, ColumnSpec spec) {
    specs[index] = spec;
  }

  public List<String> names() {
    return names;
  }

  /** The variables in marker order; a named marker takes its name. */
  public List<ColumnSpec> specs() {
    List<ColumnSpec> out = new ArrayList<>(specs.length);
    for (int i = 0; i < specs.length; i++) {
      ColumnSpec s = specs[i];
      if (s == null) {
        throw new IllegalStateException("bind marker " + i + " has no receiver: " + Arrays.toString(specs));
      }
      String name = names.get(i);
      out.add(name == null ? s : new ColumnSpec(s.keyspace(), s.table(), name, s.type()));
    }
    return out;
  }
}
