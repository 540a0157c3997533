package dev.ringlet.internal.system;

import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.SetType;
import dev.ringlet.internal.types.TupleType;
import dev.ringlet.internal.types.VectorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the type text of {@code system_schema.columns.type} back into a type shape, for the built-in
 * table definitions: native types, {@code list/set/map/tuple/vector} and {@code frozen<...>}. User
 * types do not occur in system tables and are refused.
 */
final class CqlTypeParser {

  private final String text;
  private int pos;

  private CqlTypeParser(String text) {
    this.text = text;
  }

  static CqlType parse(String text) {
    CqlTypeParser p = new CqlTypeParser(text);
    CqlType type = p.type();
    p.skipSpaces();
    if (p.pos != text.length()) {
      throw new IllegalArgumentException("Trailing text at " + p.pos + " in type '" + text + "'");
    }
    return type;
  }

  private CqlType type() {
    String name = word().toLowerCase(Locale.ROOT);
    switch (name) {
      case "frozen" -> {
        expect('<');
        CqlType inner = type();
        expect('>');
        return inner.freeze();
      }
      case "list" -> {
        expect('<');
        CqlType element = type();
        expect('>');
        return new ListType(element, false);
      }
      case "set" -> {
        expect('<');
        CqlType element = type();
        expect('>');
        return new SetType(element, false);
      }
      case "map" -> {
        expect('<');
        CqlType key = type();
        expect(',');
        CqlType value = type();
        expect('>');
        return new MapType(key, value, false);
      }
      case "tuple" -> {
        expect('<');
        List<CqlType> elements = new ArrayList<>();
        elements.add(type());
        while (peek() == ',') {
          expect(',');
          elements.add(type());
        }
        expect('>');
        return new TupleType(elements);
      }
      case "vector" -> {
        expect('<');
        CqlType element = type();
        expect(',');
        int dimension = Integer.parseInt(word());
        expect('>');
        return new VectorType(element, dimension);
      }
      case "varchar" -> {
        return NativeType.TEXT;
      }
      default -> {
        try {
          return NativeType.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("Unknown type '" + name + "' in '" + text + "'");
        }
      }
    }
  }

  private String word() {
    skipSpaces();
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    if (start == pos) {
      throw new IllegalArgumentException("Expected a name at " + pos + " in type '" + text + "'");
    }
    return text.substring(start, pos);
  }

  private char peek() {
    skipSpaces();
    return pos < text.length() ? text.charAt(pos) : 0;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw new IllegalArgumentException("Expected '" + c + "' at " + pos + " in type '" + text + "'");
    }
    pos++;
  }

  private void skipSpaces() {
    while (pos < text.length() && text.charAt(pos) == ' ') pos++;
  }
}
