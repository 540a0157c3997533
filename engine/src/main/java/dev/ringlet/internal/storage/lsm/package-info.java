/**
 * The log-structured table store: commit log → memtable → SSTables → compaction, behind the
 * {@link dev.ringlet.internal.storage.TableStore} seam. Reads merge every source with Cassandra's
 * reconciliation; flushes and compactions run in the background and swap immutable views.
 */
package dev.ringlet.internal.storage.lsm;
