package dev.ringlet.internal.types;

import dev.ringlet.internal.error.CqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a type given by its Cassandra marshal class, as CQL allows a column type to be written
 * ({@code 'org.apache.cassandra.db.marshal.Int32Type'}; a name without a package is in that
 * package), the way 5.0's {@code TypeParser} does: a class of a CQL type is that type (so the
 * column is an {@code int} column), {@code LegacyTimeUUIDType} and {@code LexicalUUIDType} are
 * {@link CustomType}s, and {@code ListType(...)}, {@code SetType(...)}, {@code MapType(.., ..)},
 * {@code FrozenType(...)}, {@code TupleType(...)} and {@code VectorType(.., n)} take parameters.
 *
 * <p>{@code DateType} is {@link CustomType#DATE} (a timestamp in unsigned byte order), {@code ReversedType(t)} is {@code t} (and makes a clustering
 * column descending: {@link #isReversed}) unless {@code t} is a collection or user type, kept in one cell
 * ({@link CustomType#reversedComplex}), {@code EmptyType} is {@link CustomType#EMPTY}.
 *
 * <p>{@code CompositeType(...)} and {@code DynamicCompositeType(a=>t, ...)} are composite
 * {@link CustomType}s ({@link CompositeBytes}); {@code UserType(ks,hexname,hexfield:type,...)} is a
 * non-frozen {@link UserType} of that keyspace and name, as in 5.0 (which does not look the type up).
 *
 * <p>Errors are 5.0's (a SyntaxError naming the class when it does not exist, is no type, is
 * abstract, or lacks its parameters; "Invalid definition" for a composite or user type whose
 * parameters cannot be read).
 *
 * <p>{@code PartitionerDefinedOrder(p)} (the node's partitioner, Murmur3, without parameters; an
 * optional {@code :keytype} after {@code p} is read and dropped, as 5.0 prints it) is the order of
 * that partitioner's keys: a {@link CustomType#partitionerOrder} for {@code Murmur3Partitioner} and
 * {@code RandomPartitioner}, {@code blob} for {@code ByteOrderedPartitioner} and {@code text} for
 * {@code OrderPreservingPartitioner} (their orderings are those types); any other partitioner, or the
 * type inside another type's parameters, is 5.0's "Invalid definition" of the type (the outer one).
 */
public final class MarshalTypes {

  private static final String PACKAGE = "org.apache.cassandra.db.marshal.";

  private static final String DHT = "org.apache.cassandra.dht.";

  /** 5.0's abstract marshal classes: no instance to take, so 5.0 refuses them as comparators. */
  private static final Set<String> ABSTRACT = Set.of("AbstractCompositeType", "AbstractTimeUUIDType", "AbstractType",
      "CollectionType", "NumberType", "StringType", "TemporalType");

  /** 5.0's types whose {@code getInstance(TypeParser)} requires parameters. */
  private static final Set<String> NEED_PARAMETERS = Set.of("CompositeType", "ReversedType", "UserType");

  /** 5.0's classes in the marshal package that are not types at all. */
  private static final Set<String> NOT_TYPES = Set.of("ByteArrayAccessor", "ByteArrayObjectFactory",
      "ByteBufferAccessor", "ByteBufferObjectFactory", "TypeParser", "ValueAccessor", "ValueComparators");

  private static final java.util.regex.Pattern CLASS_NAME = java.util.regex.Pattern.compile("[A-Za-z_$][A-Za-z0-9_$.]*");

  /** A parsed type, the class name 5.0 prints for it, and whether it was declared {@code ReversedType(...)}. */
  private record Parsed(CqlType type, String name, boolean reversed) {}

  private final String text;
  private int pos;

  private MarshalTypes(String text) {
    this.text = text;
  }

  /** The type of a quoted class name (without its quotes). Throws {@link CqlException} as 5.0 does. */
  public static CqlType parse(String className) {
    MarshalTypes parser = new MarshalTypes(className);
    CqlType type = parser.type().type();
    parser.skipSpaces();
    if (parser.pos != className.length()) {
      throw CqlException.syntax("Error setting type " + className + ": Syntax error parsing '" + className + "' at char "
          + parser.pos + ": unexpected character '" + className.charAt(parser.pos) + "'");
    }
    return type;
  }

  /**
   * The type of a custom type's class name as the protocol and result metadata name it: a
   * {@code ReversedType(t)} there is the type of its own (5.0's column is {@code ReversedType(ReversedType(t))}).
   */
  public static CqlType ofCustomClassName(String className) {
    return parse(isReversed(className) ? "ReversedType(" + className + ")" : className);
  }

  /** The class name 5.0 prints for a type given by its (valid) quoted class name, with packages and parameters. */
  public static String printedName(String className) {
    return new MarshalTypes(className).type().name();
  }

  /**
   * Whether a quoted class name is a {@code ReversedType(...)}: 5.0 keeps the reversed type on the
   * column, so a clustering column declared with it is in descending order.
   */
  public static boolean isReversed(String className) {
    String trimmed = className.strip();
    return trimmed.startsWith("ReversedType") || trimmed.startsWith(PACKAGE + "ReversedType");
  }

  /**
   * The class name as 5.0 prints a parsed marshal type: every class with its package, no spaces
   * ({@code ListType(Int32Type)} is {@code org.apache.cassandra.db.marshal.ListType(org.apache.cassandra.db.marshal.Int32Type)}).
   */
  public static String expanded(String className) {
    StringBuilder out = new StringBuilder();
    String text = className.replaceAll("\\s+", "");
    java.util.regex.Matcher m = CLASS_NAME.matcher(text);
    int last = 0;
    while (m.find()) {
      out.append(text, last, m.start());
      String name = m.group();
      out.append(name.contains(".") ? name : PACKAGE + name);
      last = m.end();
    }
    out.append(text.substring(last));
    return out.toString();
  }

  private void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private boolean peek(char c) {
    skipSpaces();
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw CqlException.syntax("Error setting type " + text + ": Syntax error parsing '" + text + "' at char " + pos
          + ": expected '" + c + "'");
    }
    pos++;
  }

  private String name() {
    skipSpaces();
    int start = pos;
    while (pos < text.length() && (Character.isJavaIdentifierPart(text.charAt(pos)) || text.charAt(pos) == '.')) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private List<CqlType> parameters() {
    List<CqlType> out = new ArrayList<>();
    for (Parsed p : parsedParameters()) {
      out.add(p.type());
    }
    return out;
  }

  private List<Parsed> parsedParameters() {
    List<Parsed> out = new ArrayList<>();
    expect('(');
    out.add(type());
    while (peek(',')) {
      pos++;
      out.add(type());
    }
    expect(')');
    return out;
  }

  /** Parameters of a composite: 5.0 calls any error in them an invalid definition of the composite. */
  private List<Parsed> definedParameters(String full) {
    try {
      if (peek('(') && text.substring(pos + 1).strip().startsWith(")")) {
        throw CqlException.syntax("no parameters");
      }
      return parsedParameters();
    } catch (CqlException e) {
      throw invalidDefinition(full);
    }
  }

  private CqlException invalidDefinition(String full) {
    return CqlException.syntax("Error setting type " + text + ": Invalid definition for comparator " + full + ".");
  }

  private static String names(List<Parsed> parsed) {
    StringBuilder sb = new StringBuilder();
    for (Parsed p : parsed) {
      sb.append(sb.length() == 0 ? "" : ",").append(p.name());
    }
    return sb.toString();
  }

  private Parsed type() {
    int start = pos;
    CqlType type = typeOnly();
    String written = text.substring(start, pos).strip();
    String simple = written.contains(".") && written.indexOf('(') < 0 ? written.substring(written.lastIndexOf('.') + 1)
        : written;
    boolean reversed = isReversed(written);
    String name;
    if (type instanceof CustomType c && (c.isComposite() || c.isPartitionerOrder())) {
      name = c.className();
    } else if (lastUserTypeName != null) {
      name = lastUserTypeName;
    } else {
      name = expanded(written);
    }
    lastUserTypeName = null;
    return new Parsed(type, name, reversed && simple.length() > 0);
  }

  /** The name 5.0 prints for the {@code UserType(...)} just parsed (its parameters are no class names). */
  private String lastUserTypeName;

  private CqlType typeOnly() {
    String written = name();
    String full = written.contains(".") ? written : PACKAGE + written;
    if (!full.startsWith(PACKAGE) || full.indexOf('.', PACKAGE.length()) >= 0) {
      throw notAType(written, full);
    }
    String simple = full.substring(PACKAGE.length());
    for (NativeType t : NativeType.values()) {
      if (t.marshalName().equals(simple)) {
        return t;
      }
    }
    CustomType custom = CustomType.bySimpleName(simple);
    if (custom != null) {
      return custom;
    }
    if (ABSTRACT.contains(simple)) {
      throw CqlException.syntax("Error setting type " + text + ": Invalid comparator class " + full
          + ": must define a public static instance field or a public static method getInstance(TypeParser).");
    }
    if (NEED_PARAMETERS.contains(simple) && !peek('(')) {
      throw CqlException.syntax("Error setting type " + text + ": Invalid definition for comparator " + full + ".");
    }
    String outer = enclosing;
    enclosing = full;
    try {
      return parameterised(simple, full, written, outer);
    } finally {
      enclosing = outer;
    }
  }

  /** The class being read whose parameters the parser is in; null at the top level. */
  private String enclosing;

  private CqlType parameterised(String simple, String full, String written, String outer) {
    switch (simple) {
      case "PartitionerDefinedOrder":
        return partitionerDefinedOrder(full, outer);
      case "ReversedType": {
        // the column has the base type; a clustering column is also in descending order (isReversed).
        // ReversedType(ReversedType(t)) keeps the inner ReversedType(t) as a type of its own.
        List<Parsed> p = parsedParameters();
        if (p.size() != 1) {
          throw CqlException.syntax("Error setting type " + text + ": expected 1 type parameters, got " + p.size());
        }
        Parsed base = p.get(0);
        if (base.reversed()) {
          return CustomType.reversed(base.type(), base.name());
        }
        if (isComplex(base.type())) {
          // 5.0 keeps it on the column: one cell, and no collection or user type to element operations
          return CustomType.reversedComplex(base.type(), base.name());
        }
        return base.type();
      }
      case "ListType":
        return new ListType(single(), false);
      case "SetType":
        return new SetType(single(), false);
      case "MapType": {
        List<CqlType> p = parameters();
        requireCount(p, 2);
        return new MapType(p.get(0).freeze(), p.get(1).freeze(), false);
      }
      case "FrozenType":
        return single().freeze();
      case "TupleType":
        return new TupleType(frozenAll(parameters()));
      case "VectorType":
        return vector();
      case "CompositeType": {
        List<Parsed> p = definedParameters(full);
        List<CompositeBytes.Component> components = new ArrayList<>();
        for (Parsed c : p) {
          components.add(new CompositeBytes.Component(c.type(), c.reversed(), c.name()));
        }
        return CustomType.composite("CompositeType(" + names(p) + ")", CompositeBytes.fixed(components));
      }
      case "DynamicCompositeType":
        try {
          return dynamicComposite();
        } catch (CqlException e) {
          throw invalidDefinition(full);
        }
      case "UserType":
        return userType(full);
      default:
        break;
    }
    throw notAType(written, full);
  }

  private static boolean isComplex(CqlType type) {
    return type instanceof ListType || type instanceof SetType || type instanceof MapType || type instanceof UserType;
  }

  /**
   * 5.0's {@code PartitionerDefinedOrder.getInstance}: an optional {@code (partitioner[:keytype])}.
   * Inside another type's parameters 5.0's parser cannot read it, and calls the outer type invalid.
   */
  private CqlType partitionerDefinedOrder(String full, String outer) {
    if (outer != null) {
      throw invalidDefinition(outer);
    }
    String partitioner = PartitionerOrder.MURMUR3;
    if (peek('(')) {
      pos++;
      String written = name();
      if (written.isEmpty()) {
        throw invalidDefinition(full);
      }
      partitioner = written.contains(".") ? written : DHT + written;
      if (peek(':')) {
        pos++;
        try {
          type();
        } catch (CqlException e) {
          throw invalidDefinition(full);
        }
      }
      if (!peek(')')) {
        throw invalidDefinition(full);
      }
      pos++;
    }
    switch (partitioner) {
      case PartitionerOrder.MURMUR3:
      case PartitionerOrder.RANDOM:
        return CustomType.partitionerOrder(partitioner);
      case DHT + "ByteOrderedPartitioner":
        return NativeType.BLOB;
      case DHT + "OrderPreservingPartitioner":
        return NativeType.TEXT;
      default:
        throw invalidDefinition(full);
    }
  }

  /**
   * {@code DynamicCompositeType(a=>t, ...)}: single-character aliases (none without parentheses).
   * A class named inside a value is read as a marshal type when the value is compared or validated.
   */
  private CqlType dynamicComposite() {
    java.util.Map<Character, CompositeBytes.Component> aliases = new java.util.LinkedHashMap<>();
    StringBuilder name = new StringBuilder("DynamicCompositeType(");
    if (peek('(')) {
      pos++;
      while (!peek(')')) {
        if (!aliases.isEmpty()) {
          expect(',');
        }
        String alias = name();
        skipSpaces();
        if (alias.length() != 1 || !text.startsWith("=>", pos)) {
          throw CqlException.syntax("Error setting type " + text + ": Syntax error parsing '" + text + "' at char " + pos
              + ": expecting alias and '=>'");
        }
        pos += 2;
        Parsed t = type();
        aliases.put(alias.charAt(0), new CompositeBytes.Component(t.type(), t.reversed(), t.name()));
        name.append(aliases.size() == 1 ? "" : ",").append(alias).append("=>").append(t.name());
      }
      expect(')');
    }
    return CustomType.composite(name.append(')').toString(), CompositeBytes.dynamic(aliases, MarshalTypes::component));
  }

  /** A class name written inside a dynamic composite value, or null when 5.0 could not read it. */
  private static CompositeBytes.Component component(String className) {
    try {
      MarshalTypes parser = new MarshalTypes(className);
      Parsed p = parser.type();
      return parser.pos == className.length() ? new CompositeBytes.Component(p.type(), p.reversed(), p.name()) : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * 5.0's marshal {@code UserType(keyspace,hex name,hex field:type,...)}: a non-frozen user type of
   * that keyspace, name and fields, whether or not the keyspace has such a type.
   */
  private CqlType userType(String full) {
    expect('(');
    String keyspace = name();
    expect(',');
    String hexName = name();
    List<String> fieldNames = new ArrayList<>();
    List<CqlType> fieldTypes = new ArrayList<>();
    StringBuilder printed = new StringBuilder(full).append('(').append(keyspace).append(',').append(hexName);
    while (peek(',')) {
      pos++;
      String hexField = name();
      expect(':');
      Parsed t = type();
      fieldNames.add(fromHex(hexField, full));
      fieldTypes.add(t.type().freeze());
      printed.append(',').append(hexField).append(':').append(t.name());
    }
    expect(')');
    String typeName = fromHex(hexName, full);
    lastUserTypeName = printed.append(')').toString();
    return new UserType(keyspace, typeName, List.copyOf(fieldNames), List.copyOf(fieldTypes), false);
  }

  private String fromHex(String hex, String full) {
    if (hex.isEmpty() || hex.length() % 2 != 0 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw invalidDefinition(full);
    }
    byte[] bytes = new byte[hex.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
  }

  private CqlType single() {
    List<CqlType> p = parameters();
    requireCount(p, 1);
    return p.get(0).freeze();
  }

  private CqlType vector() {
    expect('(');
    CqlType element = type().type().freeze();
    expect(',');
    skipSpaces();
    int start = pos;
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    if (start == pos) {
      throw CqlException.syntax("Error setting type " + text + ": expected a dimension at char " + pos);
    }
    int dimension = Integer.parseInt(text.substring(start, pos));
    expect(')');
    if (dimension <= 0) {
      throw CqlException.invalid("vectors may only have positive dimensions; given " + dimension);
    }
    return new VectorType(element, dimension);
  }

  private void requireCount(List<CqlType> parameters, int count) {
    if (parameters.size() != count) {
      throw CqlException.syntax("Error setting type " + text + ": expected " + count + " type parameters, got "
          + parameters.size());
    }
  }

  private static List<CqlType> frozenAll(List<CqlType> types) {
    List<CqlType> out = new ArrayList<>();
    for (CqlType t : types) {
      out.add(t.freeze());
    }
    return List.copyOf(out);
  }

  /**
   * 5.0 loads the class: one that exists but is no type is "invalid", any other "not found". Classes
   * outside the marshal package are looked up in this JVM (the JDK's are in 5.0's too).
   */
  private CqlException notAType(String written, String full) {
    boolean exists;
    if (full.startsWith(PACKAGE)) {
      exists = NOT_TYPES.contains(full.substring(PACKAGE.length()));
    } else {
      exists = full.startsWith("java.") && classExists(full);
    }
    if (exists) {
      return CqlException.syntax("Error setting type " + written + ": Invalid abstract-type class '" + full
          + "': must extend or implement " + PACKAGE + "AbstractType");
    }
    return CqlException.syntax("Error setting type " + written + ": Unable to find abstract-type class '" + full + "'");
  }

  private static boolean classExists(String name) {
    try {
      Class.forName(name, false, ClassLoader.getPlatformClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
