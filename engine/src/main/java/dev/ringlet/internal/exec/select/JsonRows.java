package dev.ringlet.internal.exec.select;

import dev.ringlet.internal.exec.ColumnSpec;
import dev.ringlet.internal.types.Json;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** SELECT JSON: each result row as one JSON object text, keyed by the selected column names. */
final class JsonRows {

  private JsonRows() {}

  static List<List<ByteBuffer>> of(List<ColumnSpec> columns, List<List<ByteBuffer>> rows) {
    List<List<ByteBuffer>> out = new ArrayList<>(rows.size());
    for (List<ByteBuffer> row : rows) {
      StringBuilder b = new StringBuilder("{");
      for (int i = 0; i < columns.size(); i++) {
        if (i > 0) {
          b.append(", ");
        }
        ColumnSpec c = columns.get(i);
        b.append(Json.quote(key(c.name()))).append(": ");
        ByteBuffer v = row.get(i);
        b.append(v == null ? "null" : c.type().toJson(v));
      }
      out.add(List.of(NativeType.TEXT.encode(b.append('}').toString())));
    }
    return out;
  }

  /**
   * 5.0's key: a name with an upper-case letter is wrapped in double quotes (inner ones not
   * doubled); any other name, {@code system.max(v)} or {@code a b} too, is the key as it is.
   */
  static String key(String name) {
    return name.equals(name.toLowerCase(Locale.US)) ? name : "\"" + name + "\"";
  }
}
