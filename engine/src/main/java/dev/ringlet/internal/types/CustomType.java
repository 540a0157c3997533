package dev.ringlet.internal.types;

import dev.ringlet.internal.error.CqlException;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.UUID;

/**
 * A type Cassandra knows only by its marshal class, with no CQL name: the protocol sends it as a
 * custom type (option 0x0000 with the class name), drivers decode its values as plain bytes, and
 * {@code system_schema} and DESCRIBE write it as the quoted class name.
 *
 * <p>Two are reachable from CQL in 5.0, both UUID-valued: {@link #LEGACY_TIMEUUID}, the type 5.0's
 * function factories ({@code min}, {@code max}, the masking functions) and {@code blobAsTimeuuid}
 * give results of timeuuid arguments (its {@code TimeUUIDType.udfType()}), ordered as timeuuid and
 * read by every function a timeuuid is (a column declared with it is a timeuuid column in
 * {@code system_schema}, so a schema reloaded from text has a timeuuid column, as 5.0's after a
 * restart); and {@link #LEXICAL_UUID}, a column type written
 * {@code 'org.apache.cassandra.db.marshal.LexicalUUIDType'}, ordered as {@code UUID.compareTo}.
 * Other behaviour (JSON, CAST, literals of the values) is the {@link #behaviour()} native type's.
 * {@link #EMPTY}, {@code EmptyType}, has only the empty value.
 *
 * <p>{@code CompositeType(...)} and {@code DynamicCompositeType(...)} columns are instances made by
 * {@link #composite}: blob-valued, named by their whole class name with parameters, compared, validated
 * and read from text as 5.0 does ({@link CompositeBytes}); 5.0 has no JSON form for them.
 *
 * <p>{@code PartitionerDefinedOrder(p)} columns are instances made by {@link #partitionerOrder}:
 * blob-valued, in the order of the values as partition keys of {@code p} ({@link PartitionerOrder}),
 * and as unusable as in 5.0, whose type has no key type to read values with: only blob constants are
 * taken (others: its {@code fromString}'s UnsupportedOperationException), a bound value or a partition
 * key fails its validation ("You shouldn't be validating this."), and it has no JSON form.
 *
 * <p>A {@code ReversedType(t)} that stays a type of its own is an instance made by {@link #reversed}:
 * a column type written {@code 'ReversedType(ReversedType(t))'}, or {@code 'ReversedType(t)'} as a
 * clustering column with {@code DESC} in CLUSTERING ORDER BY, where 5.0 reverses twice (its column
 * is {@code ReversedType(ReversedType(t))}; drivers see the custom {@code ReversedType(t)}). Its values
 * are {@code t}'s (literals, validation, JSON, casts), compared in reverse; {@code system_schema} and
 * DESCRIBE print {@code t}; only blob parameters take it as a function argument, and no function
 * result is assignable to it (5.0's {@code ReversedType} is value-compatible with no other type).
 *
 * <p>A column written {@code 'ReversedType(c)'} where {@code c} is a collection or a user type, frozen or
 * not, is an instance made by {@link #reversedComplex}: 5.0 keeps the {@code ReversedType} on such a
 * column, which is then no collection or user type to its checks but one cell holding the whole value
 * ({@code c}'s serialized form, as if frozen). Its values, literals, JSON and order are {@code c}'s (5.0
 * compares a single {@code ReversedType} in its base type's order in CQL conditions, and a clustering
 * column declared with it is descending); {@code system_schema}, DESCRIBE and result and bind metadata
 * show {@code c} (non-frozen {@code list<int>}); element and field operations are refused as on a
 * scalar column ({@link #wrapped}).
 */
public final class CustomType implements CqlType {

  /** 5.0's {@code LegacyTimeUUIDType}: any 16 bytes, in timeuuid order. */
  public static final CustomType LEGACY_TIMEUUID =
      new CustomType("LegacyTimeUUIDType", NativeType.TIMEUUID, NativeType.TIMEUUID::compare);

