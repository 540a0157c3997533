package dev.ringlet.internal.exec.functions;

import dev.ringlet.internal.cql.ast.Selector;
import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.cql.parse.Identifiers;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.BoundTerm;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.exec.ColumnSpec;
import dev.ringlet.internal.exec.TermCompiler;
import dev.ringlet.internal.exec.select.RowAccess;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Compiles the elements of a SELECT clause against a table: columns, function calls (scalar and
 * aggregate, nested either way), casts, arithmetic, {@code token(...)}, {@code WRITETIME}/{@code
 * TTL}, element and slice selection, hinted literals and bind markers, each named as Cassandra
 * names the result column.
 */
public final class SelectorCompiler {

  private static final String SELECTION = "[selection]";

  private final TableMetadata table;
  private final FunctionRegistry registry;
  private final TermCompiler terms;
  private final boolean masked;
  /** The selectors whose value is known before any row is read: literals, bind markers, pure calls of them. */
  private final java.util.Set<CompiledSelector> terminals =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  /** The pure calls of terminals compiled so far, innermost first. */
  private final List<CompiledSelector> terminalCalls = new ArrayList<>();
  /** The function calls compiled so far (casts and operations included), with their arguments. */
  private final java.util.Map<CompiledSelector, Call> calls = new java.util.IdentityHashMap<>();
  /** The selectors of a table column compiled so far. */
  private final java.util.Map<CompiledSelector, ColumnMetadata> columns = new java.util.IdentityHashMap<>();

  /** A compiled call of a function (scalar or aggregate) and its compiled arguments. */
  public record Call(NativeFunction function, List<CompiledSelector> arguments) {

    /** Whether 5.0 counts the call pure: evaluated once when its arguments are all terminals. */
    public boolean pure() {
      return isPure(function);
    }

    /**
     * Whether 5.0 lets the call group rows ({@code ScalarFunction.isMonotonic}, or for a pure call
     * with some terminal arguments its {@code isPartialApplicationMonotonic}): {@code constant}
     * tells which arguments are terminals.
     */
    public boolean monotonic(List<Boolean> constant) {
      boolean partial = pure() && constant.contains(true);
      return FloorFunctions.monotonic(function, partial ? constant : java.util.Collections.nCopies(constant.size(), false));
    }
  }

  /** The call {@code selector} compiles (compiled here), or null when it is no call. */
  public Call call(CompiledSelector selector) {
    return calls.get(selector);
  }

  /** The table column {@code selector} reads as stored (compiled here), or null when it is no column. */
  public ColumnMetadata column(CompiledSelector selector) {
    return columns.get(selector);
  }

  /** {@code terms} compiles the literals and bind markers of the selection. */
  public SelectorCompiler(TableMetadata table, FunctionRegistry registry, TermCompiler terms) {
    this(table, registry, terms, false);
  }

  /**
   * With {@code masked}, every read of a masked column's value goes through its mask (as 5.0 masks
   * a column where it is read, before functions, aggregates and element selection see it; WRITETIME
   * and TTL read no value and stay clear).
   */
  public SelectorCompiler(TableMetadata table, FunctionRegistry registry, TermCompiler terms, boolean masked) {
    this.table = table;
    this.registry = registry;
    this.terms = terms;
    this.masked = masked;
  }

  /**
   * Whether {@code selector} (compiled here) is a terminal: a literal, a bind marker, or a call of a
   * pure function whose arguments are all terminals. 5.0 evaluates such a call once per execution,
   * when it instantiates the selection, before reading ({@code AbstractFunctionSelector}'s factory
   * runs every pure scalar function whose argument selectors are all terminal).
   */
  public boolean isTerminal(CompiledSelector selector) {
    return terminals.contains(selector);
  }

  /**
   * The pure function calls of terminals compiled so far (nested ones before the calls around
   * them), which 5.0 evaluates before it reads: one that fails fails the query even when no row
   * is read.
   */
  public List<CompiledSelector> terminalCalls() {
    return List.copyOf(terminalCalls);
  }

  /**
   * Whether 5.0 treats {@code fn} as pure ({@code Function.isPure}): native functions are, except
   * those of the current time ({@code TimeFcts.NowFunction}: {@code now()}, {@code currentTimestamp()},
   * ...); user-defined functions are not.
   */
  static boolean isPure(NativeFunction fn) {
    String name = fn.name();
    if (name.indexOf('.') >= 0) {
      return false; // a user-defined function: ks.name
    }
    switch (name) {
      case "now":
      case "currenttimeuuid":
      case "current_timeuuid":
      case "currenttimestamp":
      case "current_timestamp":
      case "currentdate":
      case "current_date":
      case "currenttime":
      case "current_time":
        return false;
      default:
        return true;
    }
  }

