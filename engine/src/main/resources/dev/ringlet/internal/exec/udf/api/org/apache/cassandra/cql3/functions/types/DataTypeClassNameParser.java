package org.apache.cassandra.cql3.functions.types;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.cassandra.cql3.functions.types.exceptions.DriverInternalError;
import org.apache.cassandra.transport.ProtocolVersion;

/**
 * Reads a marshal class name ({@code org.apache.cassandra.db.marshal.ListType(...Int32Type)}) as the
 * {@link DataType} it stands for, as 5.0's class of this name does: the natives by class, {@code
 * ListType}, {@code SetType}, {@code MapType} (not frozen unless wrapped in {@code FrozenType}),
 * {@code TupleType}, {@code UserType(ks,hexname,hexfield:type,...)} and {@code VectorType} (both
 * frozen), {@code ReversedType} unwrapped (but a {@code FrozenType} right inside it is not); any other name (also without its package) is a custom type
 * of the whole text. A parameter list cut short fails with 5.0's {@link DriverInternalError}
 * "Syntax error parsing '...' at char n: unexpected end of string"; missing parameters with the
 * list's {@code IndexOutOfBoundsException}.
 */
public class DataTypeClassNameParser {

  private static final String PREFIX = "org.apache.cassandra.db.marshal.";
  private static final String REVERSED = PREFIX + "ReversedType";
  private static final String FROZEN = PREFIX + "FrozenType";
  private static final String LIST = PREFIX + "ListType";
  private static final String SET = PREFIX + "SetType";
  private static final String MAP = PREFIX + "MapType";
  private static final String UDT = PREFIX + "UserType";
  private static final String TUPLE = PREFIX + "TupleType";
  private static final String VECTOR = PREFIX + "VectorType";

  private static Map<String, DataType> natives() {
    Map<String, DataType> m = new HashMap<String, DataType>();
    m.put(PREFIX + "AsciiType", DataType.ascii());
    m.put(PREFIX + "LongType", DataType.bigint());
    m.put(PREFIX + "BytesType", DataType.blob());
    m.put(PREFIX + "BooleanType", DataType.cboolean());
    m.put(PREFIX + "CounterColumnType", DataType.counter());
    m.put(PREFIX + "DecimalType", DataType.decimal());
    m.put(PREFIX + "DoubleType", DataType.cdouble());
    m.put(PREFIX + "FloatType", DataType.cfloat());
    m.put(PREFIX + "InetAddressType", DataType.inet());
    m.put(PREFIX + "Int32Type", DataType.cint());
    m.put(PREFIX + "UTF8Type", DataType.text());
    m.put(PREFIX + "TimestampType", DataType.timestamp());
    m.put(PREFIX + "SimpleDateType", DataType.date());
    m.put(PREFIX + "TimeType", DataType.time());
    m.put(PREFIX + "UUIDType", DataType.uuid());
    m.put(PREFIX + "IntegerType", DataType.varint());
    m.put(PREFIX + "TimeUUIDType", DataType.timeuuid());
    m.put(PREFIX + "ByteType", DataType.tinyint());
    m.put(PREFIX + "ShortType", DataType.smallint());
    m.put(PREFIX + "DurationType", DataType.duration());
    return m;
  }

  public DataTypeClassNameParser() {}

  public static DataType parseOne(String className, ProtocolVersion protocolVersion, CodecRegistry codecRegistry) {
    boolean frozen = false;
    // as 5.0: a reversed type's frozen inner type is not unwrapped (it reads as a custom type)
    if (isReversed(className)) {
      className = parameters(className).get(0);
    } else if (isFrozen(className)) {
      frozen = true;
      className = parameters(className).get(0);
    }
    Parser parser = new Parser(className, 0);
    String next = parser.parseNextName();
    if (next.startsWith(LIST)) {
      return DataType.list(parseOne(parser.getTypeParameters().get(0), protocolVersion, codecRegistry), frozen);
    }
    if (next.startsWith(SET)) {
      return DataType.set(parseOne(parser.getTypeParameters().get(0), protocolVersion, codecRegistry), frozen);
    }
    if (next.startsWith(MAP)) {
      List<String> params = parser.getTypeParameters();
      return DataType.map(parseOne(params.get(0), protocolVersion, codecRegistry),
          parseOne(params.get(1), protocolVersion, codecRegistry), frozen);
    }
    if (isUserType(next)) {
      ++parser.idx; // skips '('
      String keyspace = parser.readOne();
      parser.skipBlankAndComma();
      String typeName = hexToString(parser.readOne());
      parser.skipBlankAndComma();
      List<String> names = new ArrayList<String>();
      List<DataType> types = new ArrayList<DataType>();
      for (Map.Entry<String, String> field : parser.getNameAndTypeParameters()) {
        names.add(field.getKey());
        types.add(parseOne(field.getValue(), protocolVersion, codecRegistry));
      }
      return new UserType(keyspace, typeName, true, names, types);
    }
    if (isTupleType(next)) {
      List<String> params = parser.getTypeParameters();
      DataType[] types = new DataType[params.size()];
      for (int i = 0; i < types.length; i++) {
        types[i] = parseOne(params.get(i), protocolVersion, codecRegistry);
      }
      return TupleType.of(protocolVersion, codecRegistry, types);
    }
    if (next.startsWith(VECTOR)) {
      List<String> params = parser.getTypeParameters();
      return DataType.vector(parseOne(params.get(0), protocolVersion, codecRegistry), Integer.parseInt(params.get(1)));
    }
    DataType type = natives().get(next);
    return type == null ? DataType.custom(className) : type;
  }