  /** {@code LexicalUUIDType}: any 16 bytes, the empty value first, then {@code UUID.compareTo}. */
  public static final CustomType LEXICAL_UUID =
      new CustomType("LexicalUUIDType", NativeType.UUID, CustomType::lexicalOrder);

  /**
   * {@code EmptyType}: only the empty value (a column written {@code 'EmptyType'} is {@code empty}
   * in {@code system_schema} and DESCRIBE). No CQL constant is accepted for it; a bound empty value
   * and the JSON string {@code ""} are; {@code toJson} gives {@code ""}; every value is equal.
   */
  public static final CustomType EMPTY = new CustomType("EmptyType", NativeType.BLOB, (a, b) -> 0);

  /**
   * {@code DateType}, 5.0's pre-timestamp type: a {@code timestamp} in {@code system_schema}, DESCRIBE
   * and result metadata, with a timestamp's literals, JSON and functions, but ordered by its bytes
   * unsigned (so dates before 1970 come after the others), and a type of its own to function
   * resolution (an argument of timestamp, bigint and varint parameters: {@code CAST(v AS text)} is
   * ambiguous, and there is no {@code CAST(v AS timestamp)}).
   */
  public static final CustomType DATE = new CustomType("DateType", NativeType.TIMESTAMP, Buffers::compareUnsigned);

  private static final String MARSHAL = "org.apache.cassandra.db.marshal.";

  private final String simpleName;
  private final NativeType behaviour;
  private final Comparator<ByteBuffer> order;
  /** The layout of a composite type; null for the others. */
  private final CompositeBytes composite;
  /** Whether this is a {@code PartitionerDefinedOrder(...)}. */
  private final boolean partitionerOrder;
  /** The type a {@code ReversedType} reverses; null for the others. */
  private final CqlType reversedBase;
  /** The collection or user type a {@link #reversedComplex} column holds in one cell; null for the others. */
  private final CqlType wrapped;

  private CustomType(String simpleName, NativeType behaviour, Comparator<ByteBuffer> order) {
    this(simpleName, behaviour, order, null);
  }

  private CustomType(String simpleName, NativeType behaviour, Comparator<ByteBuffer> order, CompositeBytes composite) {
    this(simpleName, behaviour, order, composite, false);
  }

  private CustomType(String simpleName, NativeType behaviour, Comparator<ByteBuffer> order, CompositeBytes composite,
      boolean partitionerOrder) {
    this(simpleName, behaviour, order, composite, partitionerOrder, null);
  }

  private CustomType(String simpleName, NativeType behaviour, Comparator<ByteBuffer> order, CompositeBytes composite,
      boolean partitionerOrder, CqlType reversedBase) {
    this(simpleName, behaviour, order, composite, partitionerOrder, reversedBase, null);
  }

  private CustomType(String simpleName, NativeType behaviour, Comparator<ByteBuffer> order, CompositeBytes composite,
      boolean partitionerOrder, CqlType reversedBase, CqlType wrapped) {
    this.wrapped = wrapped;
    this.simpleName = simpleName;
    this.behaviour = behaviour;
    this.order = order;
    this.composite = composite;
    this.partitionerOrder = partitionerOrder;
    this.reversedBase = reversedBase;
  }

  /**
   * {@code ReversedType(base)} kept as a type: {@code className} is its whole class name with
   * packages and parameters ({@code org.apache.cassandra.db.marshal.ReversedType(org.apache.cassandra.db.marshal.Int32Type)}).
   * {@code base} is single-cell and may itself be one of these.
   */
  static CustomType reversed(CqlType base, String className) {
    NativeType behaviour = unreversed(base) instanceof NativeType n ? n : NativeType.BLOB;
    return new CustomType(className.substring(MARSHAL.length()), behaviour, (a, b) -> base.compare(b, a), null, false,
        base);
  }

  /** The type a {@code ReversedType} reverses, or null when this is none. */
  public CqlType reversedBase() {
    return reversedBase;
  }

