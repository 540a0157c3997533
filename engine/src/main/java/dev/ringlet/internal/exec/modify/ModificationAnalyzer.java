package dev.ringlet.internal.exec.modify;

import dev.ringlet.internal.cql.ast.Assignment;
import dev.ringlet.internal.cql.ast.Condition;
import dev.ringlet.internal.cql.ast.Deletion;
import dev.ringlet.internal.cql.ast.Operator;
import dev.ringlet.internal.cql.ast.Relation;
import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.cql.ast.Using;
import dev.ringlet.internal.cql.parse.Identifiers;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.BoundTerm;
import dev.ringlet.internal.exec.ColumnSpec;
import dev.ringlet.internal.exec.TermCompiler;
import dev.ringlet.internal.exec.select.KeyPlan;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.NativeType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks INSERT/UPDATE/DELETE against the table with Cassandra's rules and messages. */
public final class ModificationAnalyzer {

  private final TableMetadata table;
  private final TermCompiler terms;

  private ModificationAnalyzer(TableMetadata table, TermCompiler terms) {
    this.table = table;
    this.terms = terms;
  }

  public static ModificationStatement analyze(Statement.Modification statement, TableMetadata table, TermCompiler terms) {
    ModificationAnalyzer a = new ModificationAnalyzer(table, terms);
    if (statement instanceof Statement.Insert i) {
      return a.insert(i);
    }
    if (statement instanceof Statement.Update u) {
      return a.update(u);
    }
    if (statement instanceof Statement.Delete d) {
      return a.delete(d);
    }
    return a.insertJson((Statement.InsertJson) statement);
  }

  /** INSERT JSON: every column of the table takes its value from the JSON map (or null/unset). */
  private ModificationStatement insertJson(Statement.InsertJson insert) {
    if (table.counter()) {
      throw CqlException.invalid("INSERT statements are not allowed on counter tables, use UPDATE instead");
    }
    BoundTerm text = terms.compile(insert.json(), new ColumnSpec(table.keyspace(), table.name(), "[json]", NativeType.TEXT));
    JsonValues json = new JsonValues(table, text, insert.defaultUnset());
    List<KeyPlan.ColumnValues> keyValues = new ArrayList<>();
    for (ColumnMetadata pk : table.partitionKey()) {
      BoundTerm t = json.column(pk);
      keyValues.add(new KeyPlan.ColumnValues(List.of(values -> {
        java.nio.ByteBuffer v = t.bind(values);
        if (v == null || v == dev.ringlet.internal.exec.QueryOptions.UNSET) {
          throw CqlException.invalid("Invalid null value in condition for column " + pk.name());
        }
        return v;
      }), null));
    }
    List<List<BoundTerm>> clusteringTerms = new ArrayList<>();
    List<BoundTerm> markers = new ArrayList<>();
    for (ColumnMetadata ck : table.clustering()) {
      clusteringTerms.add(List.of(json.column(ck)));
      markers.add(null);
    }
    List<ColumnOperation> ops = new ArrayList<>();
    for (ColumnMetadata c : table.others()) {
      ops.add(new ColumnOperation(c, json.column(c)));
    }
    return new ModificationStatement(ModificationStatement.Kind.INSERT, table, new KeyPlan(keyValues),
        new ClusteringPlan(table.clustering(), clusteringTerms, markers), null, ops, List.of(),
        timestamp(insert.using()), ttl(insert.using()),
        insert.ifNotExists() ? ModificationStatement.ConditionKind.IF_NOT_EXISTS : ModificationStatement.ConditionKind.NONE,
        List.of());
  }

  private ColumnSpec spec(ColumnMetadata c) {
    return new ColumnSpec(table.keyspace(), table.name(), c.name(), c.type());
  }

  private ColumnMetadata column(String name) {
    ColumnMetadata c = table.column(name);
    if (c == null) {
      throw CqlException.invalid("Undefined column name " + Identifiers.maybeQuote(name) + " in table " + table.keyspace() + "." + table.name());
    }
    return c;
  }

