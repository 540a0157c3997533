package org.apache.cassandra.cql3.functions;

/** Hidden from bodies, as 5.0's sandbox hides it: only named by signatures bodies may not call. */
public interface Function {
}