  /**
   * A column's {@code ReversedType(base)} where {@code base} is a collection or user type (frozen or
   * not): one cell holding {@code base}'s whole value, in {@code base}'s order. {@code baseClassName} is
   * the base's marshal class name with packages and parameters.
   */
  static CustomType reversedComplex(CqlType base, String baseClassName) {
    String name = "ReversedType(" + baseClassName + ")";
    return new CustomType(name, NativeType.BLOB, base::compare, null, false, null, base);
  }

  /**
   * The collection or user type a {@code ReversedType} column holds in one cell ({@link #reversedComplex}),
   * or null when this is none: 5.0 treats such a column as no collection or user type (element and
   * field operations, {@code CONTAINS}) but reads literals, element types and metadata through it.
   */
  public CqlType wrapped() {
    return wrapped;
  }

  /**
   * The type under any number of {@code ReversedType}s, also the collection or user type of a
   * {@link #reversedComplex} column ({@code type} itself when it is none): the type 5.0's
   * {@code unwrap()} gives, which collection, tuple and user type literals are read with.
   */
  public static CqlType unreversed(CqlType type) {
    CqlType t = type;
    while (t instanceof CustomType c && (c.reversedBase != null || c.wrapped != null)) {
      t = c.reversedBase != null ? c.reversedBase : c.wrapped;
    }
    return t;
  }

  /** The type whose values this one's are, read and written through; null for the types with their own. */
  private CqlType valueType() {
    return reversedBase != null ? reversedBase : wrapped;
  }

  /**
   * {@code PartitionerDefinedOrder(partitionerClass)} for {@code Murmur3Partitioner} or
   * {@code RandomPartitioner} (their full class names), as 5.0 prints it (without a key type).
   */
  static CustomType partitionerOrder(String partitionerClass) {
    return new CustomType("PartitionerDefinedOrder(" + partitionerClass + ")", NativeType.BLOB,
        PartitionerOrder.of(partitionerClass), null, true);
  }

  /**
   * Whether this is a {@code PartitionerDefinedOrder(...)}, whose values 5.0 validates only when
   * bound or written as a partition key (and then always fails), never as literals or restrictions.
   */
  public boolean isPartitionerOrder() {
    return partitionerOrder;
  }

  /**
   * A {@code CompositeType(...)} or {@code DynamicCompositeType(...)} type; {@code classWithParameters}
   * is its class name without the package and its parameters as 5.0 prints them.
   */
  static CustomType composite(String classWithParameters, CompositeBytes layout) {
    return new CustomType(classWithParameters, NativeType.BLOB, layout::compare, layout);
  }

  /**
   * For a composite, throws a server error {@code java.lang.IndexOutOfBoundsException} (5.0's
   * comparator's) unless the value can be compared with others: Ringlet checks a clustering value
   * before writing it, where 5.0 fails the write only once its memtable compares the value.
   */
  public void checkComparable(ByteBuffer value) {
    if (composite != null) {
      composite.checkComparable(value);
    }
  }

  /** Whether this is a {@code CompositeType} or {@code DynamicCompositeType}. */
  public boolean isComposite() {
    return composite != null;
  }

  /** The custom type of a marshal class's simple name, or null when it is not one of these. */
  public static CustomType bySimpleName(String simpleName) {
    if (LEGACY_TIMEUUID.simpleName.equals(simpleName)) {
      return LEGACY_TIMEUUID;
    }
    if (EMPTY.simpleName.equals(simpleName)) {
      return EMPTY;
    }
    if (DATE.simpleName.equals(simpleName)) {
      return DATE;
    }
    return LEXICAL_UUID.simpleName.equals(simpleName) ? LEXICAL_UUID : null;
  }

  /** The full class name the protocol sends, {@code org.apache.cassandra.db.marshal.LegacyTimeUUIDType}. */
  public String className() {
    return MARSHAL + simpleName;
  }

  /** The native type whose JSON, text and conversions the values share (timeuuid, uuid). */
  public NativeType behaviour() {
    return behaviour;
  }