  private ModificationStatement insert(Statement.Insert insert) {
    if (table.counter()) {
      throw CqlException.invalid("INSERT statements are not allowed on counter tables, use UPDATE instead");
    }
    if (insert.columns().size() != insert.values().size()) {
      throw CqlException.invalid("Unmatched column names/values");
    }
    Map<ColumnMetadata, Term> byColumn = new LinkedHashMap<>();
    for (int i = 0; i < insert.columns().size(); i++) {
      ColumnMetadata c = column(insert.columns().get(i));
      if (byColumn.put(c, insert.values().get(i)) != null) {
        throw CqlException.invalid("The column names contains duplicates");
      }
    }
    // 5.0 prepares the values of the other columns first, then the key columns' (as WHERE relations)
    List<ColumnOperation> ops = new ArrayList<>();
    for (Map.Entry<ColumnMetadata, Term> e : byColumn.entrySet()) {
      if (!e.getKey().isPrimaryKey()) {
        ops.add(new ColumnOperation(e.getKey(), terms.compileAssigned(e.getValue(), spec(e.getKey()))));
      }
    }
    List<KeyPlan.ColumnValues> keyValues = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (ColumnMetadata pk : table.partitionKey()) {
      Term t = byColumn.get(pk);
      if (t == null) {
        missing.add(pk.name());
      } else {
        keyValues.add(new KeyPlan.ColumnValues(List.of(keyTerm(pk, t)), null));
      }
    }
    if (!missing.isEmpty()) {
      throw CqlException.invalid("Some partition key parts are missing: " + String.join(", ", missing));
    }
    List<List<BoundTerm>> clusteringTerms = new ArrayList<>();
    List<BoundTerm> markers = new ArrayList<>();
    for (ColumnMetadata ck : table.clustering()) {
      Term t = byColumn.get(ck);
      if (t == null) {
        missing.add(ck.name());
      } else {
        clusteringTerms.add(List.of(terms.compile(t, spec(ck))));
        markers.add(null);
      }
    }
    boolean onlyStatic = byColumn.keySet().stream().filter(c -> !c.isPrimaryKey()).allMatch(ColumnMetadata::isStatic)
        && byColumn.keySet().stream().anyMatch(ColumnMetadata::isStatic);
    if (!missing.isEmpty() && !(onlyStatic && missing.size() == table.clustering().size())) {
      throw CqlException.invalid("Some clustering keys are missing: " + String.join(", ", missing));
    }
    ClusteringPlan clustering = missing.isEmpty()
        ? new ClusteringPlan(table.clustering(), clusteringTerms, markers)
        : new ClusteringPlan(List.of(), List.of(), List.of());
    return new ModificationStatement(ModificationStatement.Kind.INSERT, table, new KeyPlan(keyValues), clustering, null,
        ops, List.of(), timestamp(insert.using()), ttl(insert.using()),
        insert.ifNotExists() ? ModificationStatement.ConditionKind.IF_NOT_EXISTS : ModificationStatement.ConditionKind.NONE,
        List.of());
  }

  private BoundTerm keyTerm(ColumnMetadata pk, Term t) {
    BoundTerm compiled = terms.compile(t, spec(pk));
    return values -> {
      java.nio.ByteBuffer v = compiled.bind(values);
      if (v == null) {
        throw CqlException.invalid("Invalid null value in condition for column " + pk.name());
      }
      return v;
    };
  }

