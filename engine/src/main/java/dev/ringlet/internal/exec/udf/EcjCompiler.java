package dev.ringlet.internal.exec.udf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.jdt.core.compiler.IProblem;
import org.eclipse.jdt.internal.compiler.ClassFile;
import org.eclipse.jdt.internal.compiler.CompilationResult;
import org.eclipse.jdt.internal.compiler.Compiler;
import org.eclipse.jdt.internal.compiler.DefaultErrorHandlingPolicies;
import org.eclipse.jdt.internal.compiler.ICompilerRequestor;
import org.eclipse.jdt.internal.compiler.classfmt.ClassFileReader;
import org.eclipse.jdt.internal.compiler.classfmt.ClassFormatException;
import org.eclipse.jdt.internal.compiler.env.ICompilationUnit;
import org.eclipse.jdt.internal.compiler.env.INameEnvironment;
import org.eclipse.jdt.internal.compiler.env.NameEnvironmentAnswer;
import org.eclipse.jdt.internal.compiler.impl.CompilerOptions;
import org.eclipse.jdt.internal.compiler.problem.DefaultProblemFactory;

/**
 * Compiles Java sources in memory with the Eclipse compiler (ECJ 3.33.0, the version Cassandra
 * 5.0 compiles its UDFs with; shaded into the engine artifact under {@code dev.ringlet.shaded}),
 * against a name environment that finds a class only where a given function hands out its class
 * file. No files, no JDK: the JDK's classes are read as resources of the running JVM
 * ({@code jrt:}), so a JRE is enough.
 *
 * <p>Options are 5.0's ({@code JavaBasedUDFunction}): source and target level as given (5.0: 11),
 * line numbers on, no source file attribute, deprecation ignored, literal expressions parsed as
 * constants, all problems collected. As in 5.0, a result with an error reports every problem of
 * its unit, warnings included.
 */
final class EcjCompiler {

  /**
   * What one compilation gave: the class files by binary name and the one ECJ handed over last
   * (5.0 keeps only that one, see {@code JavaUdfs}), or its problems.
   */
  record Result(Map<String, byte[]> classes, byte[] last, List<IProblem> problems) {

    boolean failed() {
      return !problems.isEmpty();
    }
  }

  private EcjCompiler() {}

  /**
   * Compiles {@code sources} (binary class name to text) with 5.0's options at source and target
   * {@code level} ("11"), finding other classes through {@code classFiles} (binary name to class
   * file, or null when there is none or it is not visible). Like 5.0, this leaves the compliance
   * level at ECJ's default, which some checks consult (a {@code switch} on a {@code String} or an
   * enum is refused); {@code compliance} sets it (for Ringlet's own sources), null keeps 5.0's.
   */
  static Result compile(Map<String, String> sources, String level, String compliance,
      Function<String, byte[]> classFiles) {
    Map<String, String> settings = new HashMap<>();
    settings.put(CompilerOptions.OPTION_LineNumberAttribute, CompilerOptions.GENERATE);
    settings.put(CompilerOptions.OPTION_SourceFileAttribute, CompilerOptions.DISABLED);
    settings.put(CompilerOptions.OPTION_ReportDeprecation, CompilerOptions.IGNORE);
    settings.put(CompilerOptions.OPTION_Source, level);
    settings.put(CompilerOptions.OPTION_TargetPlatform, level);
    if (compliance != null) {
      settings.put(CompilerOptions.OPTION_Compliance, compliance);
    }
    CompilerOptions options = new CompilerOptions(settings);
    options.parseLiteralExpressionsAsConstants = true;

    List<Unit> units = new ArrayList<>();
    for (Map.Entry<String, String> s : sources.entrySet()) {
      units.add(new Unit(s.getKey(), s.getValue()));
    }
    Map<String, byte[]> classes = new HashMap<>();
    List<IProblem> problems = new ArrayList<>();
    byte[][] last = new byte[1][];
    ICompilerRequestor requestor = (CompilationResult result) -> {
      if (result.hasErrors()) {
        Collections.addAll(problems, result.getProblems());
        return;
      }
      for (ClassFile file : result.getClassFiles()) {
        classes.put(new String(file.fileName()).replace('/', '.'), file.getBytes());
        last[0] = file.getBytes();
      }
    };
    Compiler compiler = new Compiler(new Environment(sources, classFiles),
        DefaultErrorHandlingPolicies.proceedWithAllProblems(), options, requestor,
        new DefaultProblemFactory(Locale.ENGLISH));
    compiler.compile(units.toArray(new ICompilationUnit[0]));
    return problems.isEmpty() ? new Result(Map.copyOf(classes), last[0], List.of())
        : new Result(Map.of(), null, List.copyOf(problems));
  }

