package dev.ringlet.internal.tls;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A self-signed X.509 v3 certificate and its key, made in pure Java for a cluster under test: an EC
 * P-256 key signed with SHA256withECDSA, subject alternative names covering every node's address
 * (IP entries, and DNS entries for the names those addresses resolve back to, which is what a
 * driver with hostname validation compares), usable both to serve and to authenticate a client.
 * The encoding is described in {@code certificate.md} beside this class.
 *
 * @param keyPair the certificate's key
 * @param certificate the certificate, as parsed back by the JDK's {@link CertificateFactory}
 */
public record SelfSignedCertificate(KeyPair keyPair, X509Certificate certificate) {

  /** The subject and issuer: {@code CN=<commonName>}. */
  public static final String DEFAULT_COMMON_NAME = "Ringlet test certificate";
  /** How long a generated certificate is valid from its start. */
  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(365);
  /** A generated certificate's start is this far before the clock's now, to absorb clock skew. */
  public static final Duration BACKDATE = Duration.ofHours(1);

  private static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";
  private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
  private static final String COMMON_NAME = "2.5.4.3";
  private static final String KEY_USAGE = "2.5.29.15";
  private static final String SUBJECT_ALT_NAME = "2.5.29.17";
  private static final String BASIC_CONSTRAINTS = "2.5.29.19";
  private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

  public SelfSignedCertificate {
    Objects.requireNonNull(keyPair, "keyPair");
    Objects.requireNonNull(certificate, "certificate");
  }

  /**
   * A certificate for the addresses: IP SANs for each, plus DNS SANs for {@code localhost} and the
   * names the addresses resolve back to (a reverse lookup, as the driver makes when it validates
   * the host name).
   *
   * @param now the clock's current time; the certificate is valid from {@link #BACKDATE} before it
   *     for {@link #DEFAULT_VALIDITY}
   */
  public static SelfSignedCertificate forAddresses(List<InetAddress> addresses, Instant now, SecureRandom random) {
    Set<String> dnsNames = new LinkedHashSet<>();
    dnsNames.add("localhost");
    for (InetAddress a : addresses) {
      String name = reverseName(a);
      if (!name.equals(a.getHostAddress())) {
        dnsNames.add(name);
      }
    }
    return generate(DEFAULT_COMMON_NAME, List.copyOf(new LinkedHashSet<>(addresses)), List.copyOf(dnsNames),
        now.minus(BACKDATE), DEFAULT_VALIDITY.plus(BACKDATE), random);
  }

  private static String reverseName(InetAddress address) {
    try {
      return InetAddress.getByAddress(address.getAddress()).getHostName();
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError("an address of 4 or 16 bytes is always valid: " + address, e);
    }
  }

  /** A certificate valid from {@code notBefore} for {@code validity}, with exactly these SANs. */
  public static SelfSignedCertificate generate(String commonName, List<InetAddress> ipNames, List<String> dnsNames,
      Instant notBefore, Duration validity, SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      KeyPair keys = generator.generateKeyPair();
      byte[] algorithm = Der.sequence(Der.oid(ECDSA_WITH_SHA256));
      byte[] name = Der.sequence(Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8(commonName))));
      byte[] tbs = Der.sequence(
          Der.explicit(0, Der.integer(BigInteger.TWO)), // v3
          Der.integer(new BigInteger(63, random).add(BigInteger.ONE)),
          algorithm,
          name,
          Der.sequence(Der.time(notBefore.atZone(ZoneOffset.UTC)), Der.time(notBefore.plus(validity).atZone(ZoneOffset.UTC))),
          name,
          keys.getPublic().getEncoded(), // SubjectPublicKeyInfo, already DER
          Der.explicit(3, Der.sequence(
              extension(BASIC_CONSTRAINTS, true, Der.sequence()),
              // digitalSignature (bit 0) only: 7 unused bits in one byte.
              extension(KEY_USAGE, true, Der.bitString(new byte[] {(byte) 0x80}, 7)),
              extension(EXTENDED_KEY_USAGE, false, Der.sequence(Der.oid(SERVER_AUTH), Der.oid(CLIENT_AUTH))),
              extension(SUBJECT_ALT_NAME, false, subjectAltNames(ipNames, dnsNames)))));
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(keys.getPrivate(), random);
      signer.update(tbs);
      byte[] certificate = Der.sequence(tbs, algorithm, Der.bitString(signer.sign()));
      X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(certificate));
      return new SelfSignedCertificate(keys, parsed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make a self-signed certificate with the JDK's EC provider: " + e.getMessage(), e);
    }
  }

  private static byte[] extension(String oid, boolean critical, byte[] value) {
    return critical
        ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
        : Der.sequence(Der.oid(oid), Der.octetString(value));
  }

  /** GeneralNames: dNSName is {@code [2] IA5String}, iPAddress {@code [7] OCTET STRING} (4 or 16 bytes). */
  private static byte[] subjectAltNames(List<InetAddress> ipNames, List<String> dnsNames) {
    List<byte[]> names = new ArrayList<>();
    for (String dns : dnsNames) {
      names.add(Der.implicit(2, dns.getBytes(StandardCharsets.US_ASCII)));
    }
    for (InetAddress ip : ipNames) {
      names.add(Der.implicit(7, ip.getAddress()));
    }
    return Der.sequence(names.toArray(new byte[0][]));
  }
}