  public CompiledSelector compile(Selector selector) {
    if (selector instanceof Selector.Column col) {
      ColumnMetadata c = column(col.name());
      if (masked && c.mask() != null) {
        java.util.function.UnaryOperator<ByteBuffer> mask = ColumnMaskers.masker(registry, c.mask(), c.type(), table.keyspace());
        return CompiledSelector.perRow(c.name(), c.type(), c.isStatic(), (row, values) -> mask.apply(row.value(c)));
      }
      CompiledSelector compiled = CompiledSelector.perRow(c.name(), c.type(), c.isStatic(), (row, values) -> row.value(c));
      columns.put(compiled, c);
      return compiled;
    }
    if (selector instanceof Selector.CountAll) {
      return countRows();
    }
    if (selector instanceof Selector.WriteTimeOrTtl w) {
      return writeTimeOrTtl(w);
    }
    if (selector instanceof Selector.Function f) {
      return function(f);
    }
    if (selector instanceof Selector.Cast c) {
      return cast(c);
    }
    if (selector instanceof Selector.Arithmetic a) {
      return arithmetic(a);
    }
    if (selector instanceof Selector.Value v) {
      return value(v.term());
    }
    if (selector instanceof Selector.Field f) {
      return ElementSelectors.field(compile(f.selector()), f.field());
    }
    if (selector instanceof Selector.Element e) {
      CompiledSelector inner = compile(e.selector());
      CqlType keyType = ElementSelectors.keyType(inner.name(), inner.type());
      CompiledSelector element =
          ElementSelectors.element(inner, TermText.of(e.key()), keyTerm(e.key(), inner.name(), inner.type(), keyType));
      failOnWrappedCollection(inner.type());
      return element;
    }
    if (selector instanceof Selector.Slice sl) {
      CompiledSelector inner = compile(sl.selector());
      CqlType keyType = ElementSelectors.sliceKeyType(inner.name(), inner.type());
      failOnWrappedCollection(inner.type());
      return ElementSelectors.slice(inner,
          sl.from() == null ? "" : TermText.of(sl.from()), sl.from() == null ? null : keyTerm(sl.from(), inner.name(), inner.type(), keyType),
          sl.to() == null ? "" : TermText.of(sl.to()), sl.to() == null ? null : keyTerm(sl.to(), inner.name(), inner.type(), keyType));
    }
    throw CqlException.invalid("Unsupported selector " + selector);
  }

  private ColumnMetadata column(String name) {
    ColumnMetadata c = table.column(name);
    if (c == null) {
      throw CqlException.invalid("Undefined column name " + Identifiers.maybeQuote(name) + " in table " + table.keyspace() + "." + table.name());
    }
    return c;
  }

  private static CompiledSelector countRows() {
    return new CompiledSelector("count", NativeType.BIGINT, true, false, values -> new CompiledSelector.Evaluator() {
      long count;

      @Override
      public void add(RowAccess row) {
        count++;
      }

      @Override
      public ByteBuffer result() {
        return NativeType.BIGINT.encode(count);
      }
    });
  }

  private CompiledSelector writeTimeOrTtl(Selector.WriteTimeOrTtl w) {
    String fn = w.kind().name().toLowerCase(Locale.ROOT);
    if (ElementTimes.targetColumn(w.column()) != null) {
      return elementTimeOrTtl(w, fn, ElementTimes.targetColumn(w.column()));
    }
    if (!(w.column() instanceof Selector.Column col)) {
      throw CqlException.invalid("Invalid selection for " + fn);
    }
    ColumnMetadata c = column(col.name());
    if (c.isPrimaryKey()) {
      throw CqlException.invalid("Cannot use selection function " + fn + " on PRIMARY KEY part " + c.name());
    }
    String name = fn + "(" + c.name() + ")";
    if (c.type().isMultiCell() && w.kind() != Selector.WriteTimeOrTtl.Kind.MAXWRITETIME) {
      return ElementTimes.selector(name, c, w.kind() == Selector.WriteTimeOrTtl.Kind.TTL);
    }
    if (w.kind() == Selector.WriteTimeOrTtl.Kind.TTL) {
      return CompiledSelector.perRow(name, NativeType.INT, c.isStatic(), (row, values) -> {
        Cell cell = row.cell(c);
        return cell == null || cell.ttl() == 0 ? null : NativeType.INT.encode(cell.remainingTtl(row.nowInSeconds()));
      });
    }
    return CompiledSelector.perRow(name, NativeType.BIGINT, c.isStatic(), (row, values) -> {
      Cell cell = row.cell(c);
      return cell == null ? null : NativeType.BIGINT.encode(cell.timestamp());
    });
  }

