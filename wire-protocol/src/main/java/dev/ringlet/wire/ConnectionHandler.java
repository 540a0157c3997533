package dev.ringlet.wire;

import java.util.concurrent.CompletionStage;

/**
 * Serves the requests of one client connection. Calls for one connection may overlap (the client
 * multiplexes streams); answers may complete in any order and on any thread.
 */
public interface ConnectionHandler {

  /**
   * Serves one request. The returned stage must complete with a response, never exceptionally:
   * errors are answered as {@code com.datastax.oss.protocol.internal.response.Error} messages.
   * (A stage that does complete exceptionally is answered with a SERVER_ERROR.)
   */
  CompletionStage<Response> handle(Request request);

  /**
   * The authentication the client must pass before its first request, or {@code null} (the
   * default) when the server requires none, as Cassandra's AllowAllAuthenticator. Asked once, right
   * after {@link RequestProcessor#open}: non-null makes the server answer STARTUP with AUTHENTICATE
   * instead of READY.
   */
  default SaslAuthentication authentication() {
    return null;
  }

  /** Called once when the connection has closed. */
  default void closed() {}
}
