package dev.ringlet.internal.exec.select;

import dev.ringlet.internal.cql.ast.Operator;
import dev.ringlet.internal.cql.ast.Ordering;
import dev.ringlet.internal.cql.ast.Relation;
import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.cql.parse.Identifiers;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.BoundTerm;
import dev.ringlet.internal.exec.ColumnSpec;
import dev.ringlet.internal.exec.ListValues;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.exec.QueryOptions;
import dev.ringlet.internal.exec.TableComparators;
import dev.ringlet.internal.exec.TermText;
import dev.ringlet.internal.exec.TermCompiler;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.TupleType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a parsed SELECT into a {@link SelectStatement}: resolves columns, compiles terms, and
 * checks the WHERE clause with Cassandra's rules and messages (what needs ALLOW FILTERING, what
 * can never be asked).
 *
 * <p>Its length is Cassandra's rule set for a WHERE clause, checked in Cassandra's order so the first
 * refusal is the one Cassandra gives; the selection and the terms are compiled elsewhere
 * ({@code SelectorCompiler}, the term compilers).
 */
public final class SelectAnalyzer {

  static final String FILTERING_MESSAGE = "Cannot execute this query as it might involve data filtering and thus may have"
      + " unpredictable performance. If you want to execute this query despite the performance unpredictability,"
      + " use ALLOW FILTERING";

  private final TableMetadata table;
  private final TermCompiler terms;
  private final boolean allowFiltering;

  private final Map<Integer, KeyPlan.ColumnValues> keyValues = new HashMap<>();
  /** The operator (EQ or IN) of each partition key column's restriction, for 5.0's merge refusals. */
  private final Map<Integer, Operator> keyOperators = new HashMap<>();
  private final List<RowPredicate.Factory> filters = new ArrayList<>();
  /** The filters as expressions that travel with the read command to the replicas ({@link RowFilter}). */
  private final List<RowFilter.Factory> shipped = new ArrayList<>();
  /**
   * A multi-column relation that is neither a clustering slice nor names (it does not start at the
   * first clustering column, an IN on a prefix, mixed column orders): the command ships no row filter.
   */
  private boolean unshippable;
  /** A multi-column IN naming every clustering column: the rows it names, for a names read. */
  private java.util.function.Function<BoundValues, List<List<ByteBuffer>>> namedTuples;
  /** The regular and static column restrictions, as Cassandra prints its row filter in warnings. */
  private final List<ReadCommandCql.Filter> printedFilters = new ArrayList<>();
  private final Map<Integer, Operator> clusteringRestrictions = new HashMap<>();
  /** Clustering restrictions that can bound a partition read (see {@link ClusteringSlice}), by position. */
  private final Map<Integer, List<ClusteringSlice.Term>> sliceTerms = new HashMap<>();
  /** The values of each clustering column restricted by IN, for a names read. */
  private final Map<Integer, java.util.function.Function<BoundValues, List<ByteBuffer>>> clusteringIn = new HashMap<>();
  /** Clustering positions also restricted in a way a slice cannot express. */
  private final java.util.Set<Integer> unsliced = new java.util.HashSet<>();
  /** A restriction that neither the key plan nor the clustering slice enforces. */
  private boolean filtersRows;
  private boolean partitionKeyFiltered;
  private boolean tokenRestricted;
  private boolean regularRestricted;
  /** Relations a secondary index serves: evaluated as filters that need no ALLOW FILTERING. */
  private java.util.Set<Relation> served = java.util.Set.of();
  /** Every clustering restriction, as 5.0 reads (and prints) them. */
  private final ClusteringBounds clusteringBounds;
  /** Whether every clustering restriction's value is the same at each evaluation, so slices may be read from them. */
  private boolean boundsRepeatable = true;

  private SelectAnalyzer(TableMetadata table, TermCompiler terms, boolean allowFiltering) {
    this.table = table;
    this.terms = terms;
    this.allowFiltering = allowFiltering;
    this.clusteringBounds = new ClusteringBounds(TableComparators.clustering(table));
  }

  public static SelectStatement analyze(Statement.Select select, TableMetadata table, TermCompiler terms) {
    return new SelectAnalyzer(table, terms, select.allowFiltering()).build(select);
  }

