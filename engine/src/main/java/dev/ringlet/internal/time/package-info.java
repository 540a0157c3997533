/** Injected time: every timestamp, TTL expiry and now() reads a {@link dev.ringlet.internal.time.Clock}. */
package dev.ringlet.internal.time;
