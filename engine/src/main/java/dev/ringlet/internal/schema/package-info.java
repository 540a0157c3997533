/** Immutable schema snapshots: keyspaces, tables, columns and their options. */
package dev.ringlet.internal.schema;