  private SelectStatement build(Statement.Select select) {
    Selection selection = Selection.of(table, select.selectors(), terms.functions().registry(), terms);
    AnnPlan ann = annOrdering(select.orderBy());
    if (!table.indexes().isEmpty()) {
      List<Relation> candidates = IndexSupport.candidates(table, select.where());
      if (ann != null) {
        for (Relation r : candidates) {
          if (!supportedBySai(r)) {
            throw CqlException.invalid("ANN ordering by vector requires all restricted column(s) to be indexed");
          }
        }
        served = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        served.addAll(candidates);
      } else {
        served = IndexSupport.served(table, candidates);
      }
      if ((ann != null || !served.isEmpty()) && IndexSupport.partitionIn(table, select.where())) {
        throw CqlException.invalid("Select on indexed columns and with IN clause for the PRIMARY KEY are not supported");
      }
    }
    for (Relation r : select.where()) {
      if (served.contains(r)) {
        servedRelation(r);
      } else {
        relation(r);
      }
    }
    KeyPlan keys = keyPlan();
    checkClustering(keys != null);
    if (regularRestricted && !allowFiltering) {
      throw CqlException.invalid(FILTERING_MESSAGE);
    }
    boolean reversed = false;
    boolean across = false;
    if (ann == null && !select.orderBy().isEmpty()) {
      if (!served.isEmpty()) {
        throw CqlException.invalid("ORDER BY with 2ndary indexes is not supported, except for ANN queries.");
      }
      reversed = ordering(select.orderBy(), keys != null);
      across = true;
    }
    BoundTerm limit = select.limit() == null ? null
        : terms.compile(select.limit(), spec("[limit]", NativeType.INT));
    BoundTerm ppl = select.perPartitionLimit() == null ? null
        : terms.compile(select.perPartitionLimit(), spec("[per_partition_limit]", NativeType.INT));
    if (select.distinct()) {
      if (ann != null) {
        // the ANN ordering restricts the vector column through its index, which DISTINCT refuses
        throw CqlException.invalid("SELECT DISTINCT with WHERE clause only supports restriction by partition key and/or static columns.");
      }
      if (ppl != null) {
        throw CqlException.invalid("PER PARTITION LIMIT is not allowed with SELECT DISTINCT queries");
      }
      checkDistinct(select);
    }
    Grouping grouping = select.groupBy().isEmpty() ? null : Grouping.of(table, select.groupBy(), this::isEqRestricted,
        select.distinct(), terms, TableComparators.clustering(table));
    if (grouping == null && selection.isAggregate() && ppl != null) {
      throw CqlException.invalid("PER PARTITION LIMIT is not allowed with aggregate queries.");
    }
    if (ann != null) {
      if (selection.isAggregate() || grouping != null) {
        throw CqlException.invalid("Top-K queries can not be run with aggregation");
      }
      if (ppl != null) {
        throw CqlException.invalid("Top-K queries do not support per-partition limits");
      }
      if (limit == null) {
        throw CqlException.invalid("Top-K queries must have a limit specified and the limit must be less than the query page size");
      }
    }
    // A partition with static data but no rows yields one row, unless the query restricts clustering.
    boolean staticRows = clusteringRestrictions.isEmpty() && table.hasStatics();
    // Restrictions one slice cannot bound (an IN, a multi-column relation after an equal prefix or
    // over mixed orders): read as 5.0 reads them, several slices, when their values can be bound twice.
    ClusteringNames names = names();
    boolean severalSlices = !unsliced.isEmpty() && boundsRepeatable && names == null && served.isEmpty();
    ClusteringSlice slice = ClusteringSlice.of(table, sliceTerms, unsliced, severalSlices ? clusteringBounds : null);
    boolean exact = !filtersRows && !regularRestricted && !partitionKeyFiltered && !tokenRestricted
        && slice.coversClustering();
    SelectPlan plan = new SelectPlan(table, selection, keys, filters, reversed, across, staticRows, limit, ppl,
        TableComparators.clustering(table), select.distinct(), grouping, select.json(), ann, slice, exact,
        unshippable && !severalSlices ? null : List.copyOf(shipped));
    ReadCommandCql commands = new ReadCommandCql(select.selectors(), printedFilters,
        clusteringBounds.isEmpty() || !served.isEmpty() ? null : clusteringBounds);
    if (!table.hasMaskedColumns()) {
      return new SelectStatement(plan, commands, names);
    }
    Selection masked = Selection.of(table, select.selectors(), terms.functions().registry(), terms, true);
    return new SelectStatement(plan, plan.withSelection(masked), MaskedRestrictions.of(table, select.where()),
        commands, names);
  }

