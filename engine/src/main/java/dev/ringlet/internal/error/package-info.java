/** Typed CQL errors; each maps one-to-one to a native protocol error code at the transport edge. */
package dev.ringlet.internal.error;
