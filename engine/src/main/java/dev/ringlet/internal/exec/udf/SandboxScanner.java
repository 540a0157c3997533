package dev.ringlet.internal.exec.udf;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Walks an analyzed UDF class and reports every use of a class outside the sandbox's view: a name
 * that resolves to such a class or to one of its members, or an expression of such a type
 * ({@code var t = ...}), as "X cannot be resolved to a type" on the body's line.
 */
final class SandboxScanner extends TreePathScanner<Void, Void> {

  private final Trees trees;
  private final SourcePositions positions;
  private final CompilationUnitTree unit;
  private final int firstBodyLine;
  private final List<String> errors;
  private final CharSequence source;

  SandboxScanner(JavacTask task, CompilationUnitTree unit, CharSequence source, int firstBodyLine, List<String> errors) {
    this.source = source;
    this.trees = Trees.instance(task);
    this.positions = trees.getSourcePositions();
    this.unit = unit;
    this.firstBodyLine = firstBodyLine;
    this.errors = errors;
  }

  @Override
  public Void scan(Tree tree, Void unused) {
    if (tree != null && tree.getKind() != Tree.Kind.IMPORT && tree.getKind() != Tree.Kind.PACKAGE) {
      TreePath path = new TreePath(getCurrentPath() == null ? new TreePath(unit) : getCurrentPath(), tree);
      check(path, tree);
    }
    if (tree != null && (tree.getKind() == Tree.Kind.IMPORT || tree.getKind() == Tree.Kind.PACKAGE)) {
      return null;
    }
    return super.scan(tree, unused);
  }

  /** Reports the first violation: a class named in the source (as written), else any other use. */
  void report() {
    long[] best = {Long.MAX_VALUE, Long.MAX_VALUE};
    String text = null;
    for (int pass = 0; pass < 2 && text == null; pass++) {
      for (Violation v : violations) {
        if ((pass == 0) == v.named() && v.position() < best[0]) {
          best[0] = v.position();
          text = v.text();
        }
      }
    }
    if (text != null) {
      long line = best[0] < 0 ? firstBodyLine : lineOf(best[0]);
      errors.add("Line " + Math.max(line - firstBodyLine + 1, 1) + ": " + text + " cannot be resolved to a type");
    }
  }

  /** A use of a class outside the sandbox; {@code named} when the source names the class itself. */
  private record Violation(long position, String text, boolean named) {}

  private final List<Violation> violations = new java.util.ArrayList<>();

  private void check(TreePath path, Tree tree) {
    Element e = trees.getElement(path);
    String denied = null;
    if (e != null) {
      TypeElement owner = outermostType(e);
      if (owner != null && !JavaUdfs.visible(binaryName(owner))) {
        long start = positions.getStartPosition(unit, tree);
        long end = positions.getEndPosition(unit, tree);
        boolean named = e instanceof TypeElement
            && (tree.getKind() == Tree.Kind.IDENTIFIER || tree.getKind() == Tree.Kind.MEMBER_SELECT);
        String text = named && start >= 0 && end > start && end <= source.length()
            ? source.subSequence((int) start, (int) end).toString() : owner.getSimpleName().toString();
        violations.add(new Violation(start, text, named));
        return;
      }
    }
    if (denied == null) {
      TypeMirror type = trees.getTypeMirror(path);
      while (type instanceof ArrayType a) {
        type = a.getComponentType();
      }
      if (type instanceof DeclaredType d && d.asElement() instanceof TypeElement te) {
        TypeElement outer = outermostType(te);
        if (outer != null && !JavaUdfs.visible(binaryName(outer))) {
          denied = outer.getSimpleName().toString();
        }
      }
    }
    if (denied != null) {
      violations.add(new Violation(positions.getStartPosition(unit, tree), denied, false));
    }
  }

  private long lineOf(long pos) {
    long line = 1;
    for (int i = 0; i < pos && i < source.length(); i++) {
      if (source.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static TypeElement outermostType(Element e) {
    TypeElement found = null;
    for (Element x = e; x != null; x = x.getEnclosingElement()) {
      if (x instanceof TypeElement t) {
        found = t;
      }
    }
    return found;
  }

  private String binaryName(TypeElement t) {
    return t.getQualifiedName().toString();
  }
}