  /** {@code ORDER BY v ANN OF [...]}, checked as Cassandra 5.0 does; null when the query has none. */
  private AnnPlan annOrdering(List<Ordering> orderBy) {
    Ordering annOrdering = null;
    for (Ordering o : orderBy) {
      if (o.annOf() != null) {
        annOrdering = o;
      }
    }
    if (annOrdering == null) {
      return null;
    }
    ColumnMetadata c = column(annOrdering.column());
    if (!(c.type() instanceof dev.ringlet.internal.types.VectorType) && !(c.type() instanceof ListType)) {
      throw CqlException.invalid("Unexpected receiver type '" + c.type().cql() + "'; only list and vector are expected");
    }
    if (c.type() instanceof dev.ringlet.internal.types.VectorType v
        && annOrdering.annOf() instanceof Term.ListLiteral l && l.elements().size() != v.dimension()) {
      throw CqlException.invalid("Invalid vector literal for " + c.name() + " of type " + v.cql() + "; expected "
          + v.dimension() + " elements, but given " + l.elements().size());
    }
    BoundTerm vector = terms.compile(annOrdering.annOf(), spec(c.name(), c.type()));
    if (annOrdering.descending()) {
      throw CqlException.invalid("Descending ANN ordering is not supported");
    }
    if (orderBy.size() > 1) {
      throw CqlException.invalid("ANN ordering does not support any other ordering");
    }
    if (table.indexesOn(c.name()).isEmpty()) {
      throw CqlException.invalid("ANN ordering by vector requires the column to be indexed");
    }
    if (!(c.type() instanceof dev.ringlet.internal.types.VectorType v) || v.element() != NativeType.FLOAT) {
      throw CqlException.invalid("ANN ordering is only supported on float vector indexes");
    }
    dev.ringlet.internal.schema.IndexMetadata index = IndexSupport.saiOn(table, c.name());
    if (index == null) {
      // A legacy index cannot order: Cassandra filters every row, which needs ALLOW FILTERING.
      if (!allowFiltering) {
        throw CqlException.invalid(FILTERING_MESSAGE);
      }
      return new AnnPlan(c, vector, VectorSimilarity.COSINE);
    }
    String similarity = index.options().getOrDefault("similarity_function", "cosine").toUpperCase(java.util.Locale.ROOT);
    return new AnnPlan(c, vector, VectorSimilarity.valueOf(similarity));
  }

  private boolean supportedBySai(Relation r) {
    for (dev.ringlet.internal.schema.IndexMetadata i : table.indexes().values()) {
      if (i.isSai() && IndexSupport.supports(table, i, r)) {
        return true;
      }
    }
    return false;
  }

  /** A relation an index serves: only its predicate, no key, clustering or filtering bookkeeping. */
  private void servedRelation(Relation r) {
    filtersRows = true;
    if (r instanceof Relation.Element e) {
      ColumnMetadata c = column(e.column());
      collection(c, new CollectionRestrictions(table, terms).mapEntry(c, e), true);
      return;
    }
    Relation.Single s = (Relation.Single) r;
    ColumnMetadata c = column(s.column());
    if (s.operator() == Operator.CONTAINS || s.operator() == Operator.CONTAINS_KEY) {
      collection(c, new CollectionRestrictions(table, terms).contains(c, s, IndexSupport.analysingSai(table, c, s.operator())), true);
      return;
    }
    BoundTerm value = terms.compile(s.value(), spec(c.name(), c.type()));
    Operator op = s.operator();
    // 5.0 reads through the index: its replicas read only the rows the index finds
    RowFilter.Factory expression = values -> new RowFilter.Expression(RowFilter.Kind.COMPARE, c.name(), op,
        java.util.Collections.singletonList(value.bind(values)), true);
    shipped.add(expression);
    printedFilters.add(new ReadCommandCql.Filter(c, expression));
    dev.ringlet.internal.schema.IndexMetadata sai = IndexSupport.saiOn(table, c.name());
    if (op == Operator.EQ && IndexSupport.analyses(sai, c.type())) {
      filters.add(values -> IndexSupport.analysedEquals(sai, c, checked(c, value.bind(values))));
      return;
    }
    filters.add(values -> RowPredicate.compare(c, op, checked(c, value.bind(values))));
  }

  /** A collection restriction ({@code CONTAINS}, a map entry): filtered, or served by an index. */
  private void collection(ColumnMetadata c, CollectionRestrictions.Compiled compiled, boolean indexed) {
    filters.add(compiled.predicate());
    RowFilter.Factory expression = indexed ? values -> compiled.expression().bind(values).served() : compiled.expression();
    shipped.add(expression);
    printedFilters.add(new ReadCommandCql.Filter(c, expression));
  }

