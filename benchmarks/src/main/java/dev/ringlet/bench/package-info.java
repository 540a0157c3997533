/**
 * Ringlet's benchmarks: the command-line entry ({@link dev.ringlet.bench.BenchMain}) for the load
 * program, start-up, footprint and test-suite measurements and the report; JMH benchmarks live in
 * {@code dev.ringlet.bench.jmh}. Not part of the normal build (Maven profile {@code bench}).
 */
package dev.ringlet.bench;
