/**
 * The system keyspaces drivers and tools read, as Cassandra 5.0 shows them.
 *
 * <p>{@link dev.ringlet.internal.system.SystemKeyspaces} holds the metadata of {@code system},
 * {@code system_schema}, {@code system_auth}, {@code system_distributed}, {@code system_traces} and
 * the virtual {@code system_views} and {@code system_virtual_schema}, transcribed into the
 * {@code *KeyspaceTables} classes (notation in {@code TableDefinitions}) from a real 5.0.9 node.
 * Each table answers reads through a {@link dev.ringlet.internal.system.SystemTable} whose rows are
 * generated from the node's {@link dev.ringlet.internal.system.NodeInfo} and the schema snapshot:
 * {@code system.local}, the peers tables, {@code system_schema.*} and {@code system_virtual_schema.*};
 * the others are empty. The test resources under {@code golden/system/} hold what Cassandra
 * answered, and the tests compare against them value for value.
 */
package dev.ringlet.internal.system;
