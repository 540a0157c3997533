package dev.ringlet.internal.exec.udf;

import dev.ringlet.internal.cql.parse.CqlParser;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.ddl.TypeResolver;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.UserFunction;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.UserType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.eclipse.jdt.core.compiler.IProblem;

/**
 * Compiles Java UDF bodies as Cassandra 5.0 does, with the Eclipse compiler ({@link EcjCompiler},
 * in memory, no JDK needed) and its byte-code check ({@link ByteCodeVerifier}), and caches the
 * result per function definition. Compilations are serialized.
 *
 * <p>The sandbox, like Cassandra's, works by visibility: the body is compiled against a name
 * environment that finds only what {@link UdfSandbox} allows (5.0's allowed and disallowed class
 * patterns), Cassandra's value classes ({@link UdfApi}) and none of Ringlet's classes; naming
 * anything else fails compilation with "X cannot be resolved to a type". The compiled class is
 * then checked for 5.0's forbidden calls and declarations ({@code Class.forName}, {@code
 * synchronized}, fields, other methods, static initialisers...), refused at CREATE with "Java UDF
 * validation failed: [...]". The loaded class's loader refuses the same classes at run time.
 *
 * <p>Bodies also see Cassandra's classes for {@code date}, {@code duration}, tuples and user
 * types and their {@code udfContext} ({@link UdfApi}): compiled once per JVM from the engine's
 * resources, defined by one loader per instance that every function's loader delegates to.
 */
public final class JavaUdfs {

  /** 5.0's source and target level for function bodies. */
  private static final String SOURCE_LEVEL = "11";
  private static final String PACKAGE = "ringlet.udf";
  /** A class file the JVM does not have (a cache entry). */
  private static final byte[] NONE = new byte[0];

  private final Map<UserFunction, CompiledUdf> cache = new ConcurrentHashMap<>();
  private final AtomicLong classes = new AtomicLong();
  private final Function<String, KeyspaceMetadata> keyspaces;
  /** JDK class files read for the compiler, by binary name ({@link #NONE} when absent). */
  private final Map<String, byte[]> platformClasses = new ConcurrentHashMap<>();
  private Map<String, byte[]> apiClasses;
  private ApiLoader apiLoader;
  private UdfBridge bridge;

  /** Functions whose {@code udfContext} finds user types and parses types in {@code keyspaces}' answers. */
  public JavaUdfs(Function<String, KeyspaceMetadata> keyspaces) {
    this.keyspaces = keyspaces;
  }

  /** The compiled function, compiling it on first use. */
  public CompiledUdf get(UserFunction function) {
    CompiledUdf c = cache.get(function);
    if (c == null) {
      c = compile(function);
      cache.put(function, c);
    }
    return c;
  }

