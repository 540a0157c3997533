/** The storage seam and its in-memory implementation of Cassandra's data model: cells, rows, partitions, tombstones. */
package dev.ringlet.internal.storage;
