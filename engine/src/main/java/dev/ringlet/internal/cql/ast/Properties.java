package dev.ringlet.internal.cql.ast;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code WITH a = v AND b = {...}}: property names lower-cased, values as terms (a constant or a
 * map literal), in the order written. A repeated property is a syntax error raised by the parser
 * ("Multiple definition for property " + name).
 */
public record Properties(Map<String, Term> values) {

  public static final Properties NONE = new Properties(Map.of());

  public Properties {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
