package dev.ingot.pkg.fetch;

import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The JDK's default TLS context, loaded on first use. An {@code HttpClient} asks for its TLS
 * context when it is built; the default one reads and parses the whole CA trust store, a quarter of
 * the CPU of a warm build whose mirrors are plain http (apt's usual setup: the signed InRelease is
 * what is trusted). With this context that cost is paid only by a first https connection.
 * Thread-safe.
 */
final class LazyTls extends SSLContext {
  LazyTls() {
    super(new Spi(), null, "Default");
  }

  private static final class Spi extends SSLContextSpi {
    private volatile SSLContext real;

    private SSLContext real() {
      SSLContext r = real;
      if (r == null) {
        try {
          r = SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
          throw new IllegalStateException("no default TLS context in this JDK", e);
        }
        real = r;
      }
      return r;
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr)
        throws KeyManagementException {
      throw new KeyManagementException("the default TLS context is already initialized");
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      return real().getSocketFactory();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      return real().getServerSocketFactory();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      return real().createSSLEngine();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      return real().createSSLEngine(host, port);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      return real().getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      return real().getClientSessionContext();
    }
  }
}
