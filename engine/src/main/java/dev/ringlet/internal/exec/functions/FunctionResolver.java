package dev.ringlet.internal.exec.functions;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.types.CqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Picks the overload of a call as Cassandra's {@code FunctionResolver} does: a single overload is
 * validated argument by argument; otherwise, among the overloads whose result the receiver (for
 * terms) can take, the first exact match, else the only compatible one; else the call is ambiguous
 * or matches nothing.
 */
final class FunctionResolver {

  private FunctionResolver() {}

  /**
   * @param called the name as called, for messages ({@code abs}, {@code system.abs})
   * @param receiver the type the result is assigned to, or null in a selection
   */
  static NativeFunction pick(String called, List<? extends NativeFunction> candidates, List<FunctionArg> args,
      CqlType receiver) {
    if (candidates.size() == 1) {
      NativeFunction only = candidates.get(0);
      validate(only, args);
      return only;
    }
    List<NativeFunction> compatible = new ArrayList<>();
    for (NativeFunction f : candidates) {
      if (receiver != null && !FunctionArg.valueCompatible(receiver, f.returnType())) {
        continue; // 5.0's matchReturnType: a result the receiver cannot take rules the overload out
      }
      FunctionArg.Fit fit = fit(f, args);
      if (fit == FunctionArg.Fit.EXACT) {
        return f;
      }
      if (fit == FunctionArg.Fit.WEAK) {
        compatible.add(f);
      }
    }
    if (compatible.isEmpty()) {
      throw CqlException.invalid("Invalid call to function " + called + ", none of its type signatures match"
          + " (known type signatures: " + signatures(candidates) + ")");
    }
    if (compatible.size() > 1) {
      throw CqlException.invalid("Ambiguous call to function " + called + " (can be matched by following signatures: "
          + signatures(compatible) + "): use type casts to disambiguate");
    }
    return compatible.get(0);
  }

  /** The checks of a call to a function with a single overload, with Cassandra's messages. */
  static void validate(NativeFunction f, List<FunctionArg> args) {
    if (args.size() != f.argTypes().size()) {
      throw CqlException.invalid("Invalid number of arguments in call to function " + NativeFunction.qualified(f.name()) + ": "
          + f.argTypes().size() + " required but " + args.size() + " provided");
    }
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).fit(f.argTypes().get(i)) == FunctionArg.Fit.NONE) {
        throw CqlException.invalid("Type error: " + args.get(i).text() + " cannot be passed as argument " + i
            + " of function " + NativeFunction.qualified(f.name()) + " of type " + f.argTypes().get(i).cql());
      }
    }
  }

  private static FunctionArg.Fit fit(NativeFunction f, List<FunctionArg> args) {
    if (args.size() != f.argTypes().size()) {
      return FunctionArg.Fit.NONE;
    }
    FunctionArg.Fit result = FunctionArg.Fit.EXACT;
    for (int i = 0; i < args.size(); i++) {
      FunctionArg.Fit fit = args.get(i).fit(f.argTypes().get(i));
      if (fit == FunctionArg.Fit.NONE) {
        return fit;
      }
      if (fit == FunctionArg.Fit.WEAK) {
        result = fit;
      }
    }
    return result;
  }

  private static String signatures(List<? extends NativeFunction> functions) {
    return functions.stream().map(NativeFunction::signature).collect(Collectors.joining(", "));
  }
}