  private boolean isEqRestricted(ColumnMetadata c) {
    if (c.kind() == ColumnMetadata.Kind.PARTITION_KEY) {
      KeyPlan.ColumnValues v = keyValues.get(c.position());
      return v != null && v.inMarker() == null && v.terms().size() == 1;
    }
    return clusteringRestrictions.get(c.position()) == Operator.EQ;
  }

  private void checkDistinct(Statement.Select select) {
    List<String> selected = new ArrayList<>();
    for (dev.ringlet.internal.cql.ast.Selector.Aliased a : select.selectors()) {
      if (a.selector() instanceof dev.ringlet.internal.cql.ast.Selector.Column col) {
        ColumnMetadata c = column(col.name());
        if (c.kind() != ColumnMetadata.Kind.PARTITION_KEY && c.kind() != ColumnMetadata.Kind.STATIC) {
          throw CqlException.invalid("SELECT DISTINCT queries must only request partition key columns and/or static columns (not "
              + c.name() + ")");
        }
        selected.add(c.name());
      }
    }
    List<String> missing = new ArrayList<>();
    for (ColumnMetadata pk : table.partitionKey()) {
      if (!selected.contains(pk.name())) {
        missing.add(pk.name());
      }
    }
    if (!select.selectors().isEmpty() && !missing.isEmpty()) {
      throw CqlException.invalid("SELECT DISTINCT queries must request all the partition key columns (missing "
          + String.join(", ", missing) + ")");
    }
  }

  private ColumnSpec spec(String name, dev.ringlet.internal.types.CqlType type) {
    return new ColumnSpec(table.keyspace(), table.name(), name, type);
  }

  private ColumnMetadata column(String name) {
    ColumnMetadata c = table.column(name);
    if (c == null) {
      throw CqlException.invalid("Undefined column name " + Identifiers.maybeQuote(name) + " in table " + table.keyspace() + "." + table.name());
    }
    return c;
  }

  private void relation(Relation r) {
    if (r instanceof Relation.Single s) {
      single(s);
    } else if (r instanceof Relation.MultiColumn m) {
      multi(m);
    } else if (r instanceof Relation.Token t) {
      token(t);
    } else {
      mapEntry((Relation.Element) r);
    }
  }

  private void mapEntry(Relation.Element e) {
    ColumnMetadata c = column(e.column());
    CollectionRestrictions.Compiled compiled = new CollectionRestrictions(table, terms).mapEntry(c, e);
    regularRestricted = true;
    collection(c, compiled, false);
  }

  private void single(Relation.Single s) {
    ColumnMetadata c = column(s.column());
    ColumnSpec receiver = spec(c.name(), c.type());
    if (s.operator() == Operator.NEQ) {
      throw CqlException.invalid("Unsupported \"!=\" relation: " + c.name() + " != " + termText(s.value()));
    }
    if (s.operator() == Operator.IN) {
      in(c, receiver, s);
      return;
    }
    if (s.operator() == Operator.LIKE) {
      terms.compile(s.value(), receiver);
      throw CqlException.invalid("LIKE restriction is only supported on properly indexed columns. " + c.name()
          + " LIKE " + TermText.of(s.value()) + " is not valid.");
    }
    if (s.operator() == Operator.CONTAINS || s.operator() == Operator.CONTAINS_KEY) {
      contains(c, s);
      return;
    }
    if (s.operator() == Operator.EQ && c.type().isMultiCell() && IndexSupport.isCollection(c.type())) {
      throw CqlException.invalid("Collection column '" + c.name() + "' (" + c.type().cql() + ") cannot be restricted by a '=' relation");
    }
    BoundTerm value = s.operator() == Operator.IS_NOT ? null : terms.compile(s.value(), receiver);
    Operator op = s.operator();
    record(c, op);
    if (c.kind() == ColumnMetadata.Kind.CLUSTERING) {
      if (op != Operator.IS_NOT && repeatable(s.value())) {
        sliceTerms.computeIfAbsent(c.position(), p -> new ArrayList<>()).add(ClusteringSlice.Term.single(op, value));
      } else {
        unsliced.add(c.position());
      }
      if (op == Operator.IS_NOT) {
        boundsRepeatable = false;
      } else {
        boundsRepeatable &= repeatable(s.value());
        if (op == Operator.EQ) {
          clusteringBounds.eq(c, value::bind);
        } else {
          clusteringBounds.slice(List.of(c), false, op, values -> java.util.Collections.singletonList(value.bind(values)));
        }
      }
    }
    if (c.kind() == ColumnMetadata.Kind.PARTITION_KEY && op == Operator.EQ) {
      putKey(c, Operator.EQ, new KeyPlan.ColumnValues(List.of(value), null));
    }
    filters.add(values -> RowPredicate.compare(c, op, value == null ? null : checked(c, value.bind(values))));
    RowFilter.Factory expression = values -> new RowFilter.Expression(RowFilter.Kind.COMPARE, c.name(), op,
        value == null ? List.of() : java.util.Collections.singletonList(value.bind(values)));
    shipped.add(expression);
    if (value != null && (c.kind() == ColumnMetadata.Kind.REGULAR || c.kind() == ColumnMetadata.Kind.STATIC)) {
      printedFilters.add(new ReadCommandCql.Filter(c, expression));
    }
  }