  /** Compiles {@code function} (at CREATE FUNCTION), with Cassandra's message when that fails. */
  public synchronized CompiledUdf compile(UserFunction function) {
    String className = "Udf" + classes.incrementAndGet();
    String binaryName = PACKAGE + "." + className;
    boolean api = UdfApi.needed(function);
    boolean javaUdf = api && UdfApi.needsJavaUdf(function);
    if (api) {
      api();
    }
    StringBuilder src = new StringBuilder();
    src.append("package ").append(PACKAGE).append(";\n");
    // 5.0's template imports these (and Cassandra's classes) for every body
    src.append("import java.nio.ByteBuffer;\nimport java.util.*;\n");
    if (api) {
      src.append("import org.apache.cassandra.cql3.functions.UDFContext;\n"
          + "import org.apache.cassandra.transport.ProtocolVersion;\n"
          + "import org.apache.cassandra.cql3.functions.types.TupleValue;\n"
          + "import org.apache.cassandra.cql3.functions.types.UDTValue;\n");
      if (javaUdf) {
        // as 5.0's template: the class extends JavaUDF (udfContext, decompose) and implements its
        // executeImpl and executeAggregateImpl by calling the body's method
        src.append("import org.apache.cassandra.cql3.functions.JavaUDF;\n"
            + "import org.apache.cassandra.cql3.functions.Arguments;\n"
            + "import org.apache.cassandra.cql3.functions.UDFDataType;\n");
        src.append("public final class ").append(className).append(" extends JavaUDF {\n  public ").append(className)
            .append("(UDFDataType returnType, UDFContext udfContext) { super(returnType, udfContext); }\n");
        appendExecuteImpls(src, function);
      } else {
        // what such a body can see of JavaUDF is udfContext: the same field, cheaper to compile
        src.append("public final class ").append(className).append(" {\n  private final UDFContext udfContext;\n  public ")
            .append(className).append("(UDFContext udfContext) { this.udfContext = udfContext; }\n");
      }
    } else {
      src.append("public final class ").append(className).append(" {\n  public ").append(className).append("() { }\n");
    }
    src.append("  public ").append(UdfTypes.javaType(function.returnType(), !function.calledOnNullInput()))
        .append(" execute(");
    for (int i = 0; i < function.argumentNames().size(); i++) {
      if (i > 0) {
        src.append(", ");
      }
      src.append(UdfTypes.javaType(function.argumentTypes().get(i), !function.calledOnNullInput())).append(' ')
          .append(function.argumentNames().get(i));
    }
    src.append(") {\n");
    int lineOffset = newlines(src);
    src.append(function.body()).append("\n  }\n}\n");

    EcjCompiler.Result result = EcjCompiler.compile(Map.of(binaryName, src.toString()), SOURCE_LEVEL, null,
        name -> visibleClassFile(name, api));
    if (result.failed()) {
      throw CqlException.invalid(compilationFailure(result.problems(), lineOffset, src));
    }
    ByteCodeVerifier verifier = javaUdf
        ? new ByteCodeVerifier(binaryName.replace('.', '/'), "org/apache/cassandra/cql3/functions/JavaUDF",
            "(Lorg/apache/cassandra/cql3/functions/UDFDataType;Lorg/apache/cassandra/cql3/functions/UDFContext;)V",
            Set.of("execute", "executeImpl", "executeAggregateImpl"), Set.of())
        : new ByteCodeVerifier(binaryName.replace('.', '/'), "java/lang/Object",
            api ? "(Lorg/apache/cassandra/cql3/functions/UDFContext;)V" : "()V", Set.of("execute"),
            api ? Set.of("udfContext") : Set.of());
    // As 5.0 does, every class file of the unit is kept under the function's class name, so the
    // one ECJ hands over last wins: a body's local, anonymous or member class makes the function
    // fail validation or (its class missing) fail when it runs.
    byte[] classFile = result.last();
    Set<String> invalid = verifier.verify(classFile);
    if (!invalid.isEmpty()) {
      throw CqlException.invalid("Java UDF validation failed: " + invalid);
    }
    classFile = BackEdges.instrument(SystemGuard.redirect(classFile));
    try {
      Class<?> type = new SandboxLoader(Map.of(binaryName, classFile), api ? apiLoader : null).loadClass(binaryName);
      Method execute = null;
      for (Method m : type.getMethods()) {
        if (m.getName().equals("execute")) {
          execute = m;
        }
      }
      if (!api) {
        return new CompiledUdf(function, type.getConstructors()[0].newInstance(), execute, null, null, null);
      }
      // as in 5.0, a body sees its argument and return types frozen (a user type argument is frozen<ks.t>)
      List<Object> argTypes = new ArrayList<>();
      for (CqlType t : function.argumentTypes()) {
        argTypes.add(bridge.type(UdfTypes.descriptor(t.freeze())));
      }
      Object returnType = bridge.type(UdfTypes.descriptor(function.returnType().freeze()));
      Object context = bridge.context(function.argumentNames(), argTypes, returnType, function.keyspace(),
          name -> userType(function.keyspace(), name), text -> parseType(function.keyspace(), text));
      Object instance;
      if (javaUdf) {
        String javaReturnType = UdfTypes.javaType(function.returnType(), !function.calledOnNullInput());
        Object udfReturnType = bridge.udfDataType(returnType, !boxed(javaReturnType).equals(javaReturnType));
        instance = type.getConstructors()[0].newInstance(udfReturnType, context);
      } else {
        instance = type.getConstructors()[0].newInstance(context);
      }
      return new CompiledUdf(function, instance, execute, bridge, argTypes, returnType);
    } catch (ReflectiveOperationException | LinkageError e) {
      throw CqlException.invalid(String.format("Could not compile function '%s' from Java source: %s",
          function.keyspace() + "." + function.name(), e));
    }
  }

