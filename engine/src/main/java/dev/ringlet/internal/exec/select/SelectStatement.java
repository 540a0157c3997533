package dev.ringlet.internal.exec.select;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.BoundTerm;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.exec.ColumnSpec;
import dev.ringlet.internal.exec.PartitionKeys;
import dev.ringlet.internal.exec.QueryOptions;
import dev.ringlet.internal.exec.Result;
import dev.ringlet.internal.exec.ScannedTombstones;
import dev.ringlet.internal.exec.TableSource;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.ClusteringComparator.Bound;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.LivePartition;
import dev.ringlet.internal.storage.LiveRow;
import dev.ringlet.internal.storage.RowSlice;
import dev.ringlet.internal.storage.TableStore;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * An analysed SELECT, ready to run any number of times with different bound values. Rows come out
 * in Cassandra's order: partitions in token order (or key order for explicit keys), rows in
 * clustering order (reversed by ORDER BY); restrictions are evaluated as row predicates after the
 * key lookup and the clustering slice ({@link ClusteringSlice}) narrowed the candidates; paging
 * resumes strictly after the last returned row. A named partition is read only within the slice,
 * from the paging position on, and, when the slice enforces every restriction, only as many rows
 * as the limit and the page still need, so a page of a wide partition costs what it returns.
 *
 * <p>It is long because its read paths (a single partition, an {@code IN} list, a scan) share one
 * paging and limit state, which also tells the tombstone counter where a paged scan resumes and
 * stops; keeping it in one class avoids a copy of that state per path.
 */
public final class SelectStatement {

  private final SelectPlan plan;
  /** The same query through the table's column masks, or null when the table has none. */
  private final SelectStatement masked;
  private final List<String> restrictedMasked;
  private final ReadCommandCql commands;
  /** The rows the query names when it restricts every clustering column by = or IN, else null. */
  private final ClusteringNames names;
  /** The rows' projected values kept by row, or null when not kept ({@link ProjectionMemo}). */
  private final ProjectionMemo projections;

  SelectStatement(SelectPlan plan, ReadCommandCql commands, ClusteringNames names) {
    this.plan = plan;
    this.masked = null;
    this.restrictedMasked = List.of();
    this.commands = commands;
    this.names = names;
    this.projections = ProjectionMemo.of(plan, generatedSchemaTable(plan.table()));
  }

  SelectStatement(SelectPlan plan, SelectPlan maskedPlan, List<String> restrictedMasked, ReadCommandCql commands,
      ClusteringNames names) {
    this.plan = plan;
    this.masked = new SelectStatement(maskedPlan, commands, names);
    this.restrictedMasked = List.copyOf(restrictedMasked);
    this.commands = commands;
    this.names = names;
    this.projections = ProjectionMemo.of(plan, generatedSchemaTable(plan.table()));
  }

  /**
   * The generated tables whose rows the node keeps as the same objects while what they describe
   * does not change, so that a statement can keep their projected values.
   */
  private static boolean generatedSchemaTable(TableMetadata table) {
    return table.keyspace().equals(dev.ringlet.internal.system.SystemKeyspaces.SCHEMA)
        || table.keyspace().equals(dev.ringlet.internal.system.SystemKeyspaces.VIRTUAL_SCHEMA);
  }

  /**
   * Whether this analysis stays valid under a later schema as long as its table's metadata is the
   * same object: a read of plain columns of a generated {@code system_schema} or
   * {@code system_virtual_schema} table (their definitions are fixed; what changes is their rows).
   * Keeping it keeps its projected rows ({@link ProjectionMemo}) for the next schema refresh.
   */
  public boolean keptAcrossSchemaChanges() {
    return projections != null && masked == null;
  }

  /** This query returning masked values of masked columns (itself when the table has none). */
  public SelectStatement masked() {
    return masked == null ? this : masked;
  }

  /** The masked columns the WHERE clause restricts (they need UNMASK or SELECT_MASKED), in 5.0's order. */
  public List<String> restrictedMaskedColumns() {
    return restrictedMasked;
  }

  public TableMetadata table() {
    return plan.table();
  }

  public List<ColumnSpec> resultColumns() {
    if (plan.json()) {
      return List.of(new ColumnSpec(plan.table().keyspace(), plan.table().name(), "[json]", NativeType.TEXT));
    }
    return plan.selection().columns();
  }