  private void contains(ColumnMetadata c, Relation.Single s) {
    CollectionRestrictions.Compiled compiled = new CollectionRestrictions(table, terms).contains(c, s);
    regularRestricted = true;
    collection(c, compiled, false);
  }

  private void in(ColumnMetadata c, ColumnSpec receiver, Relation.Single s) {
    record(c, Operator.IN);
    if (c.kind() == ColumnMetadata.Kind.CLUSTERING) {
      unsliced.add(c.position());
    } else if (c.kind() != ColumnMetadata.Kind.PARTITION_KEY) {
      filtersRows = true;
    }
    if (s.inValues() == null || (s.inValues().isEmpty() && s.value() != null)) {
      ColumnSpec listSpec = spec("in(" + c.name() + ")", new ListType(c.type(), false));
      BoundTerm marker = terms.compile(s.value(), listSpec);
      if (c.kind() == ColumnMetadata.Kind.PARTITION_KEY) {
        putKey(c, Operator.IN, new KeyPlan.ColumnValues(List.of(), marker));
      }
      filters.add(values -> {
        ByteBuffer list = marker.bind(values);
        if (list == null) {
          throw CqlException.invalid("Invalid null value for " + c.name());
        }
        return RowPredicate.in(c, ListValues.split(list));
      });
      shipped.add(values -> new RowFilter.Expression(RowFilter.Kind.IN, c.name(), Operator.IN, ListValues.split(marker.bind(values))));
      if (c.kind() == ColumnMetadata.Kind.CLUSTERING) {
        clusteringIn.put(c.position(), values -> {
          ByteBuffer list = marker.bind(values);
          return list == null || list == QueryOptions.UNSET ? List.of() : ListValues.split(list);
        });
        clusteringBounds.in(c, clusteringIn.get(c.position()));
      }
      return;
    }
    List<BoundTerm> compiled = new ArrayList<>();
    for (Term t : s.inValues()) {
      compiled.add(terms.compile(t, receiver));
    }
    if (c.kind() == ColumnMetadata.Kind.PARTITION_KEY) {
      putKey(c, Operator.IN, new KeyPlan.ColumnValues(compiled, null));
    }
    if (c.kind() == ColumnMetadata.Kind.CLUSTERING) {
      clusteringIn.put(c.position(), values -> {
        List<ByteBuffer> bound = new ArrayList<>();
        for (BoundTerm t : compiled) {
          bound.add(t.bind(values));
        }
        return bound;
      });
      if (compiled.size() == 1) {
        clusteringBounds.eq(c, compiled.get(0)::bind); // 5.0 restricts by = for an IN of one value
      } else {
        clusteringBounds.in(c, clusteringIn.get(c.position()));
      }
      for (Term t : s.inValues()) {
        boundsRepeatable &= repeatable(t);
      }
    }
    filters.add(values -> {
      List<ByteBuffer> bound = new ArrayList<>();
      for (BoundTerm t : compiled) {
        bound.add(checked(c, t.bind(values)));
      }
      return RowPredicate.in(c, bound);
    });
    shipped.add(values -> {
      List<ByteBuffer> bound = new ArrayList<>();
      for (BoundTerm t : compiled) {
        bound.add(t.bind(values));
      }
      return new RowFilter.Expression(RowFilter.Kind.IN, c.name(), Operator.IN, bound);
    });
  }