  /**
   * {@code writetime(m[k])}, {@code ttl(s[e])}, {@code writetime(u.f)}, {@code writetime(s[a..b])}:
   * of the element or field cell of a non-frozen column, of the whole cell of a frozen one.
   */
  private CompiledSelector elementTimeOrTtl(Selector.WriteTimeOrTtl w, String fn, Selector.Column col) {
    ColumnMetadata c = column(col.name());
    if (c.type().isMultiCell()) { // 5.0 binds markers in the element of a frozen column (golden writetime_elements)
      ElementTimes.refuseMarkers(w.column(), fn,
          c.type() instanceof dev.ringlet.internal.types.SetType || c.type() instanceof dev.ringlet.internal.types.MapType
          ? ElementSelectors.keyType(c.name(), c.type()) : null);
    }
    if (c.isPrimaryKey()) {
      throw CqlException.invalid("Cannot use selection function " + fn + " on PRIMARY KEY part " + c.name());
    }
    CompiledSelector selected = compile(w.column());
    String name = fn + "(" + selected.name() + ")";
    if (!c.type().isMultiCell()) {
      return ElementTimes.ofFrozenPart(name, c, selected, w.column() instanceof Selector.Slice, w.kind());
    }
    if (w.column() instanceof Selector.Field f) {
      int index = ((dev.ringlet.internal.types.UserType) c.type()).fieldNames().indexOf(f.field());
      return ElementTimes.ofField(name, c, index, w.kind());
    }
    CqlType keyType = ElementSelectors.keyType(c.name(), c.type());
    if (w.column() instanceof Selector.Element e) {
      return ElementTimes.ofElement(name, c, keyType, keyTerm(e.key(), c.name(), c.type(), keyType), w.kind());
    }
    Selector.Slice sl = (Selector.Slice) w.column();
    return ElementTimes.ofSlice(name, c, keyType, sl.from() == null ? null : keyTerm(sl.from(), c.name(), c.type(), keyType),
        sl.to() == null ? null : keyTerm(sl.to(), c.name(), c.type(), keyType), w.kind());
  }

  /** A selector argument before resolution: compiled when typed, kept as a term when untyped. */
  private record Pending(CompiledSelector compiled, Term term, FunctionArg arg) {}

  private Pending pending(Selector s) {
    if (s instanceof Selector.Value v && v.term() instanceof Term.ListLiteral l) {
      return new Pending(null, l, FunctionArg.listLiteral(TermText.of(l), l.elements().size()));
    }
    if (s instanceof Selector.Value v && TermText.untypedKind(v.term()) != null) {
      return new Pending(null, v.term(), FunctionArg.untyped(TermText.of(v.term()), TermText.untypedKind(v.term())));
    }
    if (s instanceof Selector.Value v && v.term() instanceof Term.Constant c) {
      return new Pending(null, c, FunctionArg.literal(TermText.of(c), c.kind()));
    }
    CompiledSelector compiled = compile(s);
    ColumnMetadata column = s instanceof Selector.Column ? columns.get(compiled) : null;
    return new Pending(compiled, null, column != null && column.reversed()
        ? FunctionArg.reversedColumn(compiled.name(), compiled.type())
        : FunctionArg.typed(compiled.name(), compiled.type()));
  }

  private CompiledSelector function(Selector.Function f) {
    String name = f.function().name();
    boolean system = f.function().keyspace() == null || f.function().keyspace().equalsIgnoreCase("system");
    if (system && name.equals("token")) {
      return token(f);
    }
    if (system && name.equals("count") && f.arguments().size() == 1 && f.arguments().get(0) instanceof Selector.Value v
        && v.term() instanceof Term.Constant) {
      return countRows();
    }
    if (system && name.equals("count_rows") && f.arguments().isEmpty()) {
      return countRows();
    }
    List<Pending> args = new ArrayList<>();
    for (Selector s : f.arguments()) {
      args.add(pending(s));
    }
    List<FunctionArg> fargs = args.stream().map(Pending::arg).toList();
    NativeFunction fn = registry.resolve(f.function(), fargs, null, table.keyspace());
    if (fn == null) {
      throw CqlException.invalid("Unknown function '" + f.function() + "'");
    }
    String display = NativeFunction.qualified(fn.name()) + "(" + fargs.stream().map(FunctionArg::text).collect(Collectors.joining(", ")) + ")";
    return apply(display, fn, args);
  }