  private ModificationStatement update(Statement.Update update) {
    List<ColumnOperation> ops = new ArrayList<>();
    Map<String, Assignment> seen = new java.util.HashMap<>();
    ComplexOperations complex = new ComplexOperations(table, terms);
    boolean onlyStatic = true;
    for (Assignment a : update.assignments()) {
      ColumnMetadata c = column(a.column());
      if (c.isPrimaryKey()) {
        throw CqlException.invalid("PRIMARY KEY part " + c.name() + " found in SET part");
      }
      Assignment previous = seen.put(c.name(), a);
      if (previous != null && !compatible(previous, a)) {
        throw CqlException.invalid("Multiple definitions found for column " + c.name());
      }
      onlyStatic &= c.isStatic();
      if (a instanceof Assignment.Set s) {
        if (table.counter()) {
          throw CqlException.invalid("Cannot set the value of counter column " + c.name() + " (counters can only be incremented/decremented, not set)");
        }
        ops.add(new ColumnOperation(c, terms.compileAssigned(s.value(), spec(c))));
      } else if (c.type() == NativeType.COUNTER && (a instanceof Assignment.Add || a instanceof Assignment.Subtract)) {
        Term delta = a instanceof Assignment.Add add ? add.value() : ((Assignment.Subtract) a).value();
        ops.add(new ColumnOperation(c, terms.compile(delta, spec(c)),
            a instanceof Assignment.Add ? ColumnOperation.Kind.COUNTER_ADD : ColumnOperation.Kind.COUNTER_SUBTRACT));
      } else {
        ops.add(complex.assignment(c, a, ComplexOperations.describe(a)));
      }
    }
    if (table.counter()) {
      if (update.using().ttl() != null) {
        throw CqlException.invalid("Cannot provide custom TTL for counter updates");
      }
      if (update.using().timestamp() != null) {
        throw CqlException.invalid("Cannot provide custom timestamp for counter updates");
      }
      conditions(update.conditions()); // 5.0 prepares them first: "Conditions on counters are not supported"
      if (update.ifExists() || !update.conditions().isEmpty()) {
        throw CqlException.invalid("Conditional updates are not supported on counter tables");
      }
    }
    for (Condition c : update.conditions()) {
      // 5.0's appliesOnlyToStaticColumns: a condition on a regular column needs the whole row
      onlyStatic &= column(c.column()).isStatic();
    }
    Where where = where("UPDATE", update.where(), onlyStatic, false);
    return new ModificationStatement(ModificationStatement.Kind.UPDATE, table, where.keys, where.clustering, null, ops,
        List.of(), timestamp(update.using()), ttl(update.using()), conditionKind(update.ifExists(), update.conditions()),
        conditions(update.conditions()));
  }

  /** Several element or field operations may touch one column; a whole-value assignment may not share it. */
  private static boolean compatible(Assignment a, Assignment b) {
    if (a instanceof Assignment.Set || b instanceof Assignment.Set) {
      return false;
    }
    if (a instanceof Assignment.SetField fa && b instanceof Assignment.SetField fb) {
      return !fa.field().equals(fb.field());
    }
    return true;
  }

  private ModificationStatement delete(Statement.Delete delete) {
    if (delete.using().ttl() != null) {
      throw CqlException.invalid("TTL is not supported with DELETE statements");
    }
    List<ColumnMetadata> columns = new ArrayList<>();
    List<ColumnOperation> elements = new ArrayList<>();
    ComplexOperations complex = new ComplexOperations(table, terms);
    boolean onlyStatic = !delete.targets().isEmpty();
    for (Deletion d : delete.targets()) {
      ColumnMetadata c = column(d.column());
      if (c.isPrimaryKey()) {
        throw CqlException.invalid("Invalid identifier " + c.name() + " for deletion (should not be a PRIMARY KEY part)");
      }
      onlyStatic &= c.isStatic();
      if (d.element() != null || d.field() != null) {
        elements.add(complex.deletion(c, d));
      } else {
        columns.add(c);
      }
    }
    Where where = where("DELETE", delete.where(), onlyStatic, delete.targets().isEmpty());
    if ((delete.ifExists() || !delete.conditions().isEmpty()) && (where.range != null
        || where.clustering.columns().size() < table.clustering().size())) {
      // 5.0's DeleteStatement: a conditional delete of less than one row may touch static columns only
      if (!onlyStatic) {
        throw CqlException.invalid("DELETE statements must restrict all PRIMARY KEY columns with equality relations"
            + " in order to delete non static columns");
      }
      for (Condition c : delete.conditions()) {
        if (!column(c.column()).isStatic()) {
          throw CqlException.invalid("DELETE statements must restrict all PRIMARY KEY columns with equality relations"
              + " in order to use IF condition on non static columns");
        }
      }
    }
    return new ModificationStatement(ModificationStatement.Kind.DELETE, table, where.keys, where.clustering, where.range,
        elements, columns, timestamp(delete.using()), null, conditionKind(delete.ifExists(), delete.conditions()),
        conditions(delete.conditions()));
  }

