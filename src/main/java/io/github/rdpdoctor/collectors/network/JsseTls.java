package io.github.rdpdoctor.collectors.network;

import java.io.IOException;
import java.net.Socket;
import java.security.AlgorithmConstraints;
import java.security.AlgorithmParameters;
import java.security.CryptoPrimitive;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A JSSE client handshake on an already connected socket (after the X.224 negotiation), with a
 * configuration private to the probe: a trust manager that accepts and records any chain (for
 * inspection only; nothing is sent that needs protecting), every TLS version the provider knows
 * enabled, and permissive algorithm constraints on the socket's own SSLParameters. Nothing
 * JVM-wide (Security properties, default SSLContext) is touched.
 *
 * <p>Note: SunJSSE combines socket-level algorithm constraints with
 * {@code jdk.tls.disabledAlgorithms} (both must permit), so on a default JDK TLS 1.0/1.1 stay
 * disabled for JSSE here; {@link TlsHello} finds such hosts' version and certificate instead.
 */
final class JsseTls {

    static final AlgorithmConstraints PERMISSIVE = new AlgorithmConstraints() {
        @Override
        public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, AlgorithmParameters parameters) {
            return true;
        }

        @Override
        public boolean permits(Set<CryptoPrimitive> primitives, Key key) {
            return true;
        }

        @Override
        public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, Key key, AlgorithmParameters parameters) {
            return true;
        }
    };

    private static final List<String> WANTED = List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1");

    /**
     * A finished handshake.
     *
     * @param offeredTls13 whether the ClientHello offered TLS 1.3 (so a lower negotiated version is the host's highest)
     */
    record Session(SSLSocket socket, String protocol, String cipherSuite, X509Certificate[] chain, boolean offeredTls13) {
    }

    private JsseTls() {
    }

    /** Records the chain the server presents and accepts it. */
    static final class InspectingTrustManager extends X509ExtendedTrustManager {
        private final AtomicReference<X509Certificate[]> chain = new AtomicReference<>();

        X509Certificate[] chain() {
            return chain.get();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String authType) {
            chain.set(c == null ? null : c.clone());
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String authType, Socket socket) {
            checkServerTrusted(c, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String authType, SSLEngine engine) {
            checkServerTrusted(c, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String authType) throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("client side not supported");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String authType, Socket socket)
                throws java.security.cert.CertificateException {
            checkClientTrusted(c, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String authType, SSLEngine engine)
                throws java.security.cert.CertificateException {
            checkClientTrusted(c, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** The protocols this JVM's provider will actually offer with the probe's configuration. */
    static List<String> offeredProtocols() throws GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new InspectingTrustManager()}, null);
        SSLEngine engine = ctx.createSSLEngine();
        engine.setSSLParameters(parameters(engine.getSupportedProtocols(), null));
        return Arrays.asList(engine.getEnabledProtocols());
    }

    static SSLParameters parameters(String[] supported, String host) {
        List<String> protocols = new ArrayList<>();
        List<String> sup = Arrays.asList(supported);
        for (String p : WANTED) {
            if (sup.contains(p)) {
                protocols.add(p);
            }
        }
        SSLParameters params = new SSLParameters();
        params.setProtocols(protocols.toArray(String[]::new));
        params.setAlgorithmConstraints(PERMISSIVE);
        params.setEndpointIdentificationAlgorithm(null);
        if (host != null && host.indexOf(':') < 0 && !host.matches("[0-9.]+")) {
            try {
                params.setServerNames(List.of(new javax.net.ssl.SNIHostName(host)));
            } catch (IllegalArgumentException ignored) {
                // not a valid SNI name: send none
            }
        }
        return params;
    }

    /**
     * Runs the client handshake over {@code plain}. The caller owns {@code plain}; the returned
     * socket closes it too.
     *
     * @param trust receives the server's chain even when the handshake fails later
     * @throws java.net.SocketTimeoutException "not finished within N ms" when the host did not finish in time
     */
    static Session handshake(Socket plain, String host, int port, InspectingTrustManager trust, long timeoutNanos)
            throws IOException, GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {trust}, null);
        SSLSocket ssl = (SSLSocket) ctx.getSocketFactory().createSocket(plain, host, port, true);
        ssl.setSSLParameters(parameters(ssl.getSupportedProtocols(), host));
        int ms = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeoutNanos / 1_000_000));
        ssl.setSoTimeout(ms);
        Guard g = Guard.closeAfter(ssl, timeoutNanos);
        try {
            ssl.startHandshake();
        } catch (IOException | RuntimeException e) {
            try {
                ssl.close();
            } catch (IOException ignored) {
                // already failing
            }
            if (g.fired() || e instanceof java.net.SocketTimeoutException) {
                // the host did not finish in time: say so, not "Socket closed" (the guard closing it)
                java.net.SocketTimeoutException t = new java.net.SocketTimeoutException("not finished within " + ms + " ms");
                t.initCause(e);
                throw t;
            }
            throw e;
        } finally {
            g.close();
        }
        SSLSession s = ssl.getSession();
        X509Certificate[] chain = trust.chain();
        boolean offered13 = Arrays.asList(ssl.getEnabledProtocols()).contains("TLSv1.3") && !disabledByJdk("TLSv1.3");
        return new Session(ssl, s.getProtocol(), s.getCipherSuite(), chain, offered13);
    }

    /** Whether {@code jdk.tls.disabledAlgorithms} (read only) lists the protocol. */
    static boolean disabledByJdk(String protocol) {
        String d = java.security.Security.getProperty("jdk.tls.disabledAlgorithms");
        if (d == null) {
            return false;
        }
        for (String token : d.split(",")) {
            if (token.strip().equalsIgnoreCase(protocol)) {
                return true;
            }
        }
        return false;
    }

    /** "TLSv1.2" to "1.2"; "TLSv1" to "1.0"; null when unknown. */
    static String versionName(String protocol) {
        return switch (protocol) {
            case "TLSv1" -> "1.0";
            case "TLSv1.1" -> "1.1";
            case "TLSv1.2" -> "1.2";
            case "TLSv1.3" -> "1.3";
            default -> null;
        };
    }
}