  /**
   * 5.0's message for a failed compilation: every problem of the unit (warnings too) as "Line N:
   * message", N counted from the body's first line; a problem in the generated code around the
   * body (an error only) as a "GENERATED SOURCE ERROR", followed by the whole source.
   */
  private static String compilationFailure(List<IProblem> problems, int lineOffset, CharSequence source) {
    StringBuilder message = new StringBuilder();
    boolean fullSource = false;
    for (IProblem problem : problems) {
      long line = problem.getSourceLineNumber() - (long) lineOffset;
      if (line < 1) {
        if (problem.isError()) {
          message.append("GENERATED SOURCE ERROR: line ").append(problem.getSourceLineNumber())
              .append(" (in generated source): ").append(problem.getMessage()).append('\n');
          fullSource = true;
        }
      } else {
        message.append("Line ").append(line).append(": ").append(problem.getMessage()).append('\n');
      }
    }
    return fullSource
        ? "Java source compilation failed:\n" + message + "\n generated source:\n" + source
        : "Java source compilation failed:\n" + message;
  }

  /**
   * 5.0's {@code executeImpl} and {@code executeAggregateImpl} (its template's): the body's method
   * called on the arguments ({@code getAsInt(i)} for a primitive, {@code get(i)} otherwise; an
   * aggregate's state first). Ringlet calls {@code execute} directly; these exist because bodies
   * can call them, as in 5.0. Written before the body, so their lines count as generated source.
   */
  private static void appendExecuteImpls(StringBuilder src, UserFunction function) {
    boolean primitives = !function.calledOnNullInput();
    String returnType = UdfTypes.javaType(function.returnType(), primitives);
    List<CqlType> types = function.argumentTypes();
    src.append("  protected ByteBuffer executeImpl(Arguments arguments) {\n    ").append(returnType)
        .append(" result = execute(");
    for (int i = 0; i < types.size(); i++) {
      src.append(i > 0 ? ", " : "").append(argument(UdfTypes.javaType(types.get(i), primitives), i));
    }
    src.append(");\n    return decompose(arguments.getProtocolVersion(), result);\n  }\n");
    src.append("  protected Object executeAggregateImpl(Object state, Arguments arguments) {\n    ").append(returnType)
        .append(" result = execute(");
    for (int i = 0; i < types.size(); i++) {
      String javaType = UdfTypes.javaType(types.get(i), primitives);
      src.append(i > 0 ? ", " : "").append(i == 0 ? "(" + boxed(javaType) + ") state" : argument(javaType, i));
    }
    src.append(");\n    return result;\n  }\n");
  }

  private static String argument(String javaType, int i) {
    switch (javaType) {
      case "boolean": return "arguments.getAsBoolean(" + i + ")";
      case "byte": return "arguments.getAsByte(" + i + ")";
      case "short": return "arguments.getAsShort(" + i + ")";
      case "int": return "arguments.getAsInt(" + i + ")";
      case "long": return "arguments.getAsLong(" + i + ")";
      case "float": return "arguments.getAsFloat(" + i + ")";
      case "double": return "arguments.getAsDouble(" + i + ")";
      default: return "arguments.get(" + i + ")";
    }
  }

  private static String boxed(String javaType) {
    switch (javaType) {
      case "boolean": return "Boolean";
      case "byte": return "Byte";
      case "short": return "Short";
      case "int": return "Integer";
      case "long": return "Long";
      case "float": return "Float";
      case "double": return "Double";
      case "char": return "Character";
      default: return javaType;
    }
  }