  private record Where(KeyPlan keys, ClusteringPlan clustering, RangePlan range) {}

  /** Reads a write's WHERE clause: full partition key, and the clustering the statement allows. */
  private Where where(String statement, List<Relation> relations, boolean onlyStatic, boolean rangeAllowed) {
    Map<Integer, KeyPlan.ColumnValues> keys = new LinkedHashMap<>();
    Map<Integer, List<BoundTerm>> clusteringEq = new LinkedHashMap<>();
    Map<Integer, BoundTerm> clusteringIn = new LinkedHashMap<>();
    ColumnMetadata sliceColumn = null;
    Operator lowerOp = null;
    Operator upperOp = null;
    BoundTerm lower = null;
    BoundTerm upper = null;
    List<String> nonKey = new ArrayList<>();
    List<Relation.MultiColumn> tupleSlices = new ArrayList<>();
    for (Relation r : relations) {
      if (r instanceof Relation.MultiColumn m && statement.equals("DELETE") && m.operator() != Operator.EQ
          && m.operator() != Operator.IN) {
        tupleSlices.add(m);
        continue;
      }
      if (r instanceof Relation.MultiColumn m && m.operator() == Operator.EQ) {
        // (c1, c2) = (v1, v2): each column equal to its element of the tuple
        TupleSlice t = tupleSlice(m, -1);
        for (int i = 0; i < t.columns().size(); i++) {
          int element = i;
          ColumnMetadata c = t.columns().get(i);
          if (clusteringEq.put(c.position(), List.of(values -> TupleSlice.element(t.tuple().bind(values), element))) != null) {
            throw CqlException.invalid(c.name() + " cannot be restricted by more than one relation if it includes an Equal");
          }
          clusteringIn.put(c.position(), null);
        }
        continue;
      }
      if (!(r instanceof Relation.Single s)) {
        throw CqlException.invalid("Only single-column relations are supported in the WHERE clause of writes");
      }
      ColumnMetadata c = column(s.column());
      if (!c.isPrimaryKey()) {
        nonKey.add(c.name());
        continue;
      }
      Operator op = s.operator();
      if (op == Operator.EQ || op == Operator.IN) {
        List<BoundTerm> values = new ArrayList<>();
        BoundTerm inMarker = null;
        if (op == Operator.EQ) {
          values.add(terms.compile(s.value(), spec(c)));
        } else if (s.inValues() == null) {
          inMarker = terms.compile(s.value(), new ColumnSpec(table.keyspace(), table.name(), "in(" + c.name() + ")", new ListType(c.type(), false)));
        } else {
          for (Term t : s.inValues()) {
            values.add(terms.compile(t, spec(c)));
          }
        }
        if (c.kind() == ColumnMetadata.Kind.PARTITION_KEY) {
          if (keys.put(c.position(), new KeyPlan.ColumnValues(values, inMarker)) != null) {
            throw CqlException.invalid(c.name() + " cannot be restricted by more than one relation if it includes an Equal");
          }
        } else {
          if (clusteringEq.put(c.position(), values) != null || (sliceColumn == c)) {
            throw CqlException.invalid(c.name() + " cannot be restricted by more than one relation if it includes an Equal");
          }
          clusteringIn.put(c.position(), inMarker);
        }
        continue;
      }
      if (c.kind() == ColumnMetadata.Kind.PARTITION_KEY) {
        throw CqlException.invalid("Only EQ and IN relation are supported on the partition key (unless you use the token() function) for "
            + statement + " statements");
      }
      if (!rangeAllowed) {
        if (statement.equals("DELETE")) {
          throw CqlException.invalid("Range deletions are not supported for specific columns");
        }
        throw CqlException.invalid("Slice restrictions are not supported on the clustering columns in " + statement + " statements");
      }
      if (sliceColumn != null && sliceColumn != c) {
        throw CqlException.invalid("Clustering column \"" + c.name() + "\" cannot be restricted (preceding column \""
            + sliceColumn.name() + "\" is restricted by a non-EQ relation)");
      }
      sliceColumn = c;
      BoundTerm t = terms.compile(s.value(), spec(c));
      if (op == Operator.GT || op == Operator.GTE) {
        lowerOp = op;
        lower = t;
      } else if (op == Operator.LT || op == Operator.LTE) {
        upperOp = op;
        upper = t;
      } else {
        throw CqlException.invalid("Invalid operator " + op + " for PRIMARY KEY part " + c.name());
      }
    }
    List<String> missingKeys = new ArrayList<>();
    List<KeyPlan.ColumnValues> keyList = new ArrayList<>();
    for (ColumnMetadata pk : table.partitionKey()) {
      if (!keys.containsKey(pk.position())) {
        missingKeys.add(pk.name());
      } else {
        keyList.add(keys.get(pk.position()));
      }
    }
    if (!missingKeys.isEmpty()) {
      throw CqlException.invalid("Some partition key parts are missing: " + String.join(", ", missingKeys));
    }
    if (!nonKey.isEmpty()) {
      // Cassandra's message ends with a space.
      throw CqlException.invalid("Non PRIMARY KEY columns found in where clause: " + String.join(", ", nonKey) + " ");
    }
    if (onlyStatic && (!clusteringEq.isEmpty() || sliceColumn != null)) {
      throw CqlException.invalid("Invalid restrictions on clustering columns since the "
          + statement + " statement modifies only static columns");
    }
    int prefix = 0;
    while (clusteringEq.containsKey(prefix)) {
      prefix++;
    }
    for (int pos : clusteringEq.keySet()) {
      if (pos >= prefix) {
        throw CqlException.invalid("PRIMARY KEY column \"" + table.clustering().get(pos).name()
            + "\" cannot be restricted as preceding column \"" + table.clustering().get(prefix).name() + "\" is not restricted");
      }
    }
    RangePlan range = null;
    List<TupleSlice> tuples = new ArrayList<>();
    for (Relation.MultiColumn m : tupleSlices) {
      tuples.add(tupleSlice(m, prefix));
    }
    if (sliceColumn != null || !tuples.isEmpty()) {
      if (sliceColumn != null && sliceColumn.position() != prefix) {
        throw CqlException.invalid("PRIMARY KEY column \"" + sliceColumn.name()
            + "\" cannot be restricted as preceding column \"" + table.clustering().get(prefix).name() + "\" is not restricted");
      }
      range = new RangePlan(sliceColumn, lowerOp, lower, upperOp, upper, tuples,
          dev.ringlet.internal.exec.TableComparators.clustering(table));
    }
    boolean full = prefix == table.clustering().size() && tuples.isEmpty();
    if (!full && !onlyStatic && statement.equals("DELETE") && !rangeAllowed) {
      throw CqlException.invalid("Range deletions are not supported for specific columns");
    }
    if (!full && !onlyStatic && !rangeAllowed) {
      List<String> missing = new ArrayList<>();
      for (int i = prefix; i < table.clustering().size(); i++) {
        missing.add(table.clustering().get(i).name());
      }
      throw CqlException.invalid("Some clustering keys are missing: " + String.join(", ", missing));
    }
    List<ColumnMetadata> cols = table.clustering().subList(0, prefix);
    List<List<BoundTerm>> eqs = new ArrayList<>();
    List<BoundTerm> ins = new ArrayList<>();
    for (int i = 0; i < prefix; i++) {
      eqs.add(clusteringEq.get(i));
      ins.add(clusteringIn.get(i));
    }
    return new Where(new KeyPlan(keyList), new ClusteringPlan(cols, eqs, ins), range);
  }

