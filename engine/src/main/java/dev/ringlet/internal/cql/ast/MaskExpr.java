package dev.ringlet.internal.cql.ast;

import java.util.List;

/**
 * {@code MASKED WITH f(a, b)} or {@code MASKED WITH DEFAULT} (then {@code system.mask_default}
 * with no arguments): the function and the arguments after the masked value.
 */
public record MaskExpr(QualifiedName function, List<Term> arguments) {

  public MaskExpr {
    arguments = List.copyOf(arguments);
  }
}
