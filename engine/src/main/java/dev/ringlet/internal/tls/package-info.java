/**
 * Client-to-node TLS material: the key and trust stores of {@code client_encryption_options} loaded
 * into {@code SSLContext}s, and self-signed certificates made at start-up for tests, encoded by a
 * minimal DER writer ({@code Der}, layout in {@code certificate.md}) and signed by the JDK.
 */
package dev.ringlet.internal.tls;
