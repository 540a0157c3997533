package dev.ringlet.internal.exec.ddl;

import dev.ringlet.internal.cql.ast.TypeExpr;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.MarshalTypes;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.SetType;
import dev.ringlet.internal.types.TupleType;
import dev.ringlet.internal.types.UserType;
import dev.ringlet.internal.types.VectorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Resolves a type as written ({@link TypeExpr}) to a {@link CqlType}, looking up user types in the keyspace. */
public final class TypeResolver {

  private TypeResolver() {}

  public static CqlType resolve(TypeExpr expr, KeyspaceMetadata keyspace) {
    return resolve(expr, keyspace, false);
  }

  private static CqlType resolve(TypeExpr expr, KeyspaceMetadata keyspace, boolean frozen) {
    if (expr instanceof TypeExpr.Native n) {
      String name = n.name().toLowerCase(Locale.ROOT);
      if (name.equals("varchar")) {
        return NativeType.TEXT;
      }
      try {
        return NativeType.valueOf(name.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw CqlException.invalid("Unknown type " + keyspace.name() + "." + n.name());
      }
    }
    if (expr instanceof TypeExpr.Frozen f) {
      if (f.inner() instanceof TypeExpr.Custom c) { // 5.0 freezes no quoted class, not even a collection's
        String printed;
        try {
          MarshalTypes.parse(c.className());
          printed = MarshalTypes.printedName(c.className());
        } catch (CqlException e) {
          if (e.code() == dev.ringlet.internal.error.ErrorCode.SYNTAX_ERROR) {
            throw e; // 5.0 fails to read the class first
          }
          printed = MarshalTypes.expanded(c.className());
        }
        throw CqlException.syntax("frozen<> is only allowed on collections, tuples, and user-defined types (got '"
            + printed + "')");
      }
      return resolve(f.inner(), keyspace, true).freeze();
    }
    if (expr instanceof TypeExpr.Collection c) {
      CqlType element = resolve(c.element(), keyspace, false);
      checkNestedFrozen(element, c.kind());
      return c.kind().equals("list") ? new ListType(element, frozen) : new SetType(element, frozen);
    }
    if (expr instanceof TypeExpr.MapOf m) {
      CqlType key = resolve(m.key(), keyspace, false);
      CqlType value = resolve(m.value(), keyspace, false);
      checkNestedFrozen(key, "map");
      checkNestedFrozen(value, "map");
      return new MapType(key, value, frozen);
    }
    if (expr instanceof TypeExpr.Tuple t) {
      List<CqlType> elements = new ArrayList<>();
      for (TypeExpr e : t.elements()) {
        elements.add(resolve(e, keyspace, true).freeze());
      }
      return new TupleType(elements);
    }
    if (expr instanceof TypeExpr.Vector v) {
      if (v.dimension() <= 0) {
        throw CqlException.invalid("vectors may only have positive dimensions; given " + v.dimension());
      }
      return new VectorType(resolve(v.element(), keyspace, true), v.dimension());
    }
    if (expr instanceof TypeExpr.UserDefined u) {
      if (u.name().keyspace() != null && !u.name().keyspace().equals(keyspace.name())) {
        throw CqlException.invalid("Statement on keyspace " + keyspace.name()
            + " cannot refer to a user type in keyspace " + u.name().keyspace() + "; user types can only be used in the keyspace they are defined in");
      }
      UserType type = keyspace.types().get(u.name().name());
      if (type == null) {
        throw CqlException.invalid("Unknown type " + keyspace.name() + "." + u.name().name());
      }
      return frozen ? type.freeze() : type;
    }
    CqlType custom = MarshalTypes.parse(((TypeExpr.Custom) expr).className());
    return frozen ? custom.freeze() : custom;
  }

  private static void checkNestedFrozen(CqlType inner, String kind) {
    if (inner instanceof UserType && inner.isMultiCell()) {
      throw CqlException.invalid("Non-frozen UDTs are not allowed inside collections: " + kind + "<" + inner.cql() + ">");
    }
    if (inner.isMultiCell()) {
      throw CqlException.invalid("Non-frozen collections are not allowed inside collections: " + kind + "<" + inner.cql() + ">");
    }
  }
}
