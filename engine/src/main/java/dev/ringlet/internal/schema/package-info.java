/**
 * Immutable schema snapshots: keyspaces, tables, columns and their options.
 *
 * <p>Options are validated once, where a statement brings them in: {@link
 * dev.ringlet.internal.schema.TableParams#withOptions} for a table's {@code WITH} options (with
 * {@link dev.ringlet.internal.schema.CachingParams}, {@link dev.ringlet.internal.schema.CompactionParams},
 * {@link dev.ringlet.internal.schema.CompressionParams}) and {@link
 * dev.ringlet.internal.schema.ReplicationParams#fromOptions} for a keyspace's replication, each with
 * Cassandra 5.0's error codes and messages word for word.
 */
package dev.ringlet.internal.schema;
