package dev.ringlet.internal.exec.ddl;

import dev.ringlet.internal.cql.ast.Properties;
import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.error.CqlException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code WITH} properties as Cassandra's property definitions keep them: constants as the text
 * written, map literals as string maps.
 */
final class PropertyValues {

  private PropertyValues() {}

  static Map<String, Object> of(Properties properties) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Term> e : properties.values().entrySet()) {
      out.put(e.getKey(), value(e.getKey(), e.getValue()));
    }
    return out;
  }

  private static Object value(String name, Term term) {
    if (term instanceof Term.Constant c) {
      return c.text();
    }
    if (term instanceof Term.MapLiteral m) {
      Map<String, String> map = new LinkedHashMap<>();
      for (int i = 0; i < m.keys().size(); i++) {
        map.put(text(name, m.keys().get(i)), text(name, m.values().get(i)));
      }
      return map;
    }
    if (term instanceof Term.UdtLiteral u) {
      Map<String, String> map = new LinkedHashMap<>();
      for (int i = 0; i < u.fields().size(); i++) {
        map.put(u.fields().get(i), text(name, u.values().get(i)));
      }
      return map;
    }
    throw CqlException.syntax("Invalid value for property '" + name + "'");
  }

  private static String text(String name, Term term) {
    if (term instanceof Term.Constant c) {
      return c.text();
    }
    throw CqlException.syntax("Invalid value for property '" + name + "'. It should be a map of strings");
  }
}
