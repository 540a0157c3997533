/** Schema statements: keyspaces and tables, with Cassandra's validation and messages. */
package dev.ringlet.internal.exec.ddl;
