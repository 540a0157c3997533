/**
 * Immutable sorted table files (SSTables): the data file in checksummed, compressed chunks, the
 * partition index with its sampled summary and per-partition index blocks, the bloom filter,
 * statistics and table of contents. The byte layout is in {@code SSTableFormat.md} beside this code.
 * Files live in a {@link dev.ringlet.internal.storage.sstable.Directory}: a real directory, or
 * heap-resident images for the in-memory mode.
 */
package dev.ringlet.internal.storage.sstable;
