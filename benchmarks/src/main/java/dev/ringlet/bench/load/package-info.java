/** The driver-based load program: workloads, the closed-loop runner, latency reporting, and the soak. */
package dev.ringlet.bench.load;
