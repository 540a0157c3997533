/**
 * The commit log: every write is appended here (checksummed) before it reaches a memtable, synced
 * as the {@code commitlog_sync} mode says, and replayed on start into the memtables of the tables it
 * has not yet been flushed for. Layout and sync semantics are in {@code CommitLogFormat.md}.
 */
package dev.ringlet.internal.storage.commitlog;
