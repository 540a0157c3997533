package dev.ringlet.internal.exec;

/** Per-connection state: the keyspace chosen by USE. Safe for concurrent requests of one connection. */
public final class ClientSession {

  private volatile String keyspace;

  public String keyspace() {
    return keyspace;
  }

  public void useKeyspace(String name) {
    this.keyspace = name;
  }
}
