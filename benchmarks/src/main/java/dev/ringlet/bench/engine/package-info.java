/** Access to the engine's internal execution graph, for micro-benchmarks and for recording canned answers. */
package dev.ringlet.bench.engine;