  private static int newlines(CharSequence s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  /**
   * The class file the compiler may see for {@code binaryName}: an offered {@link UdfApi} class
   * (when the function is compiled with them), else a JDK class {@link UdfSandbox} allows; null
   * for anything else.
   */
  private byte[] visibleClassFile(String binaryName, boolean api) {
    if (UdfApi.ownsName(binaryName)) {
      return api && UdfApi.offered(outer(binaryName)) ? apiClasses.get(binaryName) : null;
    }
    if (!UdfSandbox.allowsClass(binaryName)) {
      return null;
    }
    byte[] bytes = platformClasses.computeIfAbsent(binaryName, n -> {
      byte[] b = EcjCompiler.platformClass(n);
      return b == null ? NONE : b;
    });
    return bytes == NONE ? null : bytes;
  }

  private static String outer(String binaryName) {
    int dollar = binaryName.indexOf('$');
    return dollar >= 0 ? binaryName.substring(0, dollar) : binaryName;
  }

  /** The descriptor of the user type {@code name} (as stored) of {@code keyspace}, or null. */
  private Object userType(String keyspace, String name) {
    KeyspaceMetadata ks = keyspaces.apply(keyspace);
    UserType type = ks == null ? null : ks.types().get(name);
    return type == null ? null : UdfTypes.descriptor(type);
  }

  /** The descriptor of a CQL type text of {@code keyspace} ({@code udfContext.newTupleValue}). */
  private Object parseType(String keyspace, String text) {
    KeyspaceMetadata ks = keyspaces.apply(keyspace);
    if (ks == null) {
      throw new IllegalArgumentException("Keyspace " + keyspace + " doesn't exist");
    }
    try {
      return UdfTypes.descriptor(TypeResolver.resolve(CqlParser.parseType(text), ks));
    } catch (CqlException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  /** Loads the {@link UdfApi} classes (compiled once per JVM) into this instance's own loader. */
  private void api() {
    if (apiLoader != null) {
      return;
    }
    apiClasses = ApiClasses.BYTES;
    apiLoader = new ApiLoader(apiClasses);
    try {
      bridge = new UdfBridge(apiLoader);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The compiled {@link UdfApi} classes: a constant of the engine's resources, read on first use
   * from the archive the build made ({@link ApiArchive}) or else compiled (by ECJ, at compliance
   * 17), and shared by every node of the JVM; never modified.
   */
  private static final class ApiClasses {
    static final Map<String, byte[]> BYTES = compileApi();

    private ApiClasses() {}
  }

  /** The classes archived at build time ({@link ApiArchive}) when they match the sources, else compiled now. */
  private static Map<String, byte[]> compileApi() {
    Map<String, byte[]> archived = ApiArchive.read();
    return archived != null ? archived : compileApiSources();
  }

  /** The {@link UdfApi} classes compiled from their sources (ECJ, compliance 17). */
  static Map<String, byte[]> compileApiSources() {
    Map<String, String> sources = new HashMap<>();
    for (String name : UdfApi.CLASSES) {
      sources.put(name, UdfApi.source(name));
    }
    EcjCompiler.Result result = EcjCompiler.compile(sources, "17", "17", EcjCompiler::platformClass);
    if (result.failed()) {
      throw new IllegalStateException("the UDF classes do not compile: " + result.problems());
    }
    return result.classes();
  }

  /** Whether a compiled function's class may load {@code binaryName} (its own classes aside). */
  static boolean visible(String binaryName) {
    if (UdfApi.ownsName(binaryName)) {
      return UdfApi.offered(outer(binaryName));
    }
    return UdfSandbox.allowsClass(binaryName);
  }

  /**
   * Defines the {@link UdfApi} classes, shared by every function of one {@link JavaUdfs}. They see
   * the JDK (their own code is trusted); what bodies see is filtered by {@link SandboxLoader}.
   */
  private static final class ApiLoader extends ClassLoader {

    private final Map<String, byte[]> classes;

    ApiLoader(Map<String, byte[]> classes) {
      super(null);
      this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = classes.get(name);
      if (bytes == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }
  }

  /** Defines the compiled classes; resolves nothing outside the sandbox's view. */
  private static final class SandboxLoader extends ClassLoader {

    private static final String INVOCATION_TARGET = "java.lang.reflect.InvocationTargetException";

    private final Map<String, byte[]> classes;

    SandboxLoader(Map<String, byte[]> classes, ClassLoader api) {
      super(api);
      this.classes = Map.copyOf(classes);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.equals(SystemGuard.class.getName())) {
        return SystemGuard.class;
      }
      if (name.equals(RunawayGuard.class.getName())) {
        return RunawayGuard.class;
      }
      if (name.equals(PlatformGuard.class.getName())) {
        return PlatformGuard.class;
      }
      // the JVM itself links invokedynamic (string concatenation) through java.lang.invoke, and
      // JDK 17's reflection defines its generated accessors (after a method's 15th reflective
      // call) in a loader below this one, linking them to jdk.internal.reflect and
      // InvocationTargetException; bodies cannot name these (the compiler does not see them, the
      // verifier refuses Class.forName)
      if (!classes.containsKey(name) && !visible(name) && !name.startsWith("java.lang.invoke.")
          && !name.startsWith("jdk.internal.reflect.") && !name.equals(INVOCATION_TARGET)) {
        throw new ClassNotFoundException(name + " is not allowed in user-defined functions");
      }
      return super.loadClass(name, resolve);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = classes.get(name);
      if (bytes == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }
  }
}
