package dev.ringlet.internal.cql.ast;

import java.util.List;

/**
 * A parsed CQL statement. Every statement records how many bind markers it has and, for named
 * markers, their names by index ({@link #boundNames}: null entries for {@code ?}).
 */
public sealed interface Statement {

  /** Names of the bind markers by index; a null entry is a positional {@code ?}. */
  List<String> boundNames();

  // ---------------------------------------------------------------- DML

  /** {@code SELECT}. {@code selectors} is empty for {@code *}. {@code limit}/{@code perPartitionLimit} null when absent. */
  record Select(
      QualifiedName table,
      boolean json,
      boolean distinct,
      List<Selector.Aliased> selectors,
      List<Relation> where,
      List<Selector> groupBy,
      List<Ordering> orderBy,
      Term perPartitionLimit,
      Term limit,
      boolean allowFiltering,
      List<String> boundNames)
      implements Statement {}

  /** Marker of the statements allowed inside a BATCH. */
  sealed interface Modification extends Statement {
    QualifiedName table();

    Using using();
  }

  /** {@code INSERT INTO t (cols) VALUES (terms)}. */
  record Insert(
      QualifiedName table,
      List<String> columns,
      List<Term> values,
      boolean ifNotExists,
      Using using,
      List<String> boundNames)
      implements Modification {}

  /** {@code INSERT INTO t JSON 'text' [DEFAULT NULL|UNSET]}; {@code json} a STRING constant or marker. */
  record InsertJson(
      QualifiedName table,
      Term json,
      boolean defaultUnset,
      boolean ifNotExists,
      Using using,
      List<String> boundNames)
      implements Modification {}

  /** {@code UPDATE}; {@code ifExists} and {@code conditions} are exclusive. */
  record Update(
      QualifiedName table,
      Using using,
      List<Assignment> assignments,
      List<Relation> where,
      boolean ifExists,
      List<Condition> conditions,
      List<String> boundNames)
      implements Modification {}

  /** {@code DELETE}; {@code targets} empty deletes whole rows. */
  record Delete(
      QualifiedName table,
      List<Deletion> targets,
      Using using,
      List<Relation> where,
      boolean ifExists,
      List<Condition> conditions,
      List<String> boundNames)
      implements Modification {}

  /** {@code BEGIN [UNLOGGED|COUNTER] BATCH ... APPLY BATCH}. Bind indexes run across the whole batch. */
  record Batch(Type type, Using using, List<Modification> statements, List<String> boundNames)
      implements Statement {
    public enum Type {
      LOGGED,
      UNLOGGED,
      COUNTER
    }
  }

  // ---------------------------------------------------------------- keyspaces and tables

  record Use(String keyspace, List<String> boundNames) implements Statement {}

  record CreateKeyspace(String keyspace, boolean ifNotExists, Properties properties, List<String> boundNames)
      implements Statement {}

  record AlterKeyspace(String keyspace, boolean ifExists, Properties properties, List<String> boundNames)
      implements Statement {}

  record DropKeyspace(String keyspace, boolean ifExists, List<String> boundNames) implements Statement {}

  /**
   * {@code CREATE TABLE}. {@code partitionKey} and {@code clusteringColumns} name the key columns
   * (from {@code PRIMARY KEY (...)} or an inline {@code PRIMARY KEY}); {@code clusteringOrder} from
   * {@code WITH CLUSTERING ORDER BY}; {@code properties} the other WITH options.
   */
  record CreateTable(
      QualifiedName table,
      boolean ifNotExists,
      List<ColumnDefinition> columns,
      List<String> partitionKey,
      List<String> clusteringColumns,
      List<Ordering> clusteringOrder,
      boolean compactStorage,
      Properties properties,
      List<String> boundNames)
      implements Statement {}

  /** {@code ALTER TABLE}; exactly one of the actions. */
  record AlterTable(QualifiedName table, boolean ifExists, AlterTableAction action, List<String> boundNames)
      implements Statement {}

  sealed interface AlterTableAction {
    record Add(List<ColumnDefinition> columns, boolean ifNotExists) implements AlterTableAction {}

    record Drop(List<String> columns, boolean ifExists, Term timestamp) implements AlterTableAction {}

    /** {@code RENAME a TO b AND c TO d}. */
    record Rename(List<String> from, List<String> to, boolean ifExists) implements AlterTableAction {}

    record With(Properties properties) implements AlterTableAction {}

    /** {@code ALTER [IF EXISTS] col MASKED WITH ...} or, with a null mask, {@code ALTER col DROP MASKED}. */
    record Mask(String column, boolean ifColumnExists, MaskExpr mask) implements AlterTableAction {}

    /** {@code ALTER col TYPE t} (refused by Cassandra 5.0, kept for its error). */
    record AlterType(String column, TypeExpr type) implements AlterTableAction {}
  }

  record DropTable(QualifiedName table, boolean ifExists, List<String> boundNames) implements Statement {}

  record Truncate(QualifiedName table, List<String> boundNames) implements Statement {}

  // ---------------------------------------------------------------- types, indexes, views

