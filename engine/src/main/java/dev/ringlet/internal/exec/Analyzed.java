package dev.ringlet.internal.exec;

import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.exec.modify.ModificationStatement;
import dev.ringlet.internal.exec.select.SelectStatement;
import java.util.List;
import java.util.UUID;

/**
 * A statement parsed and checked against one schema version: what its markers receive, which of
 * them form the partition key, and what it returns. {@code select}/{@code write}/{@code batch}
 * hold the executable form of that kind; other statements run from {@code statement} itself.
 * {@code userFunctions} are the user-defined functions and aggregates its calls resolved to, whose
 * EXECUTE permission each execution checks.
 */
record Analyzed(
    Statement statement,
    SelectStatement select,
    ModificationStatement write,
    List<ModificationStatement> batch,
    List<ColumnSpec> variables,
    int[] partitionKeyIndexes,
    List<ColumnSpec> resultColumns,
    UUID schemaVersion,
    List<dev.ringlet.internal.exec.functions.NativeFunction> userFunctions) {}
