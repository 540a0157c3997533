package dev.ringlet.internal.exec.udf;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.schema.UserFunction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
 * {@code java.time} and {@code java.util} (not its concurrency or logging subpackages, nor
 * {@code java.lang.Class}), and against none of Ringlet's classes; naming anything else fails compilation with "cannot be
 * resolved to a type". The loaded class's loader refuses the same classes at run time. Limits:
 * methods of visible classes are not filtered ({@code System.exit} compiles, as it does in
 * Cassandra 5.0, and is not stopped), and there is no execution timeout.
 */
public final class JavaUdfs {

  private static final Set<String> ALLOWED_PACKAGES = Set.of("java.lang", "java.math", "java.nio", "java.text",
      "java.time", "java.time.format", "java.time.temporal", "java.util", "java.util.function", "java.util.stream");
  private static final Set<String> DENIED_CLASSES = Set.of("java.lang.Thread", "java.lang.ThreadGroup",
      "java.lang.ThreadLocal", "java.lang.InheritableThreadLocal", "java.lang.Runtime", "java.lang.Process",
      "java.lang.ProcessBuilder", "java.lang.ProcessHandle", "java.lang.ClassLoader", "java.lang.SecurityManager",
      "java.lang.Module", "java.lang.ModuleLayer", "java.lang.StackWalker", "java.lang.Compiler",
      "java.lang.ScopedValue", "java.lang.VirtualThread", "java.nio.MappedByteBuffer", "java.util.Timer",
      "java.util.TimerTask", "java.util.ServiceLoader", "java.lang.Class");
  private static final String PACKAGE = "ringlet.udf";

  private final Map<UserFunction, CompiledUdf> cache = new ConcurrentHashMap<>();
  private final AtomicLong classes = new AtomicLong();
  private StandardJavaFileManager fileManager;

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
    src.append("import java.nio.ByteBuffer; import java.util.*; import java.math.*;\n");
    src.append("public final class ").append(className).append(" {\n");
    src.append("  public static ").append(UdfTypes.javaType(function.returnType())).append(" execute(");
    for (int i = 0; i < function.argumentNames().size(); i++) {
      if (i > 0) {
        src.append(", ");
      }
      src.append(UdfTypes.javaType(function.argumentTypes().get(i))).append(' ')
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
    Output output = new Output(fileManager);
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
      Class<?> type = new SandboxLoader(output.classes).loadClass(PACKAGE + "." + className);
      Method execute = null;
      for (Method m : type.getMethods()) {
        if (m.getName().equals("execute")) {
          execute = m;
        }
      }
      return new CompiledUdf(function, execute);
    } catch (ClassNotFoundException | LinkageError e) {
      throw CqlException.invalid("Java source compilation failed:\n" + e);
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
    return ALLOWED_PACKAGES.contains(pkg) && !DENIED_CLASSES.contains(outer);
  }

  /** Collects the class files in memory and hides what the sandbox does not offer. */
  private static final class Output extends ForwardingJavaFileManager<StandardJavaFileManager> {

    final Map<String, byte[]> classes = new HashMap<>();

    Output(StandardJavaFileManager standard) {
      super(standard);
    }

    @Override
    public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
        boolean recurse) throws IOException {
      if (location == StandardLocation.CLASS_PATH || location == StandardLocation.SOURCE_PATH
          || location == StandardLocation.ANNOTATION_PROCESSOR_PATH) {
        return List.of();
      }
      return super.list(location, packageName, kinds, recurse);
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

  /** Defines the compiled classes; resolves nothing outside the sandbox's view. */
  private static final class SandboxLoader extends ClassLoader {

    private final Map<String, byte[]> classes;

    SandboxLoader(Map<String, byte[]> classes) {
      super(null);
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
