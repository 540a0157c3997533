/**
 * Messages between nodes: immutable {@link dev.ringlet.internal.messaging.Message} values with a
 * {@link dev.ringlet.internal.messaging.Verb}, one node-side {@link dev.ringlet.internal.messaging.MessagingEndpoint}
 * (handlers by verb, request/response correlation), and the transports behind the
 * {@link dev.ringlet.internal.messaging.Transport} interface: the in-JVM {@link dev.ringlet.internal.messaging.InJvmBus}
 * with its fault hooks ({@link dev.ringlet.internal.messaging.Faults}), and TCP
 * ({@link dev.ringlet.internal.messaging.tcp.TcpTransport}) between processes, whose payloads a
 * {@link dev.ringlet.internal.messaging.PayloadCodec} encodes. Time comes from
 * {@link dev.ringlet.internal.messaging.ClusterTime}, so timeouts fire when a manual clock advances.
 */
package dev.ringlet.internal.messaging;
