/** Netty pipeline, frame codecs, compression and connection state: not API. */
package dev.ringlet.wire.internal;
