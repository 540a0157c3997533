package dev.ringlet.internal.schema;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the {@code WITH} options of a recorded CREATE statement into what the CQL parser hands
 * {@link TableParams#withOptions}: constants as their text ({@code 'it''s'} → {@code it's},
 * {@code 0.1} → {@code 0.1}) and map literals as {@code Map<String,String>}. Test-only and minimal:
 * it knows the statements of the golden file, not all of CQL.
 */
final class WithClause {

  /** The options in order; {@code duplicate} is set when one was given twice. */
  record Options(Map<String, Object> values, boolean duplicate) {}

  private final String text;
  private int pos;

  private WithClause(String text) {
    this.text = text;
  }

  static Options parse(String statement) {
    int with = statement.indexOf(" WITH ");
    if (with < 0) return new Options(Map.of(), false);
    WithClause p = new WithClause(statement.substring(with + 6));
    Map<String, Object> values = new LinkedHashMap<>();
    boolean duplicate = false;
    while (true) {
      String name = p.word().toLowerCase(java.util.Locale.ROOT);
      p.expect('=');
      Object value = p.value();
      duplicate |= values.put(name, value) != null;
      p.spaces();
      if (p.pos >= p.text.length()) break;
      String and = p.word();
      if (!and.equalsIgnoreCase("AND")) throw new IllegalArgumentException("Expected AND at " + p.pos + " in " + statement);
    }
    return new Options(values, duplicate);
  }

  private Object value() {
    spaces();
    if (text.charAt(pos) == '{') {
      pos++;
      Map<String, String> map = new LinkedHashMap<>();
      spaces();
      while (text.charAt(pos) != '}') {
        String key = constant();
        expect(':');
        map.put(key, constant());
        spaces();
        if (text.charAt(pos) == ',') pos++;
        spaces();
      }
      pos++;
      return map;
    }
    return constant();
  }

  private String constant() {
    spaces();
    if (text.charAt(pos) == '\'') {
      StringBuilder sb = new StringBuilder();
      pos++;
      while (true) {
        char c = text.charAt(pos++);
        if (c == '\'') {
          if (pos < text.length() && text.charAt(pos) == '\'') {
            sb.append('\'');
            pos++;
          } else {
            return sb.toString();
          }
        } else {
          sb.append(c);
        }
      }
    }
    return word();
  }

  private String word() {
    spaces();
    int start = pos;
    while (pos < text.length() && " =:,{}".indexOf(text.charAt(pos)) < 0) pos++;
    return text.substring(start, pos);
  }

  private void expect(char c) {
    spaces();
    if (text.charAt(pos) != c) throw new IllegalArgumentException("Expected " + c + " at " + pos + " in " + text);
    pos++;
  }

  private void spaces() {
    while (pos < text.length() && text.charAt(pos) == ' ') pos++;
  }
}
