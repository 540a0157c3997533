package dev.ringlet.internal.exec.select;

import dev.ringlet.internal.cql.ast.Relation;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The masked columns a WHERE clause restricts, which a user without UNMASK or SELECT_MASKED may not
 * query. Listed in the order 5.0 names them in its Unauthorized message: the iteration order of its
 * table's columns, a {@link HashMap} keyed by the columns' UTF-8 names.
 */
final class MaskedRestrictions {

  private MaskedRestrictions() {}

  static List<String> of(TableMetadata table, List<Relation> where) {
    Set<String> restricted = new HashSet<>();
    for (Relation r : where) {
      if (r instanceof Relation.Single s) {
        restricted.add(s.column());
      } else if (r instanceof Relation.Element e) {
        restricted.add(e.column());
      } else if (r instanceof Relation.MultiColumn m) {
        restricted.addAll(m.columns());
      } else if (r instanceof Relation.Token t) {
        restricted.addAll(t.columns());
      }
    }
    Map<ByteBuffer, ColumnMetadata> byName = new HashMap<>();
    for (ColumnMetadata c : table.columns()) {
      byName.put(ByteBuffer.wrap(c.name().getBytes(StandardCharsets.UTF_8)), c);
    }
    List<String> out = new ArrayList<>();
    for (ColumnMetadata c : byName.values()) {
      if (c.isMasked() && restricted.contains(c.name())) {
        out.add(c.name());
      }
    }
    return out;
  }
}