  /**
   * As 5.0's {@code asCQL3Type()} prints it (system_schema, DESCRIBE, messages): LegacyTimeUUIDType
   * is {@code timeuuid} there (only result metadata names the class), others are the quoted class name.
   */
  @Override
  public String cql() {
    if (this == DATE) {
      return NativeType.TIMESTAMP.cql(); // 5.0's DateType.asCQL3Type() is timestamp
    }
    if (valueType() != null) {
      return valueType().cql(); // 5.0's ReversedType.asCQL3Type() is its base type's
    }
    if (this == EMPTY) {
      return "empty";
    }
    return this == LEGACY_TIMEUUID ? NativeType.TIMEUUID.cql() : "'" + className() + "'";
  }
  @Override public boolean isMultiCell() { return false; }
  @Override public CqlType freeze() { return this; }

  @Override
  public int compare(ByteBuffer a, ByteBuffer b) {
    return order.compare(a, b);
  }

  @Override
  public boolean equals(Object o) {
    // ReversedType(list<int>) reversed again has the class name of the single one, but is another type
    return o instanceof CustomType other && other.simpleName.equals(simpleName)
        && java.util.Objects.equals(other.wrapped, wrapped);
  }

  @Override
  public int hashCode() {
    return simpleName.hashCode();
  }

  private static int lexicalOrder(ByteBuffer a, ByteBuffer b) {
    if (!a.hasRemaining() || !b.hasRemaining()) {
      return Boolean.compare(!b.hasRemaining(), !a.hasRemaining());
    }
    return uuid(a).compareTo(uuid(b));
  }

  private static UUID uuid(ByteBuffer v) {
    return new UUID(v.getLong(v.position()), v.getLong(v.position() + 8));
  }

  /** Both are read by Cassandra's UUIDSerializer: 16 bytes or none, any version. */
  @Override
  public void validate(ByteBuffer value) {
    if (this == DATE) {
      NativeType.TIMESTAMP.validate(value);
      return;
    }
    if (valueType() != null) {
      valueType().validate(value);
      return;
    }
    if (partitionerOrder) {
      // 5.0's PartitionerDefinedOrder.validate, reached for bound values and partition keys
      throw CqlException.serverError("java.lang.IllegalStateException: You shouldn't be validating this.");
    }
    if (composite != null) {
      composite.validate(value);
      return;
    }
    if (this == EMPTY) {
      if (value.hasRemaining()) {
        throw new MarshalException("EmptyType only accept empty values");
      }
      return;
    }
    NativeType.UUID.validate(value);
  }

  @Override
  public Object decode(ByteBuffer value) {
    if (this == DATE) {
      return NativeType.TIMESTAMP.decode(value);
    }
    if (valueType() != null) {
      return valueType().decode(value);
    }
    if (composite != null || partitionerOrder) {
      return NativeType.BLOB.decode(value);
    }
    if (this == EMPTY) {
      return null;
    }
    return NativeType.UUID.decode(value);
  }

  @Override
  public ByteBuffer encode(Object value) {
    if (this == DATE) {
      return NativeType.TIMESTAMP.encode(value);
    }
    if (valueType() != null) {
      return valueType().encode(value);
    }
    if (composite != null || partitionerOrder) {
      return NativeType.BLOB.encode(value);
    }
    if (this == EMPTY) {
      return ByteBuffer.allocate(0);
    }
    return NativeType.UUID.encode(value);
  }

  /** A custom type takes string constants (read by its fromString), blobs and UUIDs. */
  @Override
  public boolean accepts(LiteralKind kind) {
    if (this == DATE) {
      return NativeType.TIMESTAMP.accepts(kind);
    }
    if (this == LEGACY_TIMEUUID) {
      return NativeType.TIMEUUID.accepts(kind); // 5.0 tests constants against its CQL type, timeuuid
    }
    if (valueType() != null) {
      return valueType().accepts(kind);
    }
    if (composite != null || partitionerOrder) {
      return true; // 5.0 assigns any constant to a custom type: a blob as its bytes, others through fromString
    }
    if (this == EMPTY) {
      return false; // 5.0's EmptyType takes no constant: "Invalid STRING constant () for "v" of type empty"
    }
    return kind == LiteralKind.STRING || kind == LiteralKind.HEX || kind == LiteralKind.UUID;
  }

