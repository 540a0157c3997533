package dev.ringlet.internal.auth;

import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.CustomType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.SetType;
import dev.ringlet.internal.types.TupleType;
import dev.ringlet.internal.types.UserType;
import dev.ringlet.internal.types.VectorType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The argument list of a function resource as Cassandra stores it in
 * {@code system_auth.role_permissions}: the argument types' marshal class names joined by {@code ^}
 * ({@code functions/ks/f[org.apache.cassandra.db.marshal.Int32Type^...]}), and back to the CQL
 * type list Cassandra prints ({@code <function ks.f(int, text)>}).
 *
 * <p>Marshal names follow Cassandra's {@code AbstractType.toString()}: frozen collections and user
 * types are wrapped in {@code FrozenType(...)} (their own parameters then without it), tuples and
 * vectors never are, a user type is {@code UserType(keyspace,hex(name),hex(field):type,...)}.
 */
public final class FunctionResources {

  private static final String MARSHAL = "org.apache.cassandra.db.marshal.";

  private FunctionResources() {}

  /** {@code Int32Type^UTF8Type}, each with its package, for the argument types. */
  public static String marshalArguments(List<CqlType> types) {
    List<String> names = new ArrayList<>();
    types.forEach(t -> names.add(marshal(t, false)));
    return String.join("^", names);
  }

  /** The CQL type list ({@code int, list<text>}) of a stored argument list; empty for none. */
  public static String cqlArguments(String marshalArguments) {
    if (marshalArguments.isEmpty()) {
      return "";
    }
    List<String> out = new ArrayList<>();
    for (String one : marshalArguments.split("\\^", -1)) {
      out.add(new Reader(one).type());
    }
    return String.join(", ", out);
  }

  static String marshal(CqlType type, boolean ignoreFreezing) {
    if (type instanceof NativeType n) {
      return MARSHAL + n.marshalName();
    }
    if (type instanceof ListType l) {
      return frozen(l.frozen() && !ignoreFreezing, MARSHAL + "ListType(" + marshal(l.element(), ignoreFreezing || l.frozen()) + ")");
    }
    if (type instanceof SetType s) {
      return frozen(s.frozen() && !ignoreFreezing, MARSHAL + "SetType(" + marshal(s.element(), ignoreFreezing || s.frozen()) + ")");
    }
    if (type instanceof MapType m) {
      boolean inner = ignoreFreezing || m.frozen();
      return frozen(m.frozen() && !ignoreFreezing,
          MARSHAL + "MapType(" + marshal(m.key(), inner) + "," + marshal(m.value(), inner) + ")");
    }
    if (type instanceof TupleType t) {
      List<String> elements = new ArrayList<>();
      t.elements().forEach(e -> elements.add(marshal(e, true)));
      return MARSHAL + "TupleType(" + String.join(",", elements) + ")";
    }
    if (type instanceof VectorType v) {
      return MARSHAL + "VectorType(" + marshal(v.element(), true) + "," + v.dimension() + ")";
    }
    if (type instanceof CustomType c) {
      return c.className();
    }
    UserType u = (UserType) type;
    StringBuilder sb = new StringBuilder(MARSHAL).append("UserType(").append(u.keyspace()).append(',').append(hex(u.name()));
    for (int i = 0; i < u.fieldNames().size(); i++) {
      sb.append(',').append(hex(u.fieldNames().get(i))).append(':').append(marshal(u.fieldTypes().get(i), true));
    }
    return frozen(u.frozen() && !ignoreFreezing, sb.append(')').toString());
  }

  private static String frozen(boolean frozen, String inner) {
    return frozen ? MARSHAL + "FrozenType(" + inner + ")" : inner;
  }

  private static String hex(String s) {
    return HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
  }


  /** Reads one marshal name back into CQL type text. */
  private static final class Reader {
    private final String s;
    private int pos;

    Reader(String s) {
      this.s = s;
    }

    String type() {
      int start = pos;
      while (pos < s.length() && s.charAt(pos) != '(' && s.charAt(pos) != ',' && s.charAt(pos) != ')') {
        pos++;
      }
      String cls = s.substring(start, pos);
      String simple = cls.startsWith(MARSHAL) ? cls.substring(MARSHAL.length()) : cls;
      if (pos >= s.length() || s.charAt(pos) != '(') {
        return nativeCql(simple, cls);
      }
      pos++; // (
      String out;
      switch (simple) {
        case "FrozenType": out = "frozen<" + type() + ">"; break;
        case "ListType": out = "list<" + type() + ">"; break;
        case "SetType": out = "set<" + type() + ">"; break;
        case "MapType": {
          String k = type();
          pos++; // ,
          out = "map<" + k + ", " + type() + ">";
          break;
        }
        case "TupleType": {
          List<String> elements = new ArrayList<>();
          elements.add(type());
          while (s.charAt(pos) == ',') {
            pos++;
            elements.add(type());
          }
          out = "tuple<" + String.join(", ", elements) + ">";
          break;
        }
        case "VectorType": {
          String e = type();
          pos++; // ,
          int d = pos;
          while (s.charAt(pos) != ')') {
            pos++;
          }
          out = "vector<" + e + ", " + s.substring(d, pos) + ">";
          break;
        }
        case "UserType": {
          int depth = 0;
          int begin = pos;
          while (depth > 0 || s.charAt(pos) != ')') {
            char c = s.charAt(pos++);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
          }
          String[] parts = s.substring(begin, pos).split(",", 3);
          out = new String(HexFormat.of().parseHex(parts[1]), StandardCharsets.UTF_8);
          break;
        }
        default:
          throw new IllegalArgumentException("not a marshal type: " + s);
      }
      pos++; // )
      return out;
    }

    private static String nativeCql(String simple, String cls) {
      for (NativeType n : NativeType.values()) {
        if (n.marshalName().equals(simple)) {
          return n.cql();
        }
      }
      return "'" + cls + "'";
    }
  }
}
