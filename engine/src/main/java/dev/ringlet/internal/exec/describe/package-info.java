/** Server-side DESCRIBE: the CQL that recreates schema objects, as Cassandra 5.0 prints it. */
package dev.ringlet.internal.exec.describe;
