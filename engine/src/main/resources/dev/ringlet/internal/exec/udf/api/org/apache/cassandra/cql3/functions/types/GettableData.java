package org.apache.cassandra.cql3.functions.types;

/** Values read by position or by name. */
public interface GettableData extends GettableByIndexData, GettableByNameData {}
