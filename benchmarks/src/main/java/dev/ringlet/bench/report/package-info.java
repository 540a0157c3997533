/** Measurements as samples in a file, and the markdown report of their medians, ratios and verdicts. */
package dev.ringlet.bench.report;
