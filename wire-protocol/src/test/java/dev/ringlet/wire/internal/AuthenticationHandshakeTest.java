package dev.ringlet.wire.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.protocol.internal.Message;
import com.datastax.oss.protocol.internal.ProtocolConstants.ErrorCode;
import com.datastax.oss.protocol.internal.request.AuthResponse;
import com.datastax.oss.protocol.internal.request.Query;
import com.datastax.oss.protocol.internal.request.Startup;
import com.datastax.oss.protocol.internal.response.AuthChallenge;
import com.datastax.oss.protocol.internal.response.AuthSuccess;
import com.datastax.oss.protocol.internal.response.Authenticate;
import com.datastax.oss.protocol.internal.response.Error;
import com.datastax.oss.protocol.internal.response.result.Void;
import dev.ringlet.wire.ConnectionHandler;
import dev.ringlet.wire.RequestProcessor;
import dev.ringlet.wire.Response;
import dev.ringlet.wire.SaslAuthentication;
import dev.ringlet.wire.WireResources;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A handler that asks for authentication: STARTUP gets AUTHENTICATE, tokens go to the handler's
 * {@link SaslAuthentication} until it answers AUTH_SUCCESS. The fake exchange: "step" is challenged,
 * "ok" succeeds, anything else fails.
 */
class AuthenticationHandshakeTest {

  private static final String AUTHENTICATOR = "org.example.FakeAuthenticator";
  private static WireResources resources;
  private NettyProtocolServer server;

  @BeforeAll
  static void startThreads() {
    resources = WireResources.create(1);
  }

  @AfterAll
  static void stopThreads() {
    resources.close();
  }

  @BeforeEach
  void startServer() {
    RequestProcessor processor = connection -> new ConnectionHandler() {
      @Override
      public CompletableFuture<Response> handle(dev.ringlet.wire.Request request) {
        return CompletableFuture.completedFuture(Response.of(Void.INSTANCE));
      }

      @Override
      public SaslAuthentication authentication() {
        return new SaslAuthentication() {
          @Override
          public String authenticatorClass() {
            return AUTHENTICATOR;
          }

          @Override
          public Message evaluate(byte[] token) {
            String text = new String(token, StandardCharsets.UTF_8);
            if (text.equals("ok")) return new AuthSuccess(null);
            if (text.equals("step")) return new AuthChallenge(ByteBuffer.wrap(new byte[] {7}));
            return new Error(ErrorCode.AUTH_ERROR, "bad token " + text);
          }
        };
      }
    };
    server = NettyProtocolServer.start(
        ServerFixture.config(256 * 1024, 1024 * 1024), processor, resources, UUID::randomUUID);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void should_answer_startup_with_authenticate_naming_the_authenticator() {
    try (RawClient client = RawClient.connect(server.localAddress())) {
      Message answer = client.request(4, 0, new Startup(Map.of("CQL_VERSION", "3.0.0")));

      assertThat(answer).isInstanceOf(Authenticate.class);
      assertThat(((Authenticate) answer).authenticator).isEqualTo(AUTHENTICATOR);
    }
  }

  @Test
  void should_refuse_queries_until_authenticated_then_serve_them() {
    try (RawClient client = RawClient.connect(server.localAddress())) {
      client.request(4, 0, new Startup(Map.of("CQL_VERSION", "3.0.0")));

      Message early = client.request(4, 1, new Query("SELECT 1"));
      Message challenge = client.request(4, 2, token("step"));
      Message success = client.request(4, 3, token("ok"));
      Message later = client.request(4, 4, new Query("SELECT 1"));

      assertThat(early).isInstanceOf(Error.class);
      assertThat(((Error) early).message).isEqualTo("Unexpected message QUERY, expecting SASL_RESPONSE");
      assertThat(challenge).isInstanceOf(AuthChallenge.class);
      assertThat(success).isInstanceOf(AuthSuccess.class);
      assertThat(later).isInstanceOf(Void.class);
    }
  }

  @Test
  void should_stay_authenticating_when_a_token_is_refused() {
    try (RawClient client = RawClient.connect(server.localAddress())) {
      client.request(4, 0, new Startup(Map.of("CQL_VERSION", "3.0.0")));

      Message refused = client.request(4, 1, token("wrong"));
      Message query = client.request(4, 2, new Query("SELECT 1"));
      Message retry = client.request(4, 3, token("ok"));

      assertThat(refused).isInstanceOf(Error.class);
      assertThat(((Error) refused).code).isEqualTo(ErrorCode.AUTH_ERROR);
      assertThat(((Error) refused).message).isEqualTo("bad token wrong");
      assertThat(query).isInstanceOf(Error.class);
      assertThat(retry).isInstanceOf(AuthSuccess.class);
    }
  }

  private static AuthResponse token(String text) {
    return new AuthResponse(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
  }
}
