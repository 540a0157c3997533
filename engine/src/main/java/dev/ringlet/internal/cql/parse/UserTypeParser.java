package dev.ringlet.internal.cql.parse;

import dev.ringlet.internal.cql.ast.QualifiedName;
import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.ast.TypeExpr;
import dev.ringlet.internal.error.CqlException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CREATE/ALTER/DROP TYPE}. {@code ALTER TYPE ... RENAME IF EXISTS} parses, but the AST has
 * no place for that IF EXISTS, so it is dropped.
 */
final class UserTypeParser {

  private final ParseContext ctx;
  private final TokenStream tokens;

  UserTypeParser(ParseContext ctx) {
    this.ctx = ctx;
    this.tokens = ctx.tokens;
  }

  Statement.CreateType create() {
    tokens.expect("CREATE");
    tokens.expect("TYPE");
    boolean ifNotExists = ctx.ifNotExists();
    QualifiedName name = ctx.names.typeName();
    tokens.expect("(");
    List<String> fields = new ArrayList<>();
    List<TypeExpr> types = new ArrayList<>();
    // '(' field type (',' (field type)?)* ')': at least one field, a trailing comma tolerated
    boolean first = true;
    do {
      if (!first && tokens.at(")")) break;
      first = false;
      fields.add(ctx.names.ident());
      types.add(ctx.types.type());
    } while (tokens.accept(","));
    tokens.expect(")");
    return new Statement.CreateType(name, ifNotExists, fields, types, ctx.boundNames());
  }

  Statement.AlterType alter() {
    tokens.expect("ALTER");
    tokens.expect("TYPE");
    boolean ifExists = ctx.ifExists();
    QualifiedName name = ctx.names.typeName();
    if (tokens.accept("ADD")) {
      boolean ifFieldNotExists = ctx.ifNotExists();
      String field = ctx.names.ident();
      TypeExpr type = ctx.types.type();
      return new Statement.AlterType(name, ifExists, field, type, ifFieldNotExists, null, null, ctx.boundNames());
    }
    if (tokens.accept("ALTER")) {
      ctx.names.ident();
      tokens.expect("TYPE");
      ctx.types.type();
      throw CqlException.invalid("Altering field types is no longer supported");
    }
    if (tokens.accept("RENAME")) {
      ctx.ifExists();
      List<String> from = new ArrayList<>();
      List<String> to = new ArrayList<>();
      do {
        from.add(ctx.names.ident());
        tokens.expect("TO");
        to.add(ctx.names.ident());
      } while (tokens.accept("AND"));
      return new Statement.AlterType(name, ifExists, null, null, false, from, to, ctx.boundNames());
    }
    throw tokens.noViableAlternative();
  }

  Statement.DropType drop() {
    tokens.expect("DROP");
    tokens.expect("TYPE");
    boolean ifExists = ctx.ifExists();
    return new Statement.DropType(ctx.names.typeName(), ifExists, ctx.boundNames());
  }
}
