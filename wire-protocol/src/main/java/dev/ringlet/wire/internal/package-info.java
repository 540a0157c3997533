/**
 * The Netty implementation of the protocol server: not API.
 *
 * <p>One class per step, one direction per class: {@code FrameDecoder} (bytes to frames, frame
 * limit), {@code RequestDecoder} (frames to request messages, typed rejections carrying the stream
 * id), {@code ResponseEncoder} (response frames to bytes), {@code ConnectionStateHandler} (the
 * OPTIONS/STARTUP/REGISTER/AUTH_RESPONSE state machine, and the answers to rejections),
 * {@code RequestDispatcher} (QUERY/PREPARE/EXECUTE/BATCH to the engine and back),
 * {@code BackpressureHandler} (stop reading while a client does not read), the v5 segment layer
 * ({@code SegmentFormat}, {@code SegmentCrc}, {@code SegmentReader}), and the lz4/snappy
 * body compressors; for TLS, {@code TlsInitializer} and, in optional mode, {@code TlsDetector}
 * (TLS or plain from the first bytes). {@code NettyResources} owns the event loops; {@code NettyProtocolServer} binds
 * one server on them. See {@code wire-protocol/README.md} for the pipeline and the error table.
 */
package dev.ringlet.wire.internal;