  public Result.Rows execute(TableSource source, BoundValues values, QueryOptions options, long nowInSeconds) {
    int limit = positive(plan.limit(), values, "LIMIT");
    int perPartitionLimit = positive(plan.perPartitionLimit(), values, "LIMIT");
    // 5.0 instantiates its selectors next, evaluating the pure calls of terminals before it reads
    plan.selection().evaluateTerminalCalls(values);
    if (plan.grouping() != null) {
      plan.grouping().validate(values);
    }
    List<RowPredicate> predicates = new ArrayList<>();
    for (RowPredicate.Factory f : plan.filters()) {
      predicates.add(f.bind(values));
    }
    List<DecoratedKey> keys = plan.keys() == null ? null : plan.keys().bind(plan.table(), values);
    try {
      return read(source, values, options, nowInSeconds, limit, perPartitionLimit, predicates, keys);
    } catch (RuntimeException e) {
      // 5.0 warns about an aggregation before it reads: what fails from here on carries the warning
      throw dev.ringlet.internal.exec.WarnedFailure.attach(e, plan.ann() != null ? List.of() : warnings(keys));
    }
  }

  /**
   * The aggregation warnings this query gets with {@code values} (none when its keys cannot be
   * bound), for failures raised before it runs that 5.0 raises after warning (Unavailable).
   */
  public List<String> aggregationWarnings(BoundValues values) {
    try {
      return plan.ann() != null ? List.of() : warnings(plan.keys() == null ? null : plan.keys().bind(plan.table(), values));
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private Result.Rows read(TableSource source, BoundValues values, QueryOptions options, long nowInSeconds, int limit,
      int perPartitionLimit, List<RowPredicate> predicates, List<DecoratedKey> keys) {
    if (plan.ann() != null) {
      return nearest(source, values, options, nowInSeconds, predicates, keys, limit);
    }
    Grouping.Maker groups = plan.grouping() == null ? null : plan.grouping().maker(values);
    boolean aggregate = plan.selection().isAggregate() || groups != null;
    boolean sortAcross = plan.orderAcrossPartitions() && keys != null && keys.size() > 1;
    // GROUP BY pages by groups, LIMIT and PER PARTITION LIMIT count groups; an aggregation of every row is one
    // page, and so is a DISTINCT one with GROUP BY (5.0 gives it its distinct limits, not group limits)
    boolean groupPages = groups != null && !plan.distinct();
    int pageSize = options.pageSize() > 0 && (!aggregate || groupPages) ? options.pageSize() : Integer.MAX_VALUE;
    if (groups == null && aggregate) {
      limit = Integer.MAX_VALUE; // an aggregation of everything reads every row into its one result row
    }
    if (sortAcross && options.pageSize() > 0) {
      throw CqlException.invalid("Cannot page queries with both ORDER BY and a IN restriction on the partition key;"
          + " you must either remove the ORDER BY or the IN and sort client side, or disable paging for this query");
    }
    PagingState resume = aggregate && !groupPages ? null : PagingState.decode(options.pagingState());
    TableStore store = source.store(plan.table());
    RowSlice scanSlice = keys == null ? plan.slice().bind(values, false) : null;
    Iterator<LivePartition> scanned = keys == null ? partitions(store, null, resume, scanSlice, nowInSeconds) : null;
    NamedPartitions named = keys == null ? null
        : new NamedPartitions(store, keys, resume, plan.slice().bind(values, plan.reversed()), nowInSeconds);

    List<RowAccess> page = new ArrayList<>();
    int returned = resume == null ? 0 : resume.returned();
    PagingState next = null;
    /** With GROUP BY: the groups of this page, and where a page ending after the last row added resumes. */
    int pageGroups = 0;
    PagingState afterLast = null;
    Counting counting = source instanceof ScannedTombstones scannedTombstones
        ? new Counting(scannedTombstones, values, options, limit, perPartitionLimit) : null;
    // A filtered command's replicas apply its row filter (when it travels), so they stop where its limits are met.
    RowFilter rowFilter = counting != null && !plan.exact() && !plan.distinct() && !aggregate ? plan.rowFilter(values) : null;
    if (rowFilter != null) {
      ((ScannedTombstones) source).rowFilter(rowFilter);
      counting.filtered = true;
    }
    if (counting != null && keys == null && (plan.exact() || rowFilter != null) && !plan.distinct() && !aggregate) {
      ((ScannedTombstones) source).scanLimits(Math.min(limit, pageSize), perPartitionLimit);
    }
    if (counting != null && keys == null && resume != null) {
      DecoratedKey from = new DecoratedKey(resume.token(), resume.partitionKey());
      // 5.0's pager reads the partition again only when its last page left rows of it to return
      boolean inPartition = resume.clustering() != null && !plan.distinct() && resume.returnedInPartition() < perPartitionLimit;
      counting.scanFrom(from, inPartition);
      // the page resumes inside a partition: the scan reads it only after the row returned last (or not at all)
      ((ScannedTombstones) source).resumesAfter(from,
          inPartition ? new dev.ringlet.internal.storage.Clustering(resume.clustering()) : null);
    }
    LivePartition p = null;
    try {
      outer:
      while (true) {
        if (counting != null && p != null) {
          counting.partitionDone(p, named);
        }
        if (named != null) {
          if (counting != null) {
            counting.namedRead(returned, groups != null ? pageGroups : page.size());
            named.countingEmpty = counting;
          }
          // With nothing but the slice to filter rows, each row read is returned: read only as many
          // as the limit and the page still need.
          // (a group's rows are not counted: read them all)
          p = groups != null ? named.next(Integer.MAX_VALUE, Integer.MAX_VALUE)
              : named.next(Math.min(limit - returned, pageSize - page.size()), perPartitionLimit);
        } else {
          p = scanned.hasNext() ? scanned.next() : null;
        }
        if (p == null) {
          break;
        }
        List<ByteBuffer> components = PartitionKeys.split(plan.table(), p.key().key());
        boolean resuming = resume != null && p.key().key().equals(resume.partitionKey());
        if (resuming && resume.clustering() == null) {
          continue; // its static-only row was the last one returned
        }
        if (plan.distinct()) {
          if (counting != null) {
            counting.used(Math.min(1, p.rows().size()), true);
          }
          RowAccess access = new RowAccess(p, components, null, nowInSeconds);
          if (all(predicates, access)) {
            page.add(access);
            returned++;
            if (returned >= limit) {
              next = null;
              break;
            }
            if (page.size() >= pageSize) {
              next = new PagingState(p.key().token(), p.key().key(), null, returned, 1);
              break;
            }
          }
          continue;
        }
        int inPartition = resuming ? resume.returnedInPartition() : 0;
        boolean anyRow = inPartition > 0;
        // Named partitions come in the query's order already (ORDER BY needs named partitions).
        // Of an exact plan they hold only rows within its slice, which pass every filter.
        List<RowPredicate> rowPredicates = named != null && plan.exact() ? List.of() : predicates;
        // A read of several slices reads only their rows: the others of its span are not its rows
        RowSlice read = named != null ? named.lastSlice : scanSlice;
        int index = 0;
        for (LiveRow row : p.rows()) {
          if (read != null && read.parts() != null && !read.includes(plan.clusteringComparator(), row.clustering())) {
            continue;
          }
          index++;
          if (resuming && !isAfter(row, resume)) {
            continue;
          }
          RowAccess access = new RowAccess(p, components, row, nowInSeconds);
          if (!all(rowPredicates, access)) {
            continue;
          }
          anyRow = true;
          if (groups != null) {
            if (startsGroup(groups, source, p, access)) {
              // 5.0's CQLGroupByLimits: a page, the LIMIT or the partition's limit ends where a group would start
              if (returned >= limit || pageGroups >= pageSize) {
                next = returned >= limit ? null : afterLast;
                if (counting != null) {
                  counting.stopped();
                }
                break outer;
              }
              if (inPartition >= perPartitionLimit) {
                if (counting != null) {
                  counting.stopped();
                }
                break;
              }
              returned++;
              inPartition++;
              pageGroups++;
            }
            if (counting != null) {
              counting.used(index, false);
            }
            page.add(access);
            afterLast = new PagingState(p.key().token(), p.key().key(), row.clustering().values(), returned, inPartition);
            continue;
          }
          if (inPartition >= perPartitionLimit) {
            if (counting != null) {
              counting.stopped();
            }
            break;
          }
          if (counting != null) {
            counting.used(index, false);
          }
          page.add(access);
          returned++;
          inPartition++;
          if (counting != null && inPartition >= perPartitionLimit) {
            counting.stopped();
          }
          if (returned >= limit) {
            next = null;
            if (counting != null) {
              counting.stopped();
            }
            break outer;
          }
          if (page.size() >= pageSize) {
            if (counting != null) {
              counting.stopped();
            }
            // Like Cassandra, a full page always says where to resume, even when no row is left:
            // the client then reads one last, empty page.
            next = new PagingState(p.key().token(), p.key().key(), row.clustering().values(), returned, inPartition);
            break outer;
          }
        }
        if (!anyRow && plan.staticRowsAllowed() && !p.staticRow().isEmpty()) {
          RowAccess access = new RowAccess(p, components, null, nowInSeconds);
          if (groups != null && all(predicates, access)) {
            startsGroup(groups, source, p, access); // a group of its own
            if (returned >= limit || pageGroups >= pageSize) {
              next = returned >= limit ? null : afterLast;
              break;
            }
            page.add(access);
            returned++;
            pageGroups++;
            afterLast = new PagingState(p.key().token(), p.key().key(), null, returned, 1);
          } else if (all(predicates, access)) {
            page.add(access);
            returned++;
            if (returned >= limit) {
              next = null;
              break;
            }
            if (page.size() >= pageSize) {
              next = new PagingState(p.key().token(), p.key().key(), null, returned, 1);
              break;
            }
          }
        }
      }
      if (groups != null && p == null && pageGroups >= pageSize && returned < limit) {
        next = afterLast; // a full page of groups says where to resume, even when no row is left
      }
    } catch (dev.ringlet.internal.cluster.ReadFailureException e) {
      throw counting == null ? e : counting.failed(e, named);
    }
    List<String> warnings = warnings(keys);
    if (counting != null) {
      if (p != null) {
        counting.partitionDone(p, named);
      }
      warnings = counting.warnings(warnings, named == null);
    }
    if (sortAcross) {
      page.sort(plan.crossPartitionOrder());
    }
    List<List<ByteBuffer>> rows = project(page, plan.selection().outputs(values), values);
    if (plan.json()) {
      rows = JsonRows.of(plan.selection().columns(), rows);
    }
    return new Result.Rows(resultColumns(), rows, next == null ? null : next.encode(), warnings);
  }

  /**
   * {@code ORDER BY v ANN OF q LIMIT n}: every candidate row that passes the restrictions and has a
   * vector, by decreasing similarity to {@code q} (ties in scan order), the first {@code n}. Like
   * Cassandra 5.0, the answer is one page; a smaller page size only earns a warning. The search is
   * exact where Cassandra's index is approximate: on the small data sets of tests they agree.
   */
  private Result.Rows nearest(TableSource source, BoundValues values, QueryOptions options, long now,
      List<RowPredicate> predicates, List<DecoratedKey> keys, int limit) {
    AnnPlan ann = plan.ann();
    ByteBuffer bound = ann.vector().bind(values);
    if (bound == null || bound == QueryOptions.UNSET) {
      throw CqlException.invalid("Unsupported null value for column " + ann.column().name());
    }
    int dimension = ((dev.ringlet.internal.types.VectorType) ann.column().type()).dimension();
    float[] query = VectorSimilarity.floats(bound, dimension);
    if (ann.similarity() == VectorSimilarity.COSINE && VectorSimilarity.isZero(query)) {
      throw CqlException.invalid("Zero and near-zero vectors cannot be indexed or queried with cosine similarity");
    }
    List<String> warnings = new ArrayList<>();
    if (options.pageSize() > 0 && options.pageSize() < limit) {
      warnings.add("Top-K queries do not support paging and the page size is set to " + options.pageSize()
          + ", which is less than LIMIT " + limit + ". The page size has been set to " + limit + " to match the LIMIT.");
    }
    List<RowAccess> candidates = new ArrayList<>();
    List<Float> scores = new ArrayList<>();
    Iterator<LivePartition> partitions = partitions(source.store(plan.table()), keys, null, RowSlice.ALL, now);
    while (partitions.hasNext()) {
      LivePartition p = partitions.next();
      List<ByteBuffer> components = PartitionKeys.split(plan.table(), p.key().key());
      for (LiveRow row : p.rows()) {
        RowAccess access = new RowAccess(p, components, row, now);
        ByteBuffer v = access.value(ann.column());
        if (v == null || !v.hasRemaining() || !all(predicates, access)) {
          continue;
        }
        float[] vector = VectorSimilarity.floats(v, dimension);
        if (ann.similarity() == VectorSimilarity.COSINE && VectorSimilarity.isZero(vector)) {
          continue; // Cassandra cannot index it, so never finds it
        }
        candidates.add(access);
        scores.add(ann.similarity().score(vector, query));
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> Float.compare(scores.get(b), scores.get(a)));
    List<RowAccess> page = new ArrayList<>();
    for (int i = 0; i < order.size() && page.size() < limit; i++) {
      page.add(candidates.get(order.get(i)));
    }
    List<List<ByteBuffer>> rows = project(page, plan.selection().outputs(values), values);
    if (plan.json()) {
      rows = JsonRows.of(plan.selection().columns(), rows);
    }
    return new Result.Rows(resultColumns(), rows, null, warnings);
  }

  /** The warnings Cassandra attaches to aggregation (GROUP BY included) over many partitions. */
  private List<String> warnings(List<DecoratedKey> keys) {
    if (!plan.selection().isAggregate() && plan.grouping() == null) { // GROUP BY aggregates, aggregate functions or not
      return List.of();
    }
    if (keys == null) {
      return List.of("Aggregation query used without partition key");
    }
    if (keys.size() > 1) {
      return List.of("Aggregation query used on multiple partition keys (IN restriction)");
    }
    return List.of();
  }

  private List<List<ByteBuffer>> project(List<RowAccess> rows, List<Output> outputs, BoundValues values) {
    List<List<ByteBuffer>> out = new ArrayList<>();
    if (plan.grouping() != null) {
      return grouped(rows, outputs, plan.grouping().maker(values));
    }
    if (plan.selection().isAggregate()) {
      out.add(aggregateRow(rows, outputs));
      return out;
    }
    if (projections != null) {
      return projections.project(rows, outputs);
    }
    for (RowAccess r : rows) {
      List<ByteBuffer> row = new ArrayList<>(outputs.size());
      for (Output o : outputs) {
        row.add(((Output.PerRow) o).value().apply(r));
      }
      out.add(row);
    }
    return out;
  }

  /** GROUP BY: one output row per group of consecutive rows. */
  private List<List<ByteBuffer>> grouped(List<RowAccess> rows, List<Output> outputs, Grouping.Maker groups) {
    List<List<ByteBuffer>> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (groups.isNewGroup(rows.get(i).partition().key().key(), rows.get(i)) && i > start) {
        out.add(aggregateRow(rows.subList(start, i), outputs));
        start = i;
      }
    }
    if (start < rows.size()) {
      out.add(aggregateRow(rows.subList(start, rows.size()), outputs));
    }
    return out;
  }

  /**
   * Whether {@code access} starts a group. 5.0 computes groups on its replicas, so a GROUP BY
   * function failing on a row fails each replica's read: the coordinator answers a read failure.
   */
  private static boolean startsGroup(Grouping.Maker groups, TableSource source, LivePartition p, RowAccess access) {
    try {
      return groups.isNewGroup(p.key().key(), access);
    } catch (dev.ringlet.internal.cluster.ReadFailureException e) {
      throw e;
    } catch (CqlException e) {
      dev.ringlet.internal.cluster.ReadFailureException failure =
          source instanceof ScannedTombstones scanned ? scanned.commandFailed() : null;
      throw failure != null ? failure : e;
    }
  }

  private List<ByteBuffer> aggregateRow(List<RowAccess> rows, List<Output> outputs) {
    List<ByteBuffer> row = new ArrayList<>();
    for (Output o : outputs) {
      if (o instanceof Output.Aggregated a) {
        Output.Accumulator acc = a.accumulator().get();
        rows.forEach(acc::add);
        row.add(acc.result());
      } else {
        Output.PerRow perRow = (Output.PerRow) o;
        // no rows: a plain column or a call of one is null, a terminal keeps its value
        row.add(rows.isEmpty() ? (perRow.terminal() ? perRow.value().apply(null) : null) : perRow.value().apply(rows.get(0)));
      }
    }
    return row;
  }

  private boolean isAfter(LiveRow row, PagingState resume) {
    List<ByteBuffer> last = resume.clustering();
    int c = 0;
    for (int i = 0; i < last.size() && c == 0; i++) {
      c = plan.clusteringComparator().compareComponent(i, row.clustering().get(i), last.get(i));
    }
    return plan.reversed() ? c < 0 : c > 0;
  }

  private static boolean all(List<RowPredicate> predicates, RowAccess row) {
    for (RowPredicate p : predicates) {
      if (!p.test(row)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The executor's side of Cassandra's tombstone counting: each named partition is one read
   * command, a scan is one; where the executor stops using a partition's rows (a LIMIT, a page, a
   * PER PARTITION LIMIT, DISTINCT), the read stops too, so the counting layer forgets the rest; each
   * command over the warning threshold adds 5.0's warning, naming the command.
   */
  private final class Counting {

    private final ScannedTombstones scanned;
    private final BoundValues values;
    private final int limit;
    private final int perPartitionLimit;
    private final int pageLimit;
    private final List<String> warnings = new ArrayList<>();
    private int commandLimit;
    private int used;
    private boolean stopped;
    private final List<Clustering> named;
    /** The commands' row filter travels to their replicas, with the limits of each named read. */
    private boolean filtered;

    Counting(ScannedTombstones scanned, BoundValues values, QueryOptions options, int limit, int perPartitionLimit) {
      this.scanned = scanned;
      this.values = values;
      this.limit = limit;
      this.perPartitionLimit = plan.distinct() ? 1 : perPartitionLimit;
      this.pageLimit = options.pageSize() > 0 ? options.pageSize() : Integer.MAX_VALUE;
      this.named = names == null ? null : names.bind(values, plan.clusteringComparator());
      scanned.readOnly(named);
    }

    /** Where a scan's later page starts (its partition, and whether it reads it again), as its command prints it. */
    private DecoratedKey scanFrom;
    private boolean scanFromInclusive;

    void scanFrom(DecoratedKey key, boolean inclusive) {
      this.scanFrom = key;
      this.scanFromInclusive = inclusive;
    }

    /** A named partition is about to be read, {@code returned} rows in all and {@code pageRows} in this page so far. */
    void namedRead(int returned, int pageRows) {
      commandLimit = Math.min(limit - returned, pageLimit - pageRows);
      if (filtered) {
        scanned.scanLimits(commandLimit, perPartitionLimit);
      }
    }

    /** The executor used the partition's live rows up to the {@code index}-th; {@code last}: none after it. */
    void used(int index, boolean last) {
      used = index;
      stopped |= last;
    }

    /** The executor stops using the partition's rows after the last one it used. */
    void stopped() {
      stopped = true;
    }

    void emptyPartition(DecoratedKey key, RowSlice slice) {
      warn(scanned.endCommand(), key, slice, commandLimit);
    }

    void partitionDone(LivePartition p, NamedPartitions named) {
      if (stopped) {
        scanned.stoppedAfter(p.key(), used);
      }
      used = 0;
      stopped = false;
      if (named != null) {
        warn(scanned.endCommand(), p.key(), named.lastSlice, commandLimit);
      }
    }

    /**
     * The read command being read failed: the failure carries the warnings of the commands read
     * before it, then 5.0's warning for the failing command itself. Without
     * {@code read_thresholds_enabled} that is the coordinator's own replica's count when that
     * replica gave the command up (its {@code ReadCommand} warns as it closes, however the read
     * ends); a remote replica's count stays in its log. With it, the replicas' aborts (the own
     * replica's too, as 5.0.9 answers on one node) come as one {@code ... aborted the query}
     * warning ({@code CoordinatorWarnings} on the failure path), and as the failure's message,
     * followed by the warning of the replicas that answered it past the warning threshold.
     */
    RuntimeException failed(dev.ringlet.internal.cluster.ReadFailureException e, NamedPartitions named) {
      // tracked: the replicas that answered the failing command past the warning threshold
      ScannedTombstones.Scanned answered = scanned.tracksWarnings() ? scanned.endCommand() : null;
      ScannedTombstones.Scanned own = scanned.failedCommand();
      DecoratedKey key = named != null ? named.lastKey : null;
      RowSlice slice = named != null ? named.lastSlice : plan.slice().bind(values, false);
      int limitOfCommand = named != null ? commandLimit : Math.min(limit, pageLimit);
      dev.ringlet.internal.cluster.ReadFailureException failure = e;
      if (!scanned.tracksWarnings()) {
        if (own != null) {
          warn(own, key, slice, limitOfCommand);
        }
      } else if (e.abortedTombstones() >= 0) {
        long nodes = e.reasons().values().stream()
            .filter(r -> r == dev.ringlet.internal.cluster.FailureReason.READ_TOO_MANY_TOMBSTONES).count();
        String aborted = " tombstones and aborted the query " + commands.of(plan, values, key, slice,
            key == null ? null : this.named, limitOfCommand, perPartitionLimit, key == null ? scanFrom : null, scanFromInclusive,
            pageLimit)
            + " (see tombstone_failure_threshold)";
        failure = e.withMessage(nodes + " nodes scanned over " + e.abortedTombstones() + aborted);
        if (nodes > 0) {
          warnings.add(nodes + " nodes scanned over " + e.abortedTombstones() + aborted + " with " + loggableTokens(key));
        }
      }
      if (answered != null) {
        warn(answered, key, slice, limitOfCommand);
      }
      return dev.ringlet.internal.exec.WarnedFailure.attach(failure, warnings);
    }

    /**
     * The command's tokens as 5.0's {@code ReadCommand.loggableTokens} prints them after a tracked
     * warning: {@code token=T} for a partition, {@code token range: (L, R]} for a scan (the whole
     * ring from and to the minimum token, narrowed by its token restrictions and where its page
     * resumes).
     */
    private String loggableTokens(DecoratedKey key) {
      if (key != null) {
        return "token=" + key.token();
      }
      long left = Long.MIN_VALUE;
      long right = Long.MIN_VALUE;
      boolean leftInclusive = false;
      RowFilter filter = plan.rowFilter(values);
      for (RowFilter.Expression e : filter == null ? List.<RowFilter.Expression>of() : filter.expressions()) {
        if (e.kind() != RowFilter.Kind.TOKEN) {
          continue;
        }
        long token = e.values().get(0).getLong(e.values().get(0).position());
        // 5.0's token restrictions bound the key range by token bounds: printed (X, Y] whatever the operators
        dev.ringlet.internal.cql.ast.Operator op = e.operator();
        if (op == dev.ringlet.internal.cql.ast.Operator.GT || op == dev.ringlet.internal.cql.ast.Operator.GTE
            || op == dev.ringlet.internal.cql.ast.Operator.EQ) {
          left = token;
        }
        if (op == dev.ringlet.internal.cql.ast.Operator.LT || op == dev.ringlet.internal.cql.ast.Operator.LTE
            || op == dev.ringlet.internal.cql.ast.Operator.EQ) {
          right = token;
        }
      }
      if (scanFrom != null) {
        left = scanFrom.token();
        leftInclusive = scanFromInclusive;
      }
      return "token range: " + (leftInclusive ? '[' : '(') + left + ", " + right + ']';
    }

    List<String> warnings(List<String> others, boolean scan) {
      if (scan) {
        RowSlice slice = plan.slice().bind(values, false);
        warn(scanned.endCommand(), null, slice, Math.min(limit, pageLimit));
      }
      if (warnings.isEmpty()) {
        return others;
      }
      List<String> all = new ArrayList<>(others);
      all.addAll(warnings);
      return all;
    }

    private void warn(ScannedTombstones.Scanned s, DecoratedKey key, RowSlice slice, int commandLimit) {
      if (s == null) {
        return;
      }
      String query = commands.of(plan, values, key, slice, named, commandLimit, perPartitionLimit,
          key == null ? scanFrom : null, scanFromInclusive, pageLimit);
      if (s.nodes() > 0) {
        // read_thresholds_enabled: 5.0's coordinator merges its replicas' counts into one warning per command
        warnings.add(s.nodes() + " nodes scanned up to " + s.tombstones() + " tombstones and issued tombstone warnings for query "
            + query + " (see tombstone_warn_threshold) with " + loggableTokens(key));
        return;
      }
      if (query.length() > 512) {
        query = query.substring(0, 512);
      }
      warnings.add("Read " + s.liveRows() + " live rows and " + s.tombstones() + " tombstone cells for query " + query
          + "; token " + s.lastToken() + " (see tombstone_warn_threshold)");
    }
  }

  /**
   * The partitions a statement names, read one at a time (so each read knows how many rows the
   * page still needs) and only within the query's clustering slice; empty ones are skipped.
   */
  private final class NamedPartitions {

    private final TableStore store;
    private final Iterator<DecoratedKey> keys;
    private final PagingState resume;
    private final RowSlice slice;
    private final long now;
    /** The slice the last partition was read with, and its key. */
    private RowSlice lastSlice;
    private DecoratedKey lastKey;
    /** Told of each partition read that had nothing to return (its tombstones still count). */
    private Counting countingEmpty;

    NamedPartitions(TableStore store, List<DecoratedKey> keys, PagingState resume, RowSlice slice, long now) {
      this.store = store;
      this.keys = remaining(keys, resume).iterator();
      this.resume = resume;
      this.slice = slice;
      this.now = now;
    }

    /** The next partition with live data, or null; {@code wanted} rows are still needed in all. */
    LivePartition next(int wanted, int perPartitionLimit) {
      while (keys.hasNext()) {
        DecoratedKey key = keys.next();
        RowSlice s = slice;
        int inPartition = 0;
        boolean limited = plan.exact();
        if (resume != null && key.key().equals(resume.partitionKey())) {
          if (resume.clustering() == null) {
            continue; // its static-only row was the last one returned
          }
          inPartition = resume.returnedInPartition();
          RowSlice after = after(s, resume.clustering());
          if (after == null) {
            limited = false; // an unexpected position: every row of the slice, the loop filters
          } else {
            s = after;
          }
        }
        if (plan.distinct()) {
          s = RowSlice.ALL.withLimit(1); // only whether the partition has live data matters
        } else if (limited) {
          s = s.withLimit(Math.max(1, Math.min(wanted, perPartitionLimit - inPartition)));
        }
        lastSlice = s;
        lastKey = key;
        LivePartition p = store.readSlice(key, s, plan.clusteringComparator(), now);
        if (!p.isEmpty()) {
          return p;
        }
        if (countingEmpty != null) {
          countingEmpty.emptyPartition(key, s);
        }
      }
      return null;
    }

    /** The slice narrowed to the rows strictly after {@code last} in its walk; null when {@code last} is not inside it. */
    private RowSlice after(RowSlice s, List<ByteBuffer> last) {
      ClusteringComparator cmp = plan.clusteringComparator();
      if (last.size() > cmp.size()) {
        return null;
      }
      Clustering c = new Clustering(last);
      if (s.parts() != null) {
        return s.cutAt(cmp, c, !s.reversed()); // 5.0's Slices.forPaging
      }
      if (!s.reversed()) {
        return cmp.compare(c, s.start()) <= 0 ? null : new RowSlice(new Bound(c, true, false), s.end(), false, s.limit());
      }
      return cmp.compare(c, s.end()) >= 0 ? null : new RowSlice(s.start(), new Bound(c, false, false), true, s.limit());
    }
  }

  /** The keys from the one a page ended in (all of them when not resuming). */
  private static List<DecoratedKey> remaining(List<DecoratedKey> keys, PagingState resume) {
    if (resume == null) {
      return keys;
    }
    int at = 0;
    while (at < keys.size() && !keys.get(at).key().equals(resume.partitionKey())) {
      at++;
    }
    return at < keys.size() ? keys.subList(at, keys.size()) : List.of();
  }

  private Iterator<LivePartition> partitions(TableStore store, List<DecoratedKey> keys, PagingState resume, RowSlice scanSlice,
      long now) {
    if (keys == null) {
      DecoratedKey from = resume == null ? null : new DecoratedKey(resume.token(), resume.partitionKey());
      return store.scan(from, true, scanSlice, plan.clusteringComparator(), now);
    }
    Iterator<DecoratedKey> it = remaining(keys, resume).iterator();
    return new Iterator<>() {
      LivePartition next = advance();

      private LivePartition advance() {
        while (it.hasNext()) {
          LivePartition p = store.read(it.next(), now);
          if (!p.isEmpty()) {
            return p;
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public LivePartition next() {
        LivePartition current = next;
        next = advance();
        return current;
      }
    };
  }

  private static int positive(BoundTerm term, BoundValues values, String what) {
    if (term == null) {
      return Integer.MAX_VALUE;
    }
    ByteBuffer b = term.bind(values);
    if (b == null) {
      throw CqlException.invalid("Invalid null value of limit");
    }
    if (b == QueryOptions.UNSET) {
      return Integer.MAX_VALUE;
    }
    int v = (Integer) NativeType.INT.decode(b);
    if (v <= 0) {
      throw CqlException.invalid(what + " must be strictly positive");
    }
    return v;
  }

  /** Orders rows of several partitions by clustering for ORDER BY with IN. */
  static Comparator<RowAccess> clusteringOrder(SelectPlan plan) {
    return (a, b) -> {
      int c = plan.clusteringComparator().compare(a.row().clustering(), b.row().clustering());
      return plan.reversed() ? -c : c;
    };
  }

}
