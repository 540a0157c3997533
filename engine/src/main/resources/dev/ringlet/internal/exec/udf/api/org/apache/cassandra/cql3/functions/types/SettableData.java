package org.apache.cassandra.cql3.functions.types;

/** Values set by position or by name. */
public interface SettableData<T extends SettableData<T>> extends SettableByIndexData<T>, SettableByNameData<T> {}
