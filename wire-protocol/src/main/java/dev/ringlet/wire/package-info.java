/**
 * The CQL native protocol server and the SPI the engine plugs into.
 *
 * <p>{@link dev.ringlet.wire.ProtocolServer} accepts connections, speaks native protocol v3, v4 and v5
 * (framing, compression, the OPTIONS/STARTUP/REGISTER state machine, stream ids, events) and hands
 * every QUERY, PREPARE, EXECUTE and BATCH to a {@link dev.ringlet.wire.RequestProcessor}. The
 * processor answers with native-protocol {@code Message}s; it never sees bytes or frames.
 * Everything under {@code dev.ringlet.wire.internal} is implementation.
 */
package dev.ringlet.wire;