  private static ByteBuffer checked(ColumnMetadata c, ByteBuffer v) {
    if (v == null) {
      throw CqlException.invalid(c.isPrimaryKey() ? "Invalid null value in condition for column " + c.name()
          : "Unsupported null value for column " + c.name());
    }
    if (v == QueryOptions.UNSET) {
      throw CqlException.invalid("Invalid unset value for column " + c.name());
    }
    return v;
  }

  private void putKey(ColumnMetadata c, Operator op, KeyPlan.ColumnValues values) {
    Operator previous = keyOperators.putIfAbsent(c.position(), op);
    if (previous != null) {
      throw mergeRefusal(c, previous);
    }
    keyValues.put(c.position(), values);
  }

  /** 5.0's refusal when a column's restriction ({@code previous}) is merged with an equality or IN one. */
  private static CqlException mergeRefusal(ColumnMetadata c, Operator previous) {
    if (previous == Operator.EQ) {
      return CqlException.invalid(c.name() + " cannot be restricted by more than one relation if it includes an Equal");
    }
    if (previous == Operator.IN) {
      return CqlException.invalid(c.name() + " cannot be restricted by more than one relation if it includes a IN");
    }
    return CqlException.invalid("Column \"" + c.name() + "\" cannot be restricted by both an equality and an inequality relation");
  }

  /**
   * The clusterings named when every clustering column is restricted by = or IN, as 5.0 then reads
   * with a names filter ({@code ClusteringIndexNamesFilter}); else null.
   */
  private ClusteringNames names() {
    if (table.clustering().isEmpty()) {
      return null;
    }
    if (namedTuples != null) {
      return ClusteringNames.ofTuples(namedTuples);
    }
    List<java.util.function.Function<BoundValues, List<ByteBuffer>>> columns = new ArrayList<>();
    for (int i = 0; i < table.clustering().size(); i++) {
      java.util.function.Function<BoundValues, List<ByteBuffer>> in = clusteringIn.get(i);
      List<ClusteringSlice.Term> at = sliceTerms.get(i);
      if (in != null && at == null) {
        columns.add(in);
      } else if (in == null && at != null && at.size() == 1 && at.get(0).operator() == Operator.EQ) {
        ClusteringSlice.Term eq = at.get(0);
        for (int j = 0; j < eq.width(); j++) {
          int component = j;
          columns.add(values -> java.util.Collections.singletonList(eq.value().apply(values).get(component)));
        }
        i += eq.width() - 1;
      } else {
        return null;
      }
    }
    return new ClusteringNames(columns);
  }

  private void record(ColumnMetadata c, Operator op) {
    switch (c.kind()) {
      case PARTITION_KEY:
        if (op != Operator.EQ && op != Operator.IN) {
          if (!allowFiltering) {
            throw CqlException.invalid(FILTERING_MESSAGE);
          }
          partitionKeyFiltered = true;
        }
        break;
      case CLUSTERING:
        Operator previous = clusteringRestrictions.putIfAbsent(c.position(), op);
        if (previous != null) {
          if (previous == Operator.EQ || op == Operator.EQ || previous == Operator.IN || op == Operator.IN) {
            throw mergeRefusal(c, previous);
          }
          boolean start = op == Operator.GT || op == Operator.GTE;
          boolean previousStart = previous == Operator.GT || previous == Operator.GTE;
          if (start == previousStart) {
            throw CqlException.invalid("More than one restriction was found for the " + (start ? "start" : "end")
                + " bound on " + c.name());
          }
          clusteringRestrictions.put(c.position(), Operator.GT);
        }
        break;
      default:
        regularRestricted = true;
    }
  }

