package dev.ringlet.wire;

/**
 * What the protocol server calls for the requests it does not answer itself. The server answers
 * OPTIONS, STARTUP, REGISTER and AUTH_RESPONSE; everything else (QUERY, PREPARE, EXECUTE, BATCH)
 * goes to the {@link ConnectionHandler} that {@link #open} returned for the connection.
 */
@FunctionalInterface
public interface RequestProcessor {

  /**
   * Called once per connection, when its STARTUP has been accepted.
   *
   * @param connection what is known of the client; stable for the connection's life
   * @return the handler that serves every later request of this connection
   */
  ConnectionHandler open(ClientConnection connection);
}
