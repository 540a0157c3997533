package dev.ringlet.internal.transport;

import com.datastax.oss.protocol.internal.Message;
import com.datastax.oss.protocol.internal.ProtocolConstants;
import com.datastax.oss.protocol.internal.response.AuthSuccess;
import com.datastax.oss.protocol.internal.response.Error;
import dev.ringlet.internal.auth.AuthenticationFailure;
import dev.ringlet.internal.auth.PlainSaslToken;
import dev.ringlet.internal.exec.ClientSession;
import dev.ringlet.internal.exec.auth.AccessControl;
import dev.ringlet.wire.SaslAuthentication;

/**
 * PasswordAuthenticator's SASL exchange for one connection: a single PLAIN token, checked by
 * {@link AccessControl#authenticate}; on success the connection's session is logged in as that role.
 */
final class PasswordSaslAuthentication implements SaslAuthentication {

  private final AccessControl access;
  private final ClientSession session;

  PasswordSaslAuthentication(AccessControl access, ClientSession session) {
    this.access = access;
    this.session = session;
  }

  @Override
  public String authenticatorClass() {
    return AccessControl.PASSWORD_AUTHENTICATOR;
  }

  @Override
  public Message evaluate(byte[] token) {
    try {
      PlainSaslToken credentials = PlainSaslToken.parse(token);
      session.login(access.authenticate(credentials.username(), credentials.password()));
      return new AuthSuccess(null);
    } catch (AuthenticationFailure e) {
      return new Error(ProtocolConstants.ErrorCode.AUTH_ERROR, e.getMessage());
    }
  }
}
