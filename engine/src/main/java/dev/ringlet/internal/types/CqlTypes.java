package dev.ringlet.internal.types;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads type strings as Cassandra writes them in {@code system_schema.columns.type}: native names
 * ({@code varchar} is text), {@code list<..>}, {@code set<..>}, {@code map<.., ..>},
 * {@code tuple<..>}, {@code vector<.., n>}, {@code frozen<..>} and user types by name (double
 * quotes allowed), which {@code udts} resolves. Whitespace is free; keywords are case-insensitive.
 */
public final class CqlTypes {

  private final String text;
  private final Function<String, UserType> udts;
  private int pos;

  private CqlTypes(String text, Function<String, UserType> udts) {
    this.text = text;
    this.udts = udts;
  }

  /** Whether the type is or contains {@code duration} (5.0's {@code AbstractType.referencesDuration}). */
  public static boolean referencesDuration(CqlType type) {
    if (type == NativeType.DURATION) {
      return true;
    }
    if (type instanceof ListType l) {
      return referencesDuration(l.element());
    }
    if (type instanceof SetType s) {
      return referencesDuration(s.element());
    }
    if (type instanceof MapType m) {
      return referencesDuration(m.key()) || referencesDuration(m.value());
    }
    if (type instanceof TupleType t) {
      return t.elements().stream().anyMatch(CqlTypes::referencesDuration);
    }
    if (type instanceof UserType u) {
      return u.fieldTypes().stream().anyMatch(CqlTypes::referencesDuration);
    }
    if (type instanceof VectorType v) {
      return referencesDuration(v.element());
    }
    return false;
  }

  /**
   * The type a string describes. Throws IllegalArgumentException when the string is not a type
   * or names a user type that {@code udts} does not know (answers null).
   */
  public static CqlType parse(String typeString, Function<String, UserType> udts) {
    CqlTypes parser = new CqlTypes(typeString, udts);
    CqlType type = parser.type();
    parser.skipSpaces();
    if (parser.pos != typeString.length()) {
      throw parser.error("unexpected text");
    }
    return type;
  }

  private IllegalArgumentException error(String why) {
    return new IllegalArgumentException("Invalid type '" + text + "' at " + pos + ": " + why);
  }

  private void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private void expect(char c) {
    skipSpaces();
    if (pos >= text.length() || text.charAt(pos) != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private boolean peekIs(char c) {
    skipSpaces();
    return pos < text.length() && text.charAt(pos) == c;
  }

  private String identifier() {
    skipSpaces();
    if (peekIs('"')) {
      return quotedIdentifier();
    }
    int start = pos;
    while (pos < text.length()
        && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_' || text.charAt(pos) == '.')) {
      pos++;
    }
    if (start == pos) {
      throw error("expected a type name");
    }
    return text.substring(start, pos);
  }

  /** A custom type as Cassandra writes it, the class name in single quotes ({@code ''} for a quote). */
  private String quotedClassName() {
    pos++;
    StringBuilder sb = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c != '\'') {
        sb.append(c);
      } else if (pos < text.length() && text.charAt(pos) == '\'') {
        sb.append('\'');
        pos++;
      } else {
        return sb.toString();
      }
    }
    throw error("unterminated quoted class name");
  }

  private String quotedIdentifier() {
    pos++;
    StringBuilder sb = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c != '"') {
        sb.append(c);
      } else if (pos < text.length() && text.charAt(pos) == '"') {
        sb.append('"');
        pos++;
      } else {
        return "\"" + sb + "\"";
      }
    }
    throw error("unterminated quoted name");
  }

  private CqlType type() {
    skipSpaces();
    if (pos < text.length() && text.charAt(pos) == '\'') {
      return MarshalTypes.parse(quotedClassName());
    }
    String name = identifier();
    if (name.startsWith("\"")) {
      return userType(name.substring(1, name.length() - 1));
    }
    switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "frozen": {
        expect('<');
        CqlType inner = type();
        expect('>');
        return inner.freeze();
      }
      case "list": {
        expect('<');
        CqlType element = type();
        expect('>');
        return new ListType(element, false);
      }
      case "set": {
        expect('<');
        CqlType element = type();
        expect('>');
        return new SetType(element, false);
      }
      case "map": {
        expect('<');
        CqlType key = type();
        expect(',');
        CqlType value = type();
        expect('>');
        return new MapType(key, value, false);
      }
      case "tuple":
        return tuple();
      case "vector":
        return vector();
      case "empty":
        return CustomType.EMPTY; // as 5.0's CQLTypeParser reads system_schema (CQL itself has no such type)
      default: {
        NativeType nativeType = NativeType.byName(name);
        return nativeType != null ? nativeType : userType(name);
      }
    }
  }

  private CqlType tuple() {
    expect('<');
    List<CqlType> elements = new ArrayList<>();
    elements.add(type());
    while (peekIs(',')) {
      pos++;
      elements.add(type());
    }
    expect('>');
    return new TupleType(List.copyOf(elements));
  }

  private CqlType vector() {
    expect('<');
    CqlType element = type();
    expect(',');
    skipSpaces();
    int start = pos;
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    if (start == pos) {
      throw error("expected a dimension");
    }
    int dimension = Integer.parseInt(text.substring(start, pos));
    if (dimension <= 0) {
      throw error("vectors may only have positive dimensions; given " + dimension);
    }
    expect('>');
    return new VectorType(element, dimension);
  }

  private CqlType userType(String name) {
    UserType udt = udts.apply(name);
    if (udt == null) {
      throw new IllegalArgumentException("Unknown type " + name);
    }
    return new UserType(udt.keyspace(), udt.name(), udt.fieldNames(), udt.fieldTypes(), false);
  }
}
