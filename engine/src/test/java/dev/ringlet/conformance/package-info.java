/**
 * The conformance corpus: CQL scenarios whose answers were recorded from a real Apache Cassandra
 * 5.0 (golden files) and are checked against Ringlet.
 *
 * <p>One job per class: {@link dev.ringlet.conformance.ScenarioReader} reads a scenario file,
 * {@link dev.ringlet.conformance.ScenarioRunner} runs it through the driver, {@link
 * dev.ringlet.conformance.AnswerFormatter} turns each result or error into text lines, {@link
 * dev.ringlet.conformance.GoldenFile} writes and reads those lines, {@link
 * dev.ringlet.conformance.AnswerComparison} compares them leniently where {@link
 * dev.ringlet.conformance.KnownDifferences} says so. {@link dev.ringlet.conformance.GoldenRecorder}
 * (a {@code main}, run on demand) and {@link dev.ringlet.conformance.ConformanceTest} (the check)
 * are thin drivers over these. The formats are described in {@code docs/conformance.md}.
 */
package dev.ringlet.conformance;