  record CreateType(QualifiedName type, boolean ifNotExists, List<String> fieldNames, List<TypeExpr> fieldTypes, List<String> boundNames)
      implements Statement {}

  /** {@code ALTER TYPE}: ADD field type | RENAME a TO b AND ... ; exactly one of add/rename. */
  record AlterType(
      QualifiedName type,
      boolean ifExists,
      String addField,
      TypeExpr addType,
      boolean ifFieldNotExists,
      List<String> renameFrom,
      List<String> renameTo,
      List<String> boundNames)
      implements Statement {}

  record DropType(QualifiedName type, boolean ifExists, List<String> boundNames) implements Statement {}

  /**
   * {@code CREATE [CUSTOM] INDEX [IF NOT EXISTS] [name] ON t (target) [USING 'class'] [WITH OPTIONS = {...}]}.
   * {@code targetKind} is VALUES, KEYS, ENTRIES, FULL or SIMPLE; {@code name} null when absent.
   */
  record CreateIndex(
      String name,
      QualifiedName table,
      String targetColumn,
      String targetKind,
      boolean ifNotExists,
      boolean custom,
      String using,
      Properties properties,
      List<String> boundNames)
      implements Statement {}

  record DropIndex(QualifiedName index, boolean ifExists, List<String> boundNames) implements Statement {}

  record CreateMaterializedView(
      QualifiedName view,
      boolean ifNotExists,
      QualifiedName baseTable,
      List<Selector.Aliased> selectors,
      List<Relation> where,
      List<String> partitionKey,
      List<String> clusteringColumns,
      List<Ordering> clusteringOrder,
      Properties properties,
      List<String> boundNames)
      implements Statement {}

  record AlterMaterializedView(QualifiedName view, boolean ifExists, Properties properties, List<String> boundNames)
      implements Statement {}

  record DropMaterializedView(QualifiedName view, boolean ifExists, List<String> boundNames) implements Statement {}

  // ---------------------------------------------------------------- functions

  record CreateFunction(
      QualifiedName function,
      boolean orReplace,
      boolean ifNotExists,
      List<String> argumentNames,
      List<TypeExpr> argumentTypes,
      boolean calledOnNullInput,
      TypeExpr returnType,
      String language,
      String body,
      boolean deterministic,
      boolean monotonic,
      List<String> boundNames)
      implements Statement {}

  /** {@code argumentTypes} null when the drop names no signature. */
  record DropFunction(QualifiedName function, boolean ifExists, List<TypeExpr> argumentTypes, List<String> boundNames)
      implements Statement {}

  record CreateAggregate(
      QualifiedName aggregate,
      boolean orReplace,
      boolean ifNotExists,
      List<TypeExpr> argumentTypes,
      String stateFunction,
      TypeExpr stateType,
      String finalFunction,
      Term initialCondition,
      List<String> boundNames)
      implements Statement {}

  record DropAggregate(QualifiedName aggregate, boolean ifExists, List<TypeExpr> argumentTypes, List<String> boundNames)
      implements Statement {}

  // ---------------------------------------------------------------- roles and permissions

  /** CREATE/ALTER ROLE and CREATE/ALTER USER; options: PASSWORD, LOGIN, SUPERUSER, OPTIONS, ACCESS TO DATACENTERS ... */
  record CreateRole(String role, boolean ifNotExists, boolean user, Properties options, List<String> boundNames)
      implements Statement {}

  record AlterRole(String role, boolean ifExists, boolean user, Properties options, List<String> boundNames)
      implements Statement {}

  record DropRole(String role, boolean ifExists, boolean user, List<String> boundNames) implements Statement {}

  record GrantRole(String role, String grantee, List<String> boundNames) implements Statement {}

  record RevokeRole(String role, String grantee, List<String> boundNames) implements Statement {}

  /** {@code LIST ROLES [OF r] [NORECURSIVE]}, {@code LIST USERS}. */
  record ListRoles(String of, boolean recursive, boolean users, List<String> boundNames) implements Statement {}

  /**
   * GRANT/REVOKE/LIST permission(s) ON resource TO/FROM/OF role. {@code permissions} upper-case names
   * or "ALL"; {@code resource} as Cassandra names it ("data", "data/ks", "data/ks/t", "roles/r",
   * "functions/ks/f(int)", "mbean/..."); {@code role} null for LIST without OF.
   */
  record Permissions(Kind kind, List<String> permissions, String resource, String role, boolean recursive, List<String> boundNames)
      implements Statement {
    public enum Kind {
      GRANT,
      REVOKE,
      LIST
    }
  }

  // ---------------------------------------------------------------- describe

  /**
   * {@code DESCRIBE [ONLY] KEYSPACES | KEYSPACE [ks] | TABLES | TABLE t | TYPES | TYPE t | FUNCTIONS |
   * FUNCTION f | AGGREGATES | AGGREGATE a | INDEX i | MATERIALIZED VIEW v | CLUSTER | SCHEMA | FULL SCHEMA
   * | name} [WITH INTERNALS]. {@code kind} upper-case like "KEYSPACE"; {@code name} null when absent.
   */
  record Describe(String kind, QualifiedName name, boolean only, boolean withInternals, List<String> boundNames)
      implements Statement {}
}
