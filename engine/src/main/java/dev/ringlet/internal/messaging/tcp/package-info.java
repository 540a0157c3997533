/**
 * The TCP transport: {@link dev.ringlet.internal.messaging.tcp.TcpTransport} carries messages
 * between nodes in different processes over plain blocking sockets, one outbound connection per
 * peer with its own writer thread and one reader thread per inbound connection. Payloads are
 * encoded by a {@link dev.ringlet.internal.messaging.PayloadCodec}.
 */
package dev.ringlet.internal.messaging.tcp;
