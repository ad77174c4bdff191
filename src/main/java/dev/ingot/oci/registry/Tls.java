package dev.ingot.oci.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** TLS contexts that trust the JDK's CAs plus those of a PEM file. Pure; thread-safe. */
final class Tls {
  private Tls() {}

  /**
   * A context for a client that never speaks TLS (plain HTTP to a loopback registry). It is not
   * backed by the JDK's TLS provider: setting that up (provider, CA store, random seeding) is a
   * large part of a short push's start-up. Any attempt to open a TLS connection fails.
   */
  static SSLContext none() {
    return new SSLContext(new NoTls(), null, "none") {};
  }

  /** The service behind {@link #none()}: default parameters, and a refusal for everything else. */
  private static final class NoTls extends SSLContextSpi {
    private static IllegalStateException refused() {
      return new IllegalStateException(
          "this client was made for plain HTTP (insecure), so it cannot open https URLs"
              + " (such as a token realm on https)");
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) {}

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      throw refused();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      throw refused();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      throw refused();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      throw refused();
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      throw refused();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      throw refused();
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
      return new SSLParameters();
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
      return new SSLParameters();
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
