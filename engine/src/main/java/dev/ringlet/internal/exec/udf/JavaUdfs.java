package dev.ringlet.internal.exec.udf;

import dev.ringlet.internal.cql.parse.CqlParser;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.ddl.TypeResolver;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.UserFunction;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.UserType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles Java UDF bodies with the JDK's compiler and caches the result per function definition.
 * Compilations are serialized (they share one file manager).
 *
 * <p>The sandbox, like Cassandra's, works by visibility: the body is compiled against a view of
 * the JDK (checked on the compiled syntax tree: every name and every expression's type) that
 * holds only {@code java.lang} (without threads, processes, class loaders, the runtime
 * and reflection), {@code java.math}, {@code java.nio} (buffers only), {@code java.text},
 * {@code java.time} and {@code java.util} (not its concurrency or logging subpackages), and against none of Ringlet's classes; naming anything else fails compilation with "cannot be
 * resolved to a type". The loaded class's loader refuses the same classes at run time. Limits:
 * methods of visible classes are not filtered ({@code System.exit} compiles, as it does in
 * Cassandra 5.0, and is not stopped), and there is no execution timeout.
 *
 * <p>Bodies also see Cassandra's classes for {@code date}, {@code duration}, tuples and user
 * types and their {@code udfContext} ({@link UdfApi}): compiled once per instance from the
 * engine's resources, defined by one loader that every function's loader delegates to.
 */
public final class JavaUdfs {

  private static final Set<String> ALLOWED_PACKAGES = Set.of("java.lang", "java.math", "java.nio", "java.text",
      "java.time", "java.time.format", "java.time.temporal", "java.util", "java.util.function", "java.util.stream");
  private static final Set<String> DENIED_CLASSES = Set.of("java.lang.Thread", "java.lang.ThreadGroup",
      "java.lang.ThreadLocal", "java.lang.InheritableThreadLocal", "java.lang.Runtime", "java.lang.Process",
      "java.lang.ProcessBuilder", "java.lang.ProcessHandle", "java.lang.ClassLoader", "java.lang.SecurityManager",
      "java.lang.Module", "java.lang.ModuleLayer", "java.lang.StackWalker", "java.lang.Compiler",
      "java.lang.ScopedValue", "java.lang.VirtualThread", "java.nio.MappedByteBuffer", "java.util.Timer",
      "java.util.TimerTask", "java.util.ServiceLoader");
  private static final String PACKAGE = "ringlet.udf";

  private final Map<UserFunction, CompiledUdf> cache = new ConcurrentHashMap<>();
  private final AtomicLong classes = new AtomicLong();
  private final Function<String, KeyspaceMetadata> keyspaces;
  private StandardJavaFileManager fileManager;
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
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw CqlException.invalid("Java user-defined functions need a Java compiler (javax.tools), and this JVM"
          + " has none: run Ringlet on a JDK, not a JRE");
    }
    String className = "Udf" + classes.incrementAndGet();
    StringBuilder src = new StringBuilder();
    src.append("package ").append(PACKAGE).append(";\n");
    boolean api = UdfApi.needed(function);
    if (api) {
      src.append("import java.nio.ByteBuffer; import java.util.*; import java.math.*;"
          + " import org.apache.cassandra.cql3.functions.UDFContext;"
          + " import org.apache.cassandra.cql3.functions.types.TupleValue;"
          + " import org.apache.cassandra.cql3.functions.types.UDTValue;\n");
      src.append("public final class ").append(className).append(" { private final UDFContext udfContext; public ")
          .append(className).append("(UDFContext udfContext) { this.udfContext = udfContext; }\n");
    } else {
      src.append("import java.nio.ByteBuffer; import java.util.*; import java.math.*;\n");
      src.append("public final class ").append(className).append(" {\n");
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
    int firstBodyLine = 5;
    src.append(function.body()).append("\n  }\n}\n");

    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    if (fileManager == null) {
      // reused: opening the JDK's module image is most of a first compilation's cost
      fileManager = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
    }
    if (api) {
      api();
    }
    Output output = new Output(fileManager, api ? apiClasses : Map.of());
    JavaFileObject source = new SimpleJavaFileObject(
        URI.create("string:///" + PACKAGE.replace('.', '/') + "/" + className + ".java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return src;
      }
    };
    List<String> options = List.of("-proc:none", "-nowarn", "-g:none", "-classpath", "", "-Xlint:none",
        "-implicit:none");
    com.sun.source.util.JavacTask task = (com.sun.source.util.JavacTask) compiler.getTask(null, output, diagnostics,
        options, null, List.of(source));
    List<String> errors = new ArrayList<>();
    try {
      Iterable<? extends com.sun.source.tree.CompilationUnitTree> units = task.parse();
      task.analyze();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          errors.add("Line " + Math.max(d.getLineNumber() - firstBodyLine + 1, 1) + ": " + describe(d));
        }
      }
      if (errors.isEmpty()) {
        for (com.sun.source.tree.CompilationUnitTree unit : units) {
          SandboxScanner scanner = new SandboxScanner(task, unit, src, firstBodyLine, errors);
          scanner.scan(unit, null);
          scanner.report();
        }
      }
      if (errors.isEmpty()) {
        task.generate();
      }
    } catch (IOException e) {
      throw CqlException.invalid("Java source compilation failed:\n" + e);
    }
    if (errors.isEmpty() && !output.classes.containsKey(PACKAGE + "." + className)) {
      errors.add("Line 1: compilation produced no class");
    }
    if (!errors.isEmpty()) {
      StringBuilder message = new StringBuilder("Java source compilation failed:\n");
      for (String e : errors) {
        message.append(e).append('\n');
      }
      throw CqlException.invalid(message.toString());
    }
    try {
      Class<?> type = new SandboxLoader(output.classes, api ? apiLoader : null).loadClass(PACKAGE + "." + className);
      Method execute = null;
      for (Method m : type.getMethods()) {
        if (m.getName().equals("execute")) {
          execute = m;
        }
      }
      if (!api) {
        return new CompiledUdf(function, type.getConstructors()[0].newInstance(), execute, null, null, null);
      }
      List<Object> argTypes = new ArrayList<>();
      for (CqlType t : function.argumentTypes()) {
        argTypes.add(bridge.type(UdfTypes.descriptor(t)));
      }
      Object returnType = bridge.type(UdfTypes.descriptor(function.returnType()));
      Object context = bridge.context(function.argumentNames(), argTypes, returnType, function.keyspace(),
          name -> userType(function.keyspace(), name), text -> parseType(function.keyspace(), text));
      Object instance = type.getConstructors()[0].newInstance(context);
      return new CompiledUdf(function, instance, execute, bridge, argTypes, returnType);
    } catch (ReflectiveOperationException | LinkageError e) {
      throw CqlException.invalid("Java source compilation failed:\n" + e);
    }
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
   * The compiled {@link UdfApi} classes: a constant of the engine's resources, computed on first
   * use (about 0.3 s in a cold JVM) and shared by every node of the JVM; never modified.
   */
  private static final class ApiClasses {
    static final Map<String, byte[]> BYTES = compileApi();

    private ApiClasses() {}
  }

  private static Map<String, byte[]> compileApi() {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    List<JavaFileObject> sources = new ArrayList<>();
    for (String name : UdfApi.CLASSES) {
      String text = UdfApi.source(name);
      sources.add(new SimpleJavaFileObject(URI.create("string:///" + name.replace('.', '/') + ".java"),
          JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return text;
        }
      });
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager standard = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
      Output output = new Output(standard, Map.of());
      boolean ok = compiler.getTask(null, output, diagnostics, List.of("-proc:none", "-nowarn", "-g", "-classpath",
          "", "-Xlint:none"), null, sources).call();
      if (!ok) {
        throw new IllegalStateException("the UDF classes do not compile: " + diagnostics.getDiagnostics());
      }
      return Map.copyOf(output.classes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** javac's message, with "cannot find symbol ... class X" worded as Cassandra's compiler words it. */
  private static String describe(Diagnostic<? extends JavaFileObject> d) {
    String m = d.getMessage(Locale.ROOT);
    if (d.getCode() != null && d.getCode().equals("compiler.err.cant.resolve.location")
        || m.startsWith("cannot find symbol")) {
      int i = m.indexOf("symbol:");
      if (i >= 0) {
        String symbol = m.substring(i + "symbol:".length()).trim();
        int nl = symbol.indexOf('\n');
        symbol = nl >= 0 ? symbol.substring(0, nl).trim() : symbol;
        if (symbol.startsWith("class ")) {
          return symbol.substring("class ".length()) + " cannot be resolved to a type";
        }
        if (symbol.startsWith("variable ")) {
          return symbol.substring("variable ".length()) + " cannot be resolved";
        }
      }
    }
    if (m.startsWith("package ") && m.endsWith(" does not exist")) {
      return m.substring("package ".length(), m.length() - " does not exist".length()) + " cannot be resolved to a type";
    }
    int nl = m.indexOf('\n');
    return nl >= 0 ? m.substring(0, nl) : m;
  }

  static boolean visible(String binaryName) {
    int dot = binaryName.lastIndexOf('.');
    if (dot < 0) {
      return false;
    }
    String pkg = binaryName.substring(0, dot);
    if (pkg.equals(PACKAGE)) {
      return true;
    }
    if (pkg.startsWith(PACKAGE)) {
      return true;
    }
    String outer = binaryName.indexOf('$') >= 0 ? binaryName.substring(0, binaryName.indexOf('$')) : binaryName;
    if (UdfApi.offered(outer)) {
      return true;
    }
    return ALLOWED_PACKAGES.contains(pkg) && !DENIED_CLASSES.contains(outer);
  }

  /** Collects the class files in memory and hides what the sandbox does not offer. */
  private static final class Output extends ForwardingJavaFileManager<StandardJavaFileManager> {

    final Map<String, byte[]> classes = new HashMap<>();
    private final Map<String, byte[]> classPath;

    Output(StandardJavaFileManager standard, Map<String, byte[]> classPath) {
      super(standard);
      this.classPath = classPath;
    }

    @Override
    public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
        boolean recurse) throws IOException {
      if (location == StandardLocation.CLASS_PATH) {
        List<JavaFileObject> found = new ArrayList<>();
        if (kinds.contains(JavaFileObject.Kind.CLASS)) {
          for (Map.Entry<String, byte[]> c : classPath.entrySet()) {
            int dot = c.getKey().lastIndexOf('.');
            String pkg = c.getKey().substring(0, dot);
            if (pkg.equals(packageName) || (recurse && pkg.startsWith(packageName + "."))) {
              found.add(new ClassPathFile(c.getKey(), c.getValue()));
            }
          }
        }
        return found;
      }
      if (location == StandardLocation.SOURCE_PATH || location == StandardLocation.ANNOTATION_PROCESSOR_PATH) {
        return List.of();
      }
      return super.list(location, packageName, kinds, recurse);
    }

    @Override
    public String inferBinaryName(Location location, JavaFileObject file) {
      if (file instanceof ClassPathFile c) {
        return c.binaryName;
      }
      return super.inferBinaryName(location, file);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
        FileObject sibling) {
      return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
        @Override
        public OutputStream openOutputStream() {
          return new ByteArrayOutputStream() {
            @Override
            public void close() throws IOException {
              super.close();
              classes.put(className, toByteArray());
            }
          };
        }
      };
    }
  }

  /** A compiled {@link UdfApi} class offered to javac on the class path. */
  private static final class ClassPathFile extends SimpleJavaFileObject {

    final String binaryName;
    private final byte[] bytes;

    ClassPathFile(String binaryName, byte[] bytes) {
      super(URI.create("mem:///" + binaryName.replace('.', '/') + ".class"), JavaFileObject.Kind.CLASS);
      this.binaryName = binaryName;
      this.bytes = bytes;
    }

    @Override
    public InputStream openInputStream() {
      return new ByteArrayInputStream(bytes);
    }
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

    private final Map<String, byte[]> classes;

    SandboxLoader(Map<String, byte[]> classes, ClassLoader api) {
      super(api);
      this.classes = Map.copyOf(classes);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!visible(name) && !name.startsWith("java.lang.invoke.") && !name.equals("java.lang.Object")) {
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
