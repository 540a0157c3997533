package dev.ringlet.internal.schema;

import dev.ringlet.internal.types.CqlType;

/**
 * A column dropped from a table: data written to it at or before {@code droppedTimeMicros} is gone,
 * even if a column of that name is added again.
 */
public record DroppedColumn(String name, CqlType type, boolean isStatic, long droppedTimeMicros) {}