  @Override
  public ByteBuffer parse(LiteralKind kind, String text) {
    if (this == DATE) {
      return NativeType.TIMESTAMP.parse(kind, text);
    }
    if (this == LEGACY_TIMEUUID) {
      return NativeType.TIMEUUID.parse(kind, text); // AbstractTimeUUIDType.fromString: version 1 only
    }
    if (valueType() != null) {
      return valueType().parse(kind, text);
    }
    if (partitionerOrder) {
      if (kind == LiteralKind.HEX) {
        return Hex.parseBlob(text);
      }
      throw unsupported(); // 5.0's PartitionerDefinedOrder.fromString
    }
    if (composite != null) {
      return kind == LiteralKind.HEX ? Hex.parseBlob(text) : composite.fromString(text);
    }
    if (kind == LiteralKind.UUID) {
      return NativeType.UUID.parse(kind, text);
    }
    if (kind == LiteralKind.STRING) {
      ByteBuffer parsed = UuidCodec.parseOrNull(text);
      if (parsed == null) {
        throw new MarshalException("unable to make UUID from '" + text + "'");
      }
      return parsed;
    }
    if (kind == LiteralKind.HEX) {
      ByteBuffer bytes = Hex.parseBlob(text);
      if (bytes.remaining() != 0 && bytes.remaining() != 16) {
        // 5.0 reads the blob with the UUID serializer only when it serializes the mutation.
        throw CqlException.serverError("java.lang.RuntimeException: java.io.IOException: Expected exactly 16 bytes, but was "
            + bytes.remaining());
      }
      return bytes;
    }
    throw new MarshalException(String.format("Invalid %s constant (%s) for type %s", kind, text, cql()));
  }

  @Override
  public String toCqlLiteral(ByteBuffer value) {
    if (this == DATE) {
      return NativeType.TIMESTAMP.toCqlLiteral(value);
    }
    if (valueType() != null) {
      return valueType().toCqlLiteral(value);
    }
    if (composite != null || partitionerOrder) {
      return NativeType.BLOB.toCqlLiteral(value);
    }
    if (this == EMPTY) {
      return "";
    }
    return NativeType.UUID.toCqlLiteral(value);
  }

  @Override
  public String toJson(ByteBuffer value) {
    if (this == DATE) {
      return NativeType.TIMESTAMP.toJson(value);
    }
    if (valueType() != null) {
      return valueType().toJson(value);
    }
    if (partitionerOrder) {
      throw CqlException.serverError("java.lang.AssertionError: PartitionerDefinedOrder's toJSONString method needs a"
          + " partition key type but now is null.");
    }
    if (composite != null) {
      throw noJson();
    }
    if (this == EMPTY) {
      return "\"\"";
    }
    return NativeType.UUID.toJson(value);
  }

  @Override
  public ByteBuffer fromJson(Object json) {
    if (this == DATE) {
      if (json instanceof Number n && isJsonInteger(n)) {
        // 5.0's DateType.fromJSONObject takes a Long (Jackson's type of integers beyond int) or a string
        throw new MarshalException("Expected a long or a datestring representation of a date value, but got a Integer: " + json);
      }
      return NativeType.TIMESTAMP.fromJson(json);
    }
    if (valueType() != null) {
      return valueType().fromJson(json);
    }
    if (composite != null || partitionerOrder) {
      throw noJson();
    }
    if (this == EMPTY) {
      if (json instanceof String str && str.isEmpty()) {
        return ByteBuffer.allocate(0);
      }
      throw new MarshalException("'" + json + "' is not empty");
    }
    return NativeType.UUID.fromJson(json);
  }

  /** 5.0's composite types throw UnsupportedOperationException from their JSON methods: a server error. */
  private static CqlException noJson() {
    return unsupported();
  }

  private static CqlException unsupported() {
    return CqlException.serverError("java.lang.UnsupportedOperationException");
  }

  @Override
  public String toString() {
    return cql();
  }

  /** Whether Jackson, which 5.0 reads JSON with, gives an {@code Integer} for this number (JsonReader does too). */
  private static boolean isJsonInteger(Number n) {
    return n instanceof Integer;
  }
}
