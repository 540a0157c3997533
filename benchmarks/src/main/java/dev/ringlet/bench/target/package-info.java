/** The servers the benchmarks run against: Ringlet in this JVM, the standalone jar, the no-op baseline, Cassandra. */
package dev.ringlet.bench.target;