  private static List<String> parameters(String className) {
    Parser parser = new Parser(className, 0);
    parser.parseNextName();
    return parser.getTypeParameters();
  }

  public static boolean isReversed(String className) {
    return className.startsWith(REVERSED);
  }

  public static boolean isFrozen(String className) {
    return className.startsWith(FROZEN);
  }

  static boolean isUserType(String className) {
    return className.startsWith(UDT);
  }

  static boolean isTupleType(String className) {
    return className.startsWith(TUPLE);
  }

  private static String hexToString(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** A cursor over a class name text. */
  private static final class Parser {
    private final String str;
    private int idx;

    Parser(String str, int idx) {
      this.str = str;
      this.idx = idx;
    }

    String parseNextName() {
      skipBlank();
      return readNextIdentifier();
    }

    String readOne() {
      String name = parseNextName();
      String args = readRawArguments();
      return name + args;
    }

    /** The parenthesised text after a name, as it is ("" when there is none). */
    private String readRawArguments() {
      skipBlank();
      if (isEOS() || str.charAt(idx) == ')' || str.charAt(idx) == ',') {
        return "";
      }
      if (str.charAt(idx) != '(') {
        throwSyntaxError(String.format("expecting char %d of %s to be '(' but '%c' found", idx, str, str.charAt(idx)));
      }
      int i = idx;
      int open = 1;
      while (open > 0) {
        ++idx;
        if (isEOS()) {
          throwSyntaxError("unexpected end of string");
        }
        if (str.charAt(idx) == '(') {
          open++;
        } else if (str.charAt(idx) == ')') {
          open--;
        }
      }
      ++idx;
      return str.substring(i, idx);
    }

    List<String> getTypeParameters() {
      List<String> list = new ArrayList<String>();
      if (isEOS()) {
        return list;
      }
      if (str.charAt(idx) != '(') {
        throw new IllegalStateException();
      }
      ++idx; // skips '('
      while (skipBlankAndComma()) {
        if (str.charAt(idx) == ')') {
          ++idx;
          return list;
        }
        list.add(readOne());
      }
      throwSyntaxError("unexpected end of string");
      return list;
    }

    List<Map.Entry<String, String>> getNameAndTypeParameters() {
      List<Map.Entry<String, String>> list = new ArrayList<Map.Entry<String, String>>();
      while (skipBlankAndComma()) {
        if (str.charAt(idx) == ')') {
          ++idx;
          return list;
        }
        String hex = readNextIdentifier();
        String name = hexToString(hex);
        skipBlank();
        if (isEOS() || str.charAt(idx) != ':') {
          throwSyntaxError("expecting ':' token");
        }
        ++idx;
        skipBlank();
        String type = readOne();
        list.add(new java.util.AbstractMap.SimpleEntry<String, String>(name, type));
      }
      throwSyntaxError("unexpected end of string");
      return list;
    }

    private void throwSyntaxError(String msg) {
      throw new DriverInternalError(String.format("Syntax error parsing '%s' at char %d: %s", str, idx, msg));
    }

    private boolean isEOS() {
      return idx >= str.length();
    }

    private void skipBlank() {
      while (!isEOS() && str.charAt(idx) == ' ') {
        ++idx;
      }
    }

    private boolean skipBlankAndComma() {
      boolean commaFound = false;
      while (!isEOS()) {
        char c = str.charAt(idx);
        if (c == ',') {
          if (commaFound) {
            return true;
          }
          commaFound = true;
        } else if (c != ' ') {
          return true;
        }
        ++idx;
      }
      return false;
    }

    private static boolean isIdentifierChar(int c) {
      return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '+'
          || c == '.' || c == '_' || c == '&';
    }

    private String readNextIdentifier() {
      int i = idx;
      while (!isEOS() && isIdentifierChar(str.charAt(idx))) {
        ++idx;
      }
      return str.substring(i, idx);
    }
  }
}
