/** The system keyspaces drivers and tools read (system, system_schema, system_virtual_schema), generated from node state and schema. */
package dev.ringlet.internal.system;
