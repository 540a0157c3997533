package dev.ringlet.internal.types;

import java.nio.ByteBuffer;

/**
 * A CQL data type. Values are kept in the native protocol's serialized form ({@link ByteBuffer}s,
 * never modified through these methods: implementations read with absolute gets or duplicates).
 *
 * <p>Java values used by {@link #decode} and {@link #encode}: ascii/text/varchar {@code String};
 * bigint/counter {@code Long}; blob {@code ByteBuffer}; boolean {@code Boolean}; date {@code
 * java.time.LocalDate}; decimal {@code BigDecimal}; double {@code Double}; duration {@link
 * CqlDuration}; float {@code Float}; inet {@code InetAddress}; int {@code Integer}; smallint {@code
 * Short}; time {@code Long} (nanoseconds of the day); timestamp {@code java.time.Instant}; uuid and
 * timeuuid {@code java.util.UUID}; tinyint {@code Byte}; varint {@code BigInteger}; list and vector
 * {@code java.util.List}; set {@code java.util.Set} (iteration in the type's order); map {@code
 * java.util.Map} (iteration in key order); tuple {@code List} with null elements allowed; user type
 * {@code Map<String,Object>} keyed by field name in field order.
 */
public sealed interface CqlType permits NativeType, ListType, SetType, MapType, TupleType, UserType, VectorType, CustomType {

  /**
   * The type as Cassandra writes it in {@code system_schema.columns.type} and DESCRIBE:
   * {@code text}, {@code frozen<map<text, int>>}, {@code vector<float, 3>}, a UDT by its name.
   */
  String cql();

  /** True for non-frozen collections and user types, whose cells are stored one per element. */
  boolean isMultiCell();

  /** This type frozen (itself when frozen already or native). */
  CqlType freeze();

  /** Cassandra's ordering of two serialized values of this type (the clustering order). */
  int compare(ByteBuffer a, ByteBuffer b);

  /** Throws {@link MarshalException}, with Cassandra's message, when the bytes are not a value. */
  void validate(ByteBuffer value);

  /** The Java value of the bytes; {@code null} for null and for the empty value of non-string types. */
  Object decode(ByteBuffer value);

  /** The bytes of a Java value (see the class comment for the mapping). */
  ByteBuffer encode(Object value);

  /** Whether a constant of this lexical kind may be assigned to this type (Cassandra's rules). */
  boolean accepts(LiteralKind kind);

  /**
   * The bytes of a constant of the given kind, e.g. {@code ('2024-01-01', STRING)} for a date.
   * Throws {@link MarshalException} with Cassandra's message when the text is not a valid value.
   */
  ByteBuffer parse(LiteralKind kind, String text);

  /**
   * The value as a CQL literal, as Cassandra formats it in DESCRIBE output and error messages:
   * strings quoted with {@code '} doubled, blobs as {@code 0x...}, collections with brackets.
   */
  String toCqlLiteral(ByteBuffer value);

  /** The value as JSON text, as {@code SELECT JSON} and {@code toJson()} render it. */
  String toJson(ByteBuffer value);

  /** The bytes of a value parsed from JSON (a String, Number, Boolean, List, Map or null). */
  ByteBuffer fromJson(Object json);
}
