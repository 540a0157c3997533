/** The driver-based load program: workloads, the closed-loop runner and latency reporting. */
package dev.ringlet.bench.load;