  /** The class file of a JDK (or other class-path) class, as a resource of this JVM, or null. */
  static byte[] platformClass(String binaryName) {
    String path = binaryName.replace('.', '/') + ".class";
    try (InputStream in = ClassLoader.getSystemResourceAsStream(path)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One source to compile. */
  private static final class Unit implements ICompilationUnit {

    private final char[] contents;
    private final char[] mainTypeName;
    private final char[][] packageName;
    private final char[] fileName;

    Unit(String binaryName, String source) {
      this.contents = source.toCharArray();
      int dot = binaryName.lastIndexOf('.');
      this.mainTypeName = binaryName.substring(dot + 1).toCharArray();
      String[] parts = dot < 0 ? new String[0] : binaryName.substring(0, dot).split("\\.");
      this.packageName = new char[parts.length][];
      for (int i = 0; i < parts.length; i++) {
        packageName[i] = parts[i].toCharArray();
      }
      this.fileName = (binaryName.replace('.', '/') + ".java").toCharArray();
    }

    @Override
    public char[] getContents() {
      return contents;
    }

    @Override
    public char[] getMainTypeName() {
      return mainTypeName;
    }

    @Override
    public char[][] getPackageName() {
      return packageName;
    }

    @Override
    public char[] getFileName() {
      return fileName;
    }

    @Override
    public boolean ignoreOptionalProblems() {
      return false;
    }
  }

  /** Finds classes through a function; any other name is a package, as in 5.0's environment. */
  private static final class Environment implements INameEnvironment {

    private final Map<String, String> sources;
    private final Function<String, byte[]> classFiles;

    Environment(Map<String, String> sources, Function<String, byte[]> classFiles) {
      this.sources = sources;
      this.classFiles = classFiles;
    }

    @Override
    public NameEnvironmentAnswer findType(char[][] compoundTypeName) {
      return find(join(compoundTypeName, null));
    }

    @Override
    public NameEnvironmentAnswer findType(char[] typeName, char[][] packageName) {
      return find(join(packageName, typeName));
    }

    /**
     * 5.0's rule: a name is a package unless a class file of that name is visible (or it is a unit
     * being compiled); a capitalised name is one only inside a package.
     */
    @Override
    public boolean isPackage(char[][] parentPackageName, char[] packageName) {
      String parent = join(parentPackageName, null);
      if (Character.isUpperCase(packageName[0]) && !isPackage(parent)) {
        return false;
      }
      return isPackage(join(parentPackageName, packageName));
    }

    private boolean isPackage(String name) {
      return !sources.containsKey(name) && classFiles.apply(name) == null;
    }

    @Override
    public void cleanup() {}

    private NameEnvironmentAnswer find(String binaryName) {
      if (sources.containsKey(binaryName)) {
        return null;
      }
      byte[] bytes = classFiles.apply(binaryName);
      if (bytes == null) {
        return null;
      }
      try {
        // as 5.0 reads them: fully initialized, named by their binary name
        return new NameEnvironmentAnswer(new ClassFileReader(bytes, binaryName.toCharArray(), true), null);
      } catch (ClassFormatException e) {
        return null;
      }
    }

    private static String join(char[][] parts, char[] last) {
      StringBuilder s = new StringBuilder();
      if (parts != null) {
        for (char[] p : parts) {
          if (s.length() > 0) {
            s.append('.');
          }
          s.append(p);
        }
      }
      if (last != null) {
        if (s.length() > 0) {
          s.append('.');
        }
        s.append(last);
      }
      return s.toString();
    }
  }
}
