package dev.ringlet.internal.types;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The byte layout of 5.0's {@code CompositeType(t1, t2, ...)} and
 * {@code DynamicCompositeType(a=>t, ...)} values (see {@code FORMATS.md}): a sequence of components,
 * each {@code <u16 length><value><end-of-component byte>}; a dynamic composite puts a comparator part
 * before each component, either {@code 0x80 | alias} on two bytes or a u16 length and the UTF-8 name
 * of a marshal class. A static composite may start with the static marker {@code 0xFFFF}.
 *
 * <p>Comparison, validation and the text form ({@code fromString}: components separated by
 * {@code :}, {@code \:} escaped, a last {@code !} or {@code _} part setting the end-of-component byte to
 * 1 or -1; a dynamic component written {@code alias@value} or {@code ClassName@value}) are 5.0's,
 * with its messages. Bytes that are no composite fail a comparison ({@link MalformedComposite}), as
 * they fail 5.0's comparator when a memtable or a slice compares them.
 */
final class CompositeBytes {

  /** A component type of a static composite, and whether it is declared {@code ReversedType(...)}. */
  record Component(CqlType type, boolean reversed, String className) {
    int compare(ByteBuffer a, ByteBuffer b) {
      return reversed ? type.compare(b, a) : type.compare(a, b);
    }
  }

  /**
   * A comparison that ran past the end of a malformed composite: 5.0's comparator throws an
   * IndexOutOfBoundsException without a message, which a read answers as a server error.
   */
  static final class MalformedComposite extends dev.ringlet.internal.error.CqlException {
    MalformedComposite() {
      super(dev.ringlet.internal.error.ErrorCode.SERVER_ERROR, "java.lang.IndexOutOfBoundsException");
    }
  }

  private static final int STATIC_MARKER = 0xFFFF;

  /** Null for a dynamic composite. */
  private final List<Component> components;
  /** Aliases of a dynamic composite, in declaration order (empty for a static composite). */
  private final Map<Character, Component> aliases;
  /** Reads a marshal class name written inside a dynamic composite value (null: not a type). */
  private final Function<String, Component> classes;

  private CompositeBytes(List<Component> components, Map<Character, Component> aliases,
      Function<String, Component> classes) {
    this.components = components;
    this.aliases = aliases;
    this.classes = classes;
  }

  static CompositeBytes fixed(List<Component> components) {
    return new CompositeBytes(List.copyOf(components), Map.of(), name -> null);
  }

  static CompositeBytes dynamic(Map<Character, Component> aliases, Function<String, Component> classes) {
    return new CompositeBytes(null, new LinkedHashMap<>(aliases), classes);
  }

  boolean isDynamic() {
    return components == null;
  }

  // ---- comparison ----