  /**
   * A write's {@code (c1, c2, ...) op (v1, v2, ...)}, checked as 5.0 checks it: clustering columns
   * in order, a slice right after the EQ prefix ({@code prefix}; negative for an {@code =}).
   */
  private TupleSlice tupleSlice(Relation.MultiColumn m, int prefix) {
    List<ColumnMetadata> cols = new ArrayList<>();
    for (String name : m.columns()) {
      ColumnMetadata c = column(name);
      if (c.kind() != ColumnMetadata.Kind.CLUSTERING) {
        throw CqlException.invalid("Multi-column relations can only be applied to clustering columns but was applied to: "
            + c.name());
      }
      if (!cols.isEmpty() && c.position() != cols.get(0).position() + cols.size()) {
        throw CqlException.invalid("Clustering columns must appear in the PRIMARY KEY order in multi-column relations: "
            + dev.ringlet.internal.exec.TermText.of(m));
      }
      cols.add(c);
    }
    if (prefix < 0) {
      return tuple(m, cols);
    }
    if (cols.get(0).position() < prefix) {
      throw CqlException.invalid(cols.get(0).name() + " cannot be restricted by more than one relation if it includes an Equal");
    }
    if (cols.get(0).position() != prefix) {
      throw CqlException.invalid("PRIMARY KEY column \"" + cols.get(0).name() + "\" cannot be restricted as preceding column \""
          + table.clustering().get(prefix).name() + "\" is not restricted");
    }
    return tuple(m, cols);
  }