  /** A resolved function applied to its arguments, untyped ones compiled against the parameter types. */
  private CompiledSelector apply(String display, NativeFunction fn, List<Pending> pending) {
    List<CompiledSelector> args = new ArrayList<>();
    for (int i = 0; i < pending.size(); i++) {
      Pending p = pending.get(i);
      args.add(p.compiled() != null ? p.compiled() : term(p.term(), p.arg().text(), fn.argTypes().get(i)));
    }
    boolean statics = args.stream().anyMatch(CompiledSelector::usesStatic);
    if (fn instanceof NativeFunction.Aggregate agg) {
      if (args.stream().anyMatch(CompiledSelector::aggregate)) {
        throw CqlException.invalid("aggregate functions cannot be used as arguments of aggregate functions");
      }
      CompiledSelector call = new CompiledSelector(display, fn.returnType(), true, statics,
          values -> aggregate(agg, args, values));
      calls.put(call, new Call(fn, args));
      return call;
    }
    NativeFunction.Scalar scalar = (NativeFunction.Scalar) fn;
    boolean aggregate = args.stream().anyMatch(CompiledSelector::aggregate);
    CompiledSelector call = new CompiledSelector(display, fn.returnType(), aggregate, statics,
        values -> scalar(scalar, args, values));
    calls.put(call, new Call(fn, args));
    if (isPure(fn) && args.stream().allMatch(terminals::contains)) {
      terminals.add(call);
      terminalCalls.add(call);
    }
    return call;
  }

  private static CompiledSelector.Evaluator aggregate(NativeFunction.Aggregate fn, List<CompiledSelector> args,
      BoundValues values) {
    NativeFunction.Accumulator acc = fn.accumulator().get();
    return new CompiledSelector.Evaluator() {
      @Override
      public void add(RowAccess row) {
        List<ByteBuffer> vals = new ArrayList<>(args.size());
        for (CompiledSelector a : args) {
          vals.add(a.valueOf(row, values));
        }
        acc.add(vals);
      }

      @Override
      public ByteBuffer result() {
        return acc.result();
      }
    };
  }

  private static CompiledSelector.Evaluator scalar(NativeFunction.Scalar fn, List<CompiledSelector> args,
      BoundValues values) {
    List<CompiledSelector.Evaluator> evaluators = new ArrayList<>();
    for (CompiledSelector a : args) {
      evaluators.add(a.evaluator().apply(values));
    }
    return new CompiledSelector.Evaluator() {
      @Override
      public void add(RowAccess row) {
        for (CompiledSelector.Evaluator e : evaluators) {
          e.add(row);
        }
      }

      @Override
      public ByteBuffer result() {
        List<ByteBuffer> vals = new ArrayList<>(evaluators.size());
        for (CompiledSelector.Evaluator e : evaluators) {
          vals.add(e.result());
        }
        return fn.execute(vals);
      }
    };
  }

  /** An untyped term given a type by its context. */
  private CompiledSelector term(Term term, String text, CqlType type) {
    BoundTerm bound = compileTerm(term, type);
    CompiledSelector compiled = CompiledSelector.perRow(text, type, false, (row, values) -> bindSafely(bound, values));
    terminals.add(compiled);
    return compiled;
  }

  private BoundTerm compileTerm(Term term, CqlType type) {
    ColumnSpec spec = new ColumnSpec(table.keyspace(), table.name(), SELECTION, type);
    try {
      return terms.compile(term, spec);
    } catch (IndexOutOfBoundsException e) {
      throw CqlException.invalid("Bind markers are not supported in this selection");
    }
  }

  /** A set element's or map key's term; its marker is named {@code value(s)} or {@code key(m)}, as in 5.0. */
  /**
   * An element or slice of a set or map held in one cell by its column's {@code ReversedType}: 5.0
   * prepares it with the collection's key type, then fails every execution with an AssertionError when
   * it instantiates the selector (before reading), as its selector finds no collection type there.
   */
  private void failOnWrappedCollection(CqlType collection) {
    if (collection instanceof dev.ringlet.internal.types.CustomType c && c.wrapped() != null) {
      terminalCalls.add(new CompiledSelector("", NativeType.BLOB, false, false, values -> {
        throw CqlException.serverError("java.lang.AssertionError");
      }));
    }
  }

