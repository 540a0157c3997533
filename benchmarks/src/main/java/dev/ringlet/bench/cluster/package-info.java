/** The {@code cluster} command: start-up, heap per node and QUORUM throughput of in-JVM multi-node clusters. */
package dev.ringlet.bench.cluster;