  private TupleSlice tuple(Relation.MultiColumn m, List<ColumnMetadata> cols) {
    if (m.value() instanceof Term.TupleLiteral t && t.elements().size() != cols.size()) {
      throw CqlException.invalid("Expected " + cols.size() + " elements in value tuple, but got " + t.elements().size()
          + ": " + dev.ringlet.internal.exec.TermText.of(m.value()));
    }
    List<dev.ringlet.internal.types.CqlType> types = new ArrayList<>();
    cols.forEach(c -> types.add(c.type()));
    String name = "(" + String.join(",", m.columns()) + ")";
    BoundTerm tuple = terms.compile(m.value(), new ColumnSpec(table.keyspace(), table.name(), name,
        new dev.ringlet.internal.types.TupleType(types)));
    return new TupleSlice(cols, m.operator(), tuple);
  }

  private BoundTerm timestamp(Using using) {
    return using.timestamp() == null ? null
        : terms.compile(using.timestamp(), new ColumnSpec(table.keyspace(), table.name(), "[timestamp]", NativeType.BIGINT));
  }

  private BoundTerm ttl(Using using) {
    return using.ttl() == null ? null
        : terms.compile(using.ttl(), new ColumnSpec(table.keyspace(), table.name(), "[ttl]", NativeType.INT));
  }

  private static ModificationStatement.ConditionKind conditionKind(boolean ifExists, List<Condition> conditions) {
    if (ifExists) {
      return ModificationStatement.ConditionKind.IF_EXISTS;
    }
    return conditions.isEmpty() ? ModificationStatement.ConditionKind.NONE : ModificationStatement.ConditionKind.IF_CONDITIONS;
  }

  /** The conditions as 5.0's {@code ColumnCondition.Raw.prepare} checks them, in statement order. */
  private List<ConditionCheck> conditions(List<Condition> conditions) {
    List<ConditionCheck> out = new ArrayList<>();
    for (Condition c : conditions) {
      ColumnMetadata col = column(c.column());
      if (col.type() == NativeType.COUNTER) {
        throw CqlException.invalid("Conditions on counters are not supported");
      }
      out.add(condition(col, c));
      // 5.0 prepares the condition before it looks at the column's kind
      if (col.isPrimaryKey()) {
        throw CqlException.invalid("PRIMARY KEY column '" + col.name() + "' cannot have IF conditions");
      }
    }
    return out;
  }

  private ConditionCheck condition(ColumnMetadata col, Condition c) {
    if (c.element() != null || c.field() != null) {
      return ElementConditions.compile(table, terms, col, c);
    }
    ConditionValues.checkDurations(c.operator(), col.type());
    ElementConditions.checkContains(col, c.operator());
    ColumnSpec receiver = spec(col);
    if (c.operator() == Operator.CONTAINS || c.operator() == Operator.CONTAINS_KEY) {
      // 5.0's makeCollectionReceiver: the element, named value(c) or key(m)
      CqlType element = ConditionCheck.elementType(col.type(), c.operator() == Operator.CONTAINS_KEY);
      String name = (c.operator() == Operator.CONTAINS_KEY ? "key(" : "value(") + col.name() + ")";
      receiver = new ColumnSpec(table.keyspace(), table.name(), name, element);
    }
    return ConditionCheck.onColumn(col, c.operator(), ConditionValues.compile(terms, c, receiver));
  }
}