  private BoundTerm keyTerm(Term key, String collection, CqlType collectionType, CqlType keyType) {
    boolean set = dev.ringlet.internal.types.CustomType.unreversed(collectionType) instanceof dev.ringlet.internal.types.SetType;
    String marker = (set ? "value(" : "key(") + collection + ")";
    try {
      return terms.compile(key, new ColumnSpec(table.keyspace(), table.name(), marker, keyType));
    } catch (IndexOutOfBoundsException e) {
      throw CqlException.invalid("Bind markers are not supported in this selection");
    }
  }

  private static ByteBuffer bindSafely(BoundTerm bound, BoundValues values) {
    try {
      ByteBuffer b = bound.bind(values == null ? BoundValues.NONE : values);
      return b == dev.ringlet.internal.exec.QueryOptions.UNSET ? null : b;
    } catch (IndexOutOfBoundsException e) {
      throw CqlException.invalid("No value bound for a bind marker of the selection");
    }
  }

  private CompiledSelector value(Term term) {
    if (term instanceof Term.TypeHint h) {
      CqlType type = type(h.type());
      return term(h.term(), TermText.of(term), type);
    }
    if (term instanceof Term.FunctionCall call) {
      List<Selector> args = call.arguments().stream().<Selector>map(Selector.Value::new).toList();
      return function(new Selector.Function(call.function(), args));
    }
    throw CqlException.invalid("Cannot infer type for term " + TermText.of(term)
        + " in selection clause (try using a cast to force a type)");
  }

  private CompiledSelector cast(Selector.Cast c) {
    Pending p = pending(c.selector());
    if (p.compiled() == null) {
      throw CqlException.invalid("Cannot infer type for term " + p.arg().text()
          + " in selection clause (try using a cast to force a type)");
    }
    String written = TermText.type(c.type()).toLowerCase(Locale.ROOT);
    CqlType target = type(c.type());
    NativeFunction.Scalar fn = CastFunctions.resolve(p.arg(), target, written);
    return apply("cast(" + p.arg().text() + " as " + target.cql() + ")", fn, List.of(p));
  }

  private CompiledSelector arithmetic(Selector.Arithmetic a) {
    if (isNegation(a)) {
      Pending operand = pending(a.right());
      return apply("-" + operand.arg().text(), Operations.negate(operand.arg()), List.of(operand));
    }
    Pending left = pending(a.left());
    Pending right = pending(a.right());
    NativeFunction.Scalar fn = Operations.binary(a.operator(), left.arg(), right.arg());
    String l = needsParentheses(a.left(), a.operator(), false) ? "(" + left.arg().text() + ")" : left.arg().text();
    String r = needsParentheses(a.right(), a.operator(), true) ? "(" + right.arg().text() + ")" : right.arg().text();
    return apply(l + " " + a.operator() + " " + r, fn, List.of(left, right));
  }

  /**
   * Whether an operand was parenthesized (the parser keeps no trace of parentheses, so they are
   * those the precedence and left associativity made necessary): Cassandra keeps them in the name.
   */
  private static boolean needsParentheses(Selector operand, char parent, boolean right) {
    if (!(operand instanceof Selector.Arithmetic child) || isNegation(child)) {
      return false;
    }
    int c = precedence(child.operator());
    int p = precedence(parent);
    return right ? c <= p : c < p;
  }

  private static int precedence(char op) {
    return op == '+' || op == '-' ? 1 : 2;
  }

  private static boolean isNegation(Selector.Arithmetic a) {
    return a.operator() == '-' && a.left() instanceof Selector.Value v && v.term() instanceof Term.Constant k
        && k.text().equals("0") && !(a.right() instanceof Selector.Value);
  }

  private static CqlType type(dev.ringlet.internal.cql.ast.TypeExpr expr) {
    if (expr instanceof dev.ringlet.internal.cql.ast.TypeExpr.UserDefined u) {
      throw CqlException.invalid("User types are not supported in selection type hints: " + u.name());
    }
    return dev.ringlet.internal.exec.ddl.TypeResolver.resolve(expr, null);
  }

  private CompiledSelector token(Selector.Function f) {
    List<CqlType> keyTypes = table.partitionKey().stream().map(ColumnMetadata::type).toList();
    NativeFunction.Scalar fn = TokenFunction.of(keyTypes);
    List<Pending> args = new ArrayList<>();
    for (Selector s : f.arguments()) {
      args.add(pending(s));
    }
    List<FunctionArg> fargs = args.stream().map(Pending::arg).toList();
    FunctionResolver.validate(fn, fargs);
    String display = "system.token(" + fargs.stream().map(FunctionArg::text).collect(Collectors.joining(", ")) + ")";
    return apply(display, fn, args);
  }
}
