package dev.ringlet.conformance;

import java.util.List;
import java.util.Set;

/**
 * How to run one scenario statement, from the {@code -- @...} comment lines just above it.
 *
 * @param pageSize fetch size; 0 means the driver's default and no page markers in the answer
 * @param ignoredColumns result columns whose values vary between runs (printed as {@code <ignored>})
 * @param consistency a consistency level name, or {@code null} for the driver's default
 * @param bindValues CQL literals to bind after preparing the statement, or {@code null} to run it
 *     as a simple statement
 * @param login {@code [user, password]} to run the statement in a session logged in as that role,
 *     or {@code null} for the scenario's session (authenticated scenarios only)
 */
record Directives(int pageSize, Set<String> ignoredColumns, String consistency, List<String> bindValues,
    List<String> login) {

  static final Directives NONE = new Directives(0, Set.of(), null, null, null);

  Directives {
    if (pageSize < 0) {
      throw new IllegalArgumentException("pageSize: " + pageSize + " (expected: >= 0)");
    }
    ignoredColumns = Set.copyOf(ignoredColumns);
    bindValues = bindValues == null ? null : List.copyOf(bindValues);
    login = login == null ? null : List.copyOf(login);
  }

  boolean prepared() {
    return bindValues != null;
  }

  Directives withPageSize(int size) {
    return new Directives(size, ignoredColumns, consistency, bindValues, login);
  }

  Directives withIgnoredColumns(Set<String> columns) {
    return new Directives(pageSize, columns, consistency, bindValues, login);
  }

  Directives withConsistency(String level) {
    return new Directives(pageSize, ignoredColumns, level, bindValues, login);
  }

  Directives withLogin(String user, String password) {
    return new Directives(pageSize, ignoredColumns, consistency, bindValues, List.of(user, password));
  }

  Directives withBindValues(List<String> values) {
    return new Directives(pageSize, ignoredColumns, consistency, values, login);
  }
}
