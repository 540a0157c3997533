/** Adapter between the wire-protocol SPI and the engine: maps messages to statements and results/errors back to messages. */
package dev.ringlet.internal.transport;
