package dev.ringlet.internal.node;

import dev.ringlet.internal.cql.ast.QualifiedName;
import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.parse.Identifiers;
import dev.ringlet.internal.exec.ClientSession;
import dev.ringlet.internal.exec.QueryOptions;
import dev.ringlet.internal.exec.QueryProcessor;
import dev.ringlet.internal.exec.Result;
import dev.ringlet.internal.exec.ddl.SystemNames;
import dev.ringlet.internal.exec.describe.DescribeExecutor;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.UserType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A durable node's user schema, kept as the CQL that recreates it ({@code schema.cql} in the node's
 * directory): rewritten after every schema change, executed at start before the commit log is
 * replayed. Table ids are not kept (CREATE TABLE makes new ones); storage finds a table's files by
 * keyspace and name. Not kept either: the times of dropped columns (data of a column dropped before
 * a restart stays hidden only until it is re-added).
 */
final class SchemaFile {

  private static final String SEPARATOR = "\n-- ringlet:statement\n";

  private SchemaFile() {}

  static void write(Path file, Schema schema) {
    StringBuilder out = new StringBuilder("-- Ringlet user schema, rewritten after every schema change\n");
    for (KeyspaceMetadata ks : schema.keyspaces().values()) {
      if (SystemNames.isSystem(ks.name()) || ks.virtual()) {
        continue;
      }
      Result r = DescribeExecutor.describe(new Statement.Describe("KEYSPACE", new QualifiedName(null, ks.name()), false, false,
          List.of()), schema, new ClientSession());
      List<List<ByteBuffer>> rows = ((Result.Rows) r).rows();
      out.append(SEPARATOR).append(text(rows.get(0).get(3)));
      for (UserType t : typesInOrder(ks)) {
        out.append(SEPARATOR).append(createType(t));
      }
      for (int i = 1; i < rows.size(); i++) {
        if (!"type".equals(text(rows.get(i).get(1)))) { // types come first, in dependency order, above
          out.append(SEPARATOR).append(text(rows.get(i).get(3)));
        }
      }
    }
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, out.toString(), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the schema to " + file + ": " + e.getMessage(), e);
    }
  }

  /** Executes the saved statements, if any. */
  static void load(Path file, QueryProcessor processor) {
    if (!Files.exists(file)) {
      return;
    }
    String all;
    try {
      all = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the schema from " + file + ": " + e.getMessage(), e);
    }
    String[] statements = all.split(SEPARATOR);
    ClientSession session = new ClientSession();
    for (int i = 1; i < statements.length; i++) {
      processor.query(statements[i], QueryOptions.simple(List.of()), session);
    }
  }

  private static String text(ByteBuffer b) {
    return StandardCharsets.UTF_8.decode(b.duplicate()).toString();
  }

  /** User types, each after the types its fields use. */
  private static List<UserType> typesInOrder(KeyspaceMetadata ks) {
    Set<String> done = new LinkedHashSet<>();
    List<UserType> ordered = new ArrayList<>();
    List<UserType> pending = new ArrayList<>(ks.types().values());
    while (!pending.isEmpty()) {
      boolean progress = false;
      for (UserType t : new ArrayList<>(pending)) {
        boolean ready = true;
        for (CqlType f : t.fieldTypes()) {
          for (UserType used : ks.types().values()) {
            if (!used.name().equals(t.name()) && !done.contains(used.name())
                && java.util.regex.Pattern.compile("(^|[^A-Za-z0-9_\"])" + java.util.regex.Pattern.quote(
                    used.freeze().cql().substring("frozen<".length()).replace(">", "")) + "($|[^A-Za-z0-9_\"])")
                .matcher(f.cql()).find()) {
              ready = false;
            }
          }
        }
        if (ready) {
          ordered.add(t);
          done.add(t.name());
          pending.remove(t);
          progress = true;
        }
      }
      if (!progress) {
        ordered.addAll(pending);
        break;
      }
    }
    return ordered;
  }

  private static String createType(UserType t) {
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < t.fieldNames().size(); i++) {
      fields.add(Identifiers.maybeQuote(t.fieldNames().get(i)) + " " + t.fieldTypes().get(i).cql());
    }
    return "CREATE TYPE " + Identifiers.maybeQuote(t.keyspace()) + "." + Identifiers.maybeQuote(t.name()) + " ("
        + String.join(", ", fields) + ");";
  }
}
