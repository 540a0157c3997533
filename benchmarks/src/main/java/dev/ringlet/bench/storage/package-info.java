/** The storage-engine benchmark: a dataset several times the memtable through the log-structured store. */
package dev.ringlet.bench.storage;
