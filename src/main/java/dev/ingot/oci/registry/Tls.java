package dev.ingot.oci.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** TLS contexts that trust the JDK's CAs plus those of a PEM file. Pure; thread-safe. */
final class Tls {
  private Tls() {}

  /**
   * A context for a client that never speaks TLS (plain HTTP to a loopback registry): it trusts
   * nothing, and making it skips loading the JDK's CA store, which costs most of the client's
   * start-up time.
   */
  static SSLContext none() throws IOException {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(
          new javax.net.ssl.KeyManager[0], new javax.net.ssl.TrustManager[] {new Refuse()}, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up the HTTP client: " + e.getMessage(), e);
    }
  }

  /** Refuses every certificate. */
  private static final class Refuse implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws java.security.cert.CertificateException {
      throw new java.security.cert.CertificateException("TLS is not used by this client");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws java.security.cert.CertificateException {
      throw new java.security.cert.CertificateException("TLS is not used by this client");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }

  static SSLContext withCa(Path caFile) throws IOException {
    try {
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      TrustManagerFactory def =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      def.init((KeyStore) null);
      int n = 0;
      for (var tm : def.getTrustManagers()) {
        if (tm instanceof X509TrustManager x) {
          for (X509Certificate c : x.getAcceptedIssuers()) {
            ks.setCertificateEntry("jdk-" + n++, c);
          }
        }
      }
      int added = 0;
      try (InputStream in = Files.newInputStream(caFile)) {
        for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
          ks.setCertificateEntry("ca-" + added++, c);
        }
      }
      if (added == 0) {
        throw new IOException("no certificates in CA file " + caFile);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot use CA file " + caFile + ": " + e.getMessage(), e);
    }
  }
}
