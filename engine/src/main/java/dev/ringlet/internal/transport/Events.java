package dev.ringlet.internal.transport;

import com.datastax.oss.protocol.internal.Message;
import com.datastax.oss.protocol.internal.response.event.SchemaChangeEvent;
import dev.ringlet.internal.exec.Result;

/** Engine happenings as protocol EVENT messages. */
public final class Events {

  private Events() {}

  public static Message schemaChange(Result.SchemaChange change) {
    return new SchemaChangeEvent(change.change(), change.target(), change.keyspace(), change.name(), change.argumentTypes());
  }
}
