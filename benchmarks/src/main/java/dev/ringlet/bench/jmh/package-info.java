/**
 * JMH micro-benchmarks of engine hot paths, through the engine's internal classes: CQL parsing,
 * Murmur3 tokens, the in-memory table store, and the query processor. Run with
 * {@code java -cp benchmarks/target/ringlet-benchmarks.jar org.openjdk.jmh.Main}.
 */
package dev.ringlet.bench.jmh;