  /**
   * A multi-column relation on clustering columns: as in 5.0, a clustering slice when it starts at
   * the first clustering column (all its columns in one order), names when an {@code =} or
   * {@code IN} names every clustering column, an equal prefix for {@code =} on fewer; otherwise
   * (an {@code IN} on a prefix, which 5.0 reads as several slices) a filter of the rows read.
   */
  private void multi(Relation.MultiColumn m) {
    List<ColumnMetadata> cols = new ArrayList<>();
    for (String name : m.columns()) {
      ColumnMetadata c = column(name);
      if (c.kind() != ColumnMetadata.Kind.CLUSTERING) {
        throw CqlException.invalid("Multi-column relations can only be applied to clustering columns but was applied to: " + c.name());
      }
      cols.add(c);
    }
    for (int i = 0; i < cols.size(); i++) {
      if (cols.get(i).position() != cols.get(0).position() + i) {
        throw CqlException.invalid("Clustering columns must appear in the PRIMARY KEY order in multi-column relations: "
            + TermText.of(m));
      }
      boolean eq = m.operator() == Operator.EQ || m.operator() == Operator.IN;
      if (eq || i == 0) {
        // A multi-column slice bounds the first column; the others only refine it.
        record(cols.get(i), m.operator());
      }
    }
    List<dev.ringlet.internal.types.CqlType> types = cols.stream().map(ColumnMetadata::type).map(t -> (dev.ringlet.internal.types.CqlType) t).toList();
    TupleType tuple = new TupleType(types);
    String tupleName = "(" + String.join(",", m.columns()) + ")";
    boolean fromFirst = cols.get(0).position() == 0;
    if (m.operator() == Operator.IN) {
      java.util.function.Function<BoundValues, List<List<ByteBuffer>>> named;
      if (m.inValues() != null && !m.inValues().isEmpty()) {
        List<BoundTerm> tuples = new ArrayList<>();
        for (Term t : m.inValues()) {
          tuples.add(terms.compile(t, spec(tupleName, tuple)));
        }
        named = values -> {
          List<List<ByteBuffer>> all = new ArrayList<>();
          for (BoundTerm t : tuples) {
            all.add(tupleElements(t.bind(values), cols.size()));
          }
          return all;
        };
      } else {
        BoundTerm marker = terms.compile(m.value(), spec("in(" + tupleName + ")", new ListType(tuple, false)));
        named = values -> {
          List<List<ByteBuffer>> all = new ArrayList<>();
          for (ByteBuffer t : ListValues.split(marker.bind(values))) {
            all.add(tupleElements(t, cols.size()));
          }
          return all;
        };
      }
      filters.add(values -> RowPredicate.multiIn(cols, named.apply(values)));
      if (m.inValues() != null && m.inValues().size() == 1) {
        clusteringBounds.multiEq(cols, values -> named.apply(values).get(0)); // 5.0 restricts by = for an IN of one tuple
      } else {
        clusteringBounds.multiIn(cols, named);
      }
      cols.forEach(c -> unsliced.add(c.position()));
      if (fromFirst && cols.size() == table.clustering().size()) {
        namedTuples = named; // 5.0 reads the named rows (a names filter)
      } else {
        filtersRows = true;
        unshippable = true;
      }
      return;
    }
    if (m.value() instanceof Term.TupleLiteral t && t.elements().size() != cols.size()) {
      throw CqlException.invalid("Expected " + cols.size() + " elements in value tuple, but got " + t.elements().size()
          + ": " + TermText.of(m.value()));
    }
    BoundTerm value = terms.compile(m.value(), spec(tupleName, tuple));
    filters.add(values -> RowPredicate.multiCompare(cols, m.operator(), tupleElements(value.bind(values), cols.size())));
    boolean oneOrder = cols.stream().allMatch(c -> c.reversed() == cols.get(0).reversed());
    boundsRepeatable &= repeatable(m.value());
    if (m.operator() == Operator.EQ) {
      clusteringBounds.multiEq(cols, values -> tupleElements(value.bind(values), cols.size()));
    } else {
      clusteringBounds.slice(cols, true, m.operator(), values -> tupleElements(value.bind(values), cols.size()));
    }
    if (fromFirst && oneOrder && repeatable(m.value())) {
      // 5.0's clustering slice (or equal prefix) of the tuple's bound
      sliceTerms.computeIfAbsent(0, p -> new ArrayList<>()).add(new ClusteringSlice.Term(m.operator(),
          values -> tupleElements(value.bind(values), cols.size()), cols.size()));
    } else {
      cols.forEach(c -> unsliced.add(c.position()));
      filtersRows = true;
      unshippable = true;
    }
  }

  private static List<ByteBuffer> tupleElements(ByteBuffer tuple, int n) {
    if (tuple == null) {
      throw CqlException.invalid("Invalid null value for multi-column relation");
    }
    List<ByteBuffer> out = new ArrayList<>();
    ByteBuffer in = tuple.duplicate();
    for (int i = 0; i < n; i++) {
      int len = in.remaining() >= 4 ? in.getInt() : -1;
      if (len < 0) {
        out.add(null);
        continue;
      }
      ByteBuffer e = in.slice();
      e.limit(len);
      in.position(in.position() + len);
      out.add(e);
    }
    return out;
  }

