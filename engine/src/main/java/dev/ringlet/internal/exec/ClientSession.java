package dev.ringlet.internal.exec;

/**
 * Per-connection state: the keyspace chosen by USE and the logged-in role (null without
 * authentication). Safe for concurrent requests of one connection.
 */
public final class ClientSession {

  private volatile String keyspace;
  private volatile String user;

  /** The role this connection logged in as, or null when the node requires no login. */
  public String user() {
    return user;
  }

  public void login(String role) {
    this.user = role;
  }

  public String keyspace() {
    return keyspace;
  }

  public void useKeyspace(String name) {
    this.keyspace = name;
  }
}
