package dev.ringlet.internal.system;

import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.CustomType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.SetType;
import dev.ringlet.internal.types.TupleType;
import dev.ringlet.internal.types.UserType;
import dev.ringlet.internal.types.VectorType;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A type as {@code system_schema.columns.type} and {@code system_schema.types.field_types} write
 * it: {@code frozen<map<text, int>>}, {@code vector<float, 3>}, tuples always frozen, a user type by
 * its name, double-quoted when the name is not a plain lower-case identifier or is a reserved
 * keyword ({@code frozen<"Nested">}). A descending clustering column shows its plain type.
 */
final class ColumnTypeText {

  private static final Pattern PLAIN = Pattern.compile("[a-z][a-z0-9_]*");

  /** CQL's reserved keywords: names that must be quoted even when lower case. */
  private static final Set<String> RESERVED = Set.of("add", "allow", "alter", "and", "apply", "asc", "authorize",
      "batch", "begin", "by", "columnfamily", "create", "default", "delete", "desc", "describe", "drop", "entries",
      "execute", "from", "full", "grant", "if", "in", "index", "infinity", "insert", "into", "is", "keyspace",
      "limit", "mbean", "mbeans", "modify", "nan", "norecursive", "not", "null", "of", "on", "or", "order",
      "primary", "rename", "replace", "revoke", "schema", "select", "set", "table", "to", "token", "truncate",
      "unlogged", "unset", "update", "use", "using", "view", "where", "with");

  private ColumnTypeText() {}

  static String of(CqlType type) {
    if (type instanceof NativeType n) return n.cql();
    if (type instanceof ListType l) return frozen(l.frozen(), "list<" + of(l.element()) + ">");
    if (type instanceof SetType s) return frozen(s.frozen(), "set<" + of(s.element()) + ">");
    if (type instanceof MapType m) return frozen(m.frozen(), "map<" + of(m.key()) + ", " + of(m.value()) + ">");
    if (type instanceof TupleType t) {
      return "frozen<tuple<" + t.elements().stream().map(ColumnTypeText::of).collect(Collectors.joining(", ")) + ">>";
    }
    if (type instanceof VectorType v) return "vector<" + of(v.element()) + ", " + v.dimension() + ">";
    if (type instanceof CustomType c && CustomType.unreversed(c) != c) return of(CustomType.unreversed(c));
    if (type instanceof CustomType c) return c.cql();
    UserType u = (UserType) type;
    return frozen(u.frozen(), identifier(u.name()));
  }

  /** A CQL identifier as Cassandra prints it: bare when it can be, else double-quoted. */
  static String identifier(String name) {
    if (PLAIN.matcher(name).matches() && !RESERVED.contains(name)) return name;
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  private static String frozen(boolean frozen, String text) {
    return frozen ? "frozen<" + text + ">" : text;
  }
}