  private void token(Relation.Token t) {
    filtersRows = true;
    List<String> expected = table.partitionKey().stream().map(ColumnMetadata::name).toList();
    if (!t.columns().containsAll(expected)) {
      throw CqlException.invalid("The token() function must be applied to all partition key components or none of them");
    }
    if (!expected.containsAll(t.columns())) {
      throw CqlException.invalid("The token() function must contains only partition key components");
    }
    if (!t.columns().equals(expected)) {
      throw CqlException.invalid("The token function arguments must be in the partition key order: " + String.join(", ", expected));
    }
    tokenRestricted = true;
    BoundTerm value = terms.compile(t.value(), spec("partition key token", NativeType.BIGINT));
    Operator op = t.operator();
    filters.add(values -> {
      ByteBuffer b = value.bind(values);
      if (b == null) {
        throw CqlException.invalid("Invalid null token value");
      }
      return RowPredicate.token(op, (Long) NativeType.BIGINT.decode(b));
    });
    shipped.add(values -> new RowFilter.Expression(RowFilter.Kind.TOKEN, null, op, List.of(value.bind(values))));
  }

  /** The key plan when every partition key column has EQ/IN, else null (a scan). */
  private KeyPlan keyPlan() {
    int n = table.partitionKey().size();
    if (keyValues.size() == n && !tokenRestricted) {
      List<KeyPlan.ColumnValues> cols = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        cols.add(keyValues.get(i));
      }
      return new KeyPlan(cols);
    }
    if (!keyValues.isEmpty() && !allowFiltering && !tokenRestricted) {
      throw CqlException.invalid(FILTERING_MESSAGE);
    }
    return null;
  }

  private void checkClustering(boolean keysKnown) {
    if (clusteringRestrictions.isEmpty()) {
      return;
    }
    if (!keysKnown && !allowFiltering) {
      throw CqlException.invalid(FILTERING_MESSAGE);
    }
    boolean sliced = false;
    for (int i = 0; i < table.clustering().size(); i++) {
      Operator op = clusteringRestrictions.get(i);
      if (op == null) {
        for (int j = i + 1; j < table.clustering().size(); j++) {
          if (clusteringRestrictions.containsKey(j) && !allowFiltering) {
            throw CqlException.invalid("PRIMARY KEY column \"" + table.clustering().get(j).name()
                + "\" cannot be restricted as preceding column \"" + table.clustering().get(i).name() + "\" is not restricted");
          }
        }
        return;
      }
      if (sliced && !allowFiltering) {
        throw CqlException.invalid("Clustering column \"" + table.clustering().get(i).name()
            + "\" cannot be restricted (preceding column \"" + table.clustering().get(i - 1).name()
            + "\" is restricted by a non-EQ relation)");
      }
      sliced = op != Operator.EQ && op != Operator.IN;
    }
  }

  /** Checks ORDER BY and says whether it reverses the declared clustering order. */
  private boolean ordering(List<Ordering> orderBy, boolean keysKnown) {
    // 5.0 resolves the columns, then wants the partition key restricted, then checks each column
    for (Ordering o : orderBy) {
      column(o.column());
    }
    if (!keysKnown) {
      throw CqlException.invalid("ORDER BY is only supported when the partition key is restricted by an EQ or an IN.");
    }
    Boolean reversed = null;
    for (int i = 0; i < orderBy.size(); i++) {
      Ordering o = orderBy.get(i);
      ColumnMetadata c = table.column(o.column());
      if (c.kind() != ColumnMetadata.Kind.CLUSTERING) {
        throw CqlException.invalid("Order by is currently only supported on the clustered columns of the PRIMARY KEY, got " + c.name());
      }
      if (c.position() != i) {
        throw CqlException.invalid("Order by currently only supports the ordering of columns following their declared order in the PRIMARY KEY");
      }
      boolean r = o.descending() != c.reversed();
      if (reversed != null && reversed != r) {
        throw CqlException.invalid("Unsupported order by relation");
      }
      reversed = r;
    }
    return reversed != null && reversed;
  }

  /** A term whose value is the same each time it is computed: a literal or a bind marker, not a function call. */
  private static boolean repeatable(Term t) {
    if (t instanceof Term.TypeHint h) {
      return repeatable(h.term());
    }
    if (t instanceof Term.TupleLiteral tuple) {
      return tuple.elements().stream().allMatch(SelectAnalyzer::repeatable);
    }
    return t instanceof Term.Constant || t instanceof Term.BindMarker;
  }

  private static String termText(Term t) {
    return TermText.of(t);
  }
}