  int compare(ByteBuffer left, ByteBuffer right) {
    ByteBuffer a = left.slice();
    ByteBuffer b = right.slice();
    if (!a.hasRemaining() || !b.hasRemaining()) {
      return Boolean.compare(!b.hasRemaining(), !a.hasRemaining());
    }
    if (a.equals(b)) {
      return 0; // the same bytes, even malformed (a sorted map compares a first key with itself)
    }
    try {
      return compareComponents(a, b);
    } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
      throw new MalformedComposite();
    }
  }

  private int compareComponents(ByteBuffer a, ByteBuffer b) {
    boolean static1 = isStatic(a);
    boolean static2 = isStatic(b);
    if (static1 != static2) {
      return static1 ? -1 : 1;
    }
    int o1 = static1 ? 2 : 0;
    int o2 = static2 ? 2 : 0;
    int i = 0;
    while (o1 < a.limit() && o2 < b.limit()) {
      Component c1;
      Component c2;
      if (isDynamic()) {
        c1 = dynamicComparator(a, o1);
        c2 = dynamicComparator(b, o2);
        o1 += comparatorSize(a, o1);
        o2 += comparatorSize(b, o2);
      } else {
        c1 = staticComparator(i);
        c2 = c1;
      }
      int l1 = unsignedShort(a, o1);
      int l2 = unsignedShort(b, o2);
      ByteBuffer v1 = a.slice(o1 + 2, l1);
      ByteBuffer v2 = b.slice(o2 + 2, l2);
      o1 += 2 + l1;
      o2 += 2 + l2;
      int cmp = compareValues(c1, c2, v1, v2);
      if (cmp != 0) {
        return cmp;
      }
      byte e1 = a.get(o1++);
      byte e2 = b.get(o2++);
      if (e1 != e2) {
        return e1 - e2;
      }
      i++;
    }
    if (o1 >= a.limit()) {
      return o2 >= b.limit() ? 0 : -1;
    }
    return 1;
  }

  /**
   * Components of different types in a dynamic composite order by their class's simple name, then
   * its full name (5.0's {@code FixedValueComparator}); two reversed types compare their base types.
   */
  private static int compareValues(Component c1, Component c2, ByteBuffer v1, ByteBuffer v2) {
    if (c1 != c2 && !c1.className().equals(c2.className())) {
      String n1 = c1.reversed() && c2.reversed() ? baseName(c1.className()) : c1.className();
      String n2 = c1.reversed() && c2.reversed() ? baseName(c2.className()) : c2.className();
      if (!n1.equals(n2)) {
        int cmp = simpleName(n1).compareTo(simpleName(n2));
        if (cmp == 0) {
          cmp = n1.compareTo(n2);
        }
        if (cmp != 0) {
          return cmp < 0 ? -1 : 1;
        }
      }
    }
    return c1.compare(v1, v2);
  }

  private static String baseName(String reversedClassName) {
    int open = reversedClassName.indexOf('(');
    return reversedClassName.substring(open + 1, reversedClassName.length() - 1);
  }

  private static String simpleName(String className) {
    int open = className.indexOf('(');
    String raw = open < 0 ? className : className.substring(0, open);
    return raw.substring(raw.lastIndexOf('.') + 1);
  }

  private Component staticComparator(int i) {
    if (i >= components.size()) {
      throw new MalformedComposite();
    }
    return components.get(i);
  }

  private Component dynamicComparator(ByteBuffer value, int offset) {
    int header = value.getShort(offset);
    Component c;
    if ((header & 0x8000) == 0) {
      byte[] name = new byte[header];
      value.get(offset + 2, name);
      c = classes.apply(new String(name, StandardCharsets.UTF_8));
    } else {
      c = aliases.get((char) (header & 0xFF));
    }
    if (c == null) {
      throw new MalformedComposite();
    }
    return c;
  }

  private static int comparatorSize(ByteBuffer value, int offset) {
    int header = value.getShort(offset);
    return (header & 0x8000) == 0 ? 2 + header : 2;
  }

  private static boolean isStatic(ByteBuffer v) {
    return v.remaining() >= 2 && unsignedShort(v, 0) == STATIC_MARKER;
  }

  private static int unsignedShort(ByteBuffer v, int offset) {
    return v.getShort(offset) & 0xFFFF;
  }

  /**
   * Throws {@link MalformedComposite} unless a comparison can read the value to its end: every
   * component with its length, bytes and end-of-component byte (and for a dynamic composite a
   * comparator it knows) up to the first non-zero end-of-component byte.
   */
  void checkComparable(ByteBuffer value) {
    ByteBuffer v = value.slice();
    int offset = !isDynamic() && isStatic(v) ? 2 : 0;
    int i = 0;
    try {
      while (offset < v.limit()) {
        if (isDynamic()) {
          dynamicComparator(v, offset);
          offset += comparatorSize(v, offset);
        } else {
          staticComparator(i);
        }
        offset += 2 + unsignedShort(v, offset);
        if (v.get(offset++) != 0) {
          return; // a comparison stops at a component's end-of-component byte unless both have it
        }
        i++;
      }
    } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
      throw new MalformedComposite();
    }
  }

  // ---- validation ----

  void validate(ByteBuffer value) {
    ByteBuffer v = value.slice();
    int offset = !isDynamic() && isStatic(v) ? 2 : 0;
    int i = 0;
    while (offset < v.limit()) {
      Component c;
      if (isDynamic()) {
        c = validateDynamicComparator(v, offset, i);
        offset += comparatorSize(v, offset);
      } else {
        if (i >= components.size()) {
          throw new MarshalException("Too many bytes for comparator");
        }
        c = components.get(i);
      }
      if (v.limit() - offset < 2) {
        throw new MarshalException("Not enough bytes to read value size of component " + i);
      }
      int length = unsignedShort(v, offset);
      offset += 2;
      if (v.limit() - offset < length) {
        throw new MarshalException("Not enough bytes to read value of component " + i);
      }
      c.type().validate(v.slice(offset, length));
      offset += length;
      if (offset >= v.limit()) {
        throw new MarshalException("Not enough bytes to read the end-of-component byte of component" + i);
      }
      byte eoc = v.get(offset++);
      if (eoc != 0 && offset < v.limit()) {
        throw new MarshalException("Invalid bytes remaining after an end-of-component at component" + i);
      }
      i++;
    }
  }

  private Component validateDynamicComparator(ByteBuffer v, int offset, int i) {
    if (v.limit() - offset < 2) {
      throw new MarshalException("Not enough bytes to header of the comparator part of component " + i);
    }
    int header = v.getShort(offset);
    Component c;
    if ((header & 0x8000) == 0) {
      if (v.limit() - offset - 2 < header) {
        throw new MarshalException("Not enough bytes to read comparator name of component " + i);
      }
      byte[] name = new byte[header];
      v.get(offset + 2, name);
      c = classes.apply(new String(name, StandardCharsets.UTF_8));
    } else {
      c = aliases.get((char) (header & 0xFF));
    }
    if (c == null) {
      throw new MarshalException("Cannot find comparator for component " + i);
    }
    return c;
  }

  // ---- text form ----

  /** 5.0's {@code AbstractCompositeType.fromString}. */
  ByteBuffer fromString(String source) {
    List<String> parts = split(source);
    List<byte[]> comparatorParts = new ArrayList<>();
    List<ByteBuffer> values = new ArrayList<>();
    byte lastEoc = 0;
    int i = 0;
    for (String part : parts) {
      if (part.equals("!")) {
        lastEoc = 1;
        break;
      }
      if (part.equals("_")) {
        lastEoc = -1;
        break;
      }
      Component c;
      String text = part;
      if (isDynamic()) {
        String[] at = part.split("@");
        if (at.length < 1 || at.length > 2) {
          throw new MarshalException("Invalid component representation: " + part);
        }
        String name = at[0];
        text = at.length == 2 ? at[1] : "";
        Component alias = name.length() == 1 ? aliases.get(name.charAt(0)) : null;
        if (alias != null) {
          c = alias;
          comparatorParts.add(new byte[] {(byte) 0x80, (byte) name.charAt(0)});
        } else {
          c = classes.apply(name);
          if (c == null) {
            throw dev.ringlet.internal.error.CqlException.serverError("java.lang.IllegalArgumentException: "
                + "org.apache.cassandra.exceptions.ConfigurationException: Unable to find abstract-type class '"
                + (name.contains(".") ? name : "org.apache.cassandra.db.marshal." + name) + "'");
          }
          byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
          byte[] header = new byte[2 + bytes.length];
          header[0] = (byte) (name.length() >> 8);
          header[1] = (byte) name.length();
          System.arraycopy(bytes, 0, header, 2, bytes.length);
          comparatorParts.add(header);
        }
      } else {
        if (i >= components.size()) {
          throw dev.ringlet.internal.error.CqlException.serverError("java.lang.ArrayIndexOutOfBoundsException: Index " + i
              + " out of bounds for length " + components.size()); // 5.0 reads past its array of types
        }
        c = components.get(i);
        comparatorParts.add(new byte[0]);
      }
      values.add(componentFromString(c.type(), unescape(text)));
      i++;
    }
    int total = 0;
    for (int k = 0; k < values.size(); k++) {
      total += comparatorParts.get(k).length + 2 + values.get(k).remaining() + 1;
    }
    ByteBuffer out = ByteBuffer.allocate(total);
    for (int k = 0; k < values.size(); k++) {
      out.put(comparatorParts.get(k));
      out.putShort((short) values.get(k).remaining());
      out.put(values.get(k).duplicate());
      out.put((byte) 0);
    }
    if (lastEoc != 0 && total > 0) {
      out.put(total - 1, lastEoc);
    }
    out.flip();
    return out;
  }

  /** A component's text read as its type's {@code fromString}: a blob in hex, others as their CQL constants. */
  private static ByteBuffer componentFromString(CqlType type, String text) {
    if (type == NativeType.BLOB) {
      return type.parse(LiteralKind.HEX, text);
    }
    RuntimeException first = null;
    for (LiteralKind kind : List.of(LiteralKind.STRING, LiteralKind.INTEGER, LiteralKind.FLOAT, LiteralKind.BOOLEAN,
        LiteralKind.UUID, LiteralKind.DURATION)) {
      if (!type.accepts(kind)) {
        continue;
      }
      try {
        return type.parse(kind, text);
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
    throw new MarshalException("Unable to make " + type.cql() + " from '" + text + "'");
  }

  private static List<String> split(String input) {
    List<String> out = new ArrayList<>();
    if (input.isEmpty()) {
      return out;
    }
    int prev = 0;
    for (int i = 0; i < input.length(); i++) {
      if (input.charAt(i) == ':' && (i == 0 || input.charAt(i - 1) != '\\')) {
        out.add(input.substring(prev, i));
        prev = i + 1;
      }
    }
    out.add(input.substring(prev));
    return out;
  }

  private static String unescape(String input) {
    if (input.isEmpty()) {
      return input;
    }
    String res = input.replace("\\:", ":");
    return res.endsWith("!") ? res.substring(0, res.length() - 1) : res;
  }
}
