/**
 * Cassandra's data model (cells, rows, partitions, every kind of tombstone, reconciliation), the
 * {@link dev.ringlet.internal.storage.TableStore} seam the executor uses, the memtable, and a node's
 * {@link dev.ringlet.internal.storage.Storage}. The log-structured engine behind the seam is in the
 * subpackages: {@code lsm} (the table store), {@code sstable}, {@code commitlog}, {@code compaction}.
 * {@link dev.ringlet.internal.storage.MemoryTableStore} still holds generated system tables.
 */
package dev.ringlet.internal.storage;
