/** How the benchmarks configure the Cassandra Java driver. */
package dev.ringlet.bench.driver;
