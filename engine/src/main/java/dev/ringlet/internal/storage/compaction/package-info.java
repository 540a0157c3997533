/**
 * Compaction: which SSTables to merge (size-tiered, leveled, time-window, per the table's
 * {@code compaction} option) and what a merge may drop (shadowed data always; tombstones and expired
 * TTL data only after {@code gc_grace_seconds} and only when no other source could hold data they shadow).
 */
package dev.ringlet.internal.storage.compaction;
