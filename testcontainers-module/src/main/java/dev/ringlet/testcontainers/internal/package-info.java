/**
 * Internals of the Testcontainers module: a minimal CQL native protocol client used to prove
 * readiness without the driver ({@link dev.ringlet.testcontainers.internal.CqlProbe}), the wait
 * strategy built on it, the CQL script splitter and the driver-based init script runner. Not API.
 */
package dev.ringlet.testcontainers.internal;
