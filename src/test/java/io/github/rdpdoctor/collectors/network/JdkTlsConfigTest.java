package io.github.rdpdoctor.collectors.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * What the probe's private TLS configuration can and cannot do on this JDK, against
 * {@code openssl s_server} restricted to one TLS version on 127.0.0.1.
 *
 * <p>Finding: SSLParameters.setAlgorithmConstraints with a permissive AlgorithmConstraints does
 * <em>not</em> re-enable TLS 1.0/1.1: SunJSSE checks the socket's constraints <em>and</em>
 * {@code jdk.tls.disabledAlgorithms}. The only ways to a JSSE TLS 1.0 handshake change
 * JVM-wide state (the Security property, read once per JVM), which a library must not do. So the
 * probe reads such hosts' version and certificate from their plaintext first flight
 * ({@link TlsHello}) instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JdkTlsConfigTest {

    private Path dir;
    private Process tls10;
    private Process tls12;
    private int tls10Port;
    private int tls12Port;

    @BeforeAll
    void start() throws IOException {
        RealServers.requireTools("openssl");
        dir = Files.createTempDirectory("rdp-doctor-sserver");
        RealServers.Cert cert = RealServers.selfSigned(dir, "s", "sserver.test", "IP:127.0.0.1", 20);
        tls10Port = RealServers.freePort();
        tls10 = sServer(cert, tls10Port, "-tls1", "s10.log");
        tls12Port = RealServers.freePort();
        tls12 = sServer(cert, tls12Port, "-tls1_2", "s12.log");
    }

    private Process sServer(RealServers.Cert cert, int port, String version, String log) throws IOException {
        Process p = new ProcessBuilder(RealServers.tool("openssl"), "s_server", "-accept", "127.0.0.1:" + port,
                version, "-cipher", "DEFAULT:@SECLEVEL=0", "-cert", cert.cert().toString(),
                "-key", cert.key().toString(), "-quiet")
                .redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        RealServers.awaitPort(port, p, dir.resolve(log), Duration.ofSeconds(10));
        return p;
    }

    @AfterAll
    void stop() throws IOException {
        RealServers.stop(tls10);
        RealServers.stop(tls12);
        if (dir != null) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
        return s;
    }

    @Test
    void jsseWithPermissiveSocketConstraintsStillCannotSpeakTls10WhenTheJdkDisablesIt() throws Exception {
        String disabled = Security.getProperty("jdk.tls.disabledAlgorithms");
        boolean jdkDisablesTls10 = disabled != null && List.of(disabled.split("\\s*,\\s*")).contains("TLSv1");
        try (Socket plain = connect(tls10Port)) {
            JsseTls.InspectingTrustManager trust = new JsseTls.InspectingTrustManager();
            if (jdkDisablesTls10) {
                assertThrows(SSLHandshakeException.class,
                        () -> JsseTls.handshake(plain, "127.0.0.1", tls10Port, trust, Duration.ofSeconds(3).toNanos()));
            } else {
                JsseTls.Session s = JsseTls.handshake(plain, "127.0.0.1", tls10Port, trust, Duration.ofSeconds(3).toNanos());
                assertEquals("TLSv1", s.protocol());
                s.socket().close();
            }
        }
        assertEquals(disabled, Security.getProperty("jdk.tls.disabledAlgorithms"), "Security property untouched");
        assertTrue(SSLContext.getDefault().getDefaultSSLParameters().getAlgorithmConstraints() == null
                || SSLContext.getDefault().getDefaultSSLParameters().getAlgorithmConstraints() != JsseTls.PERMISSIVE,
                "default SSLContext untouched");
    }

    @Test
    void rawClientHelloFindsTls10AndItsCertificate() throws Exception {
        try (Socket s = connect(tls10Port)) {
            byte[] random = new byte[64];
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(random);
            new SecureRandom().nextBytes(key);
            s.getOutputStream().write(TlsHello.clientHello(TlsHello.TLS13, null, random, key));
            TlsHello.Flight f = TlsHello.readFlight(new Wire(s, s.getInputStream(), Duration.ofSeconds(3),
                    System.nanoTime() + Duration.ofSeconds(3).toNanos()));
            assertEquals(TlsHello.TLS10, f.version());
            assertNotNull(f.leafCertificate());
            X509Certificate cert = CertificateFacts.parse(f.leafCertificate());
            assertEquals("CN=sserver.test", cert.getSubjectX500Principal().getName());
            CertificateFacts facts = CertificateFacts.of(cert, "127.0.0.1", java.time.Instant.now());
            assertEquals(19, facts.daysLeft());
            assertTrue(facts.selfSigned());
            assertTrue(facts.nameMatch());
        }
    }

    @Test
    void jsseNegotiatesTls12WhenThatIsTheHostsBest() throws Exception {
        try (Socket plain = connect(tls12Port)) {
            JsseTls.Session s = JsseTls.handshake(plain, "127.0.0.1", tls12Port, new JsseTls.InspectingTrustManager(),
                    Duration.ofSeconds(3).toNanos());
            try {
                assertEquals("TLSv1.2", s.protocol());
                assertEquals("1.2", JsseTls.versionName(s.protocol()));
                assertEquals("CN=sserver.test", s.chain()[0].getSubjectX500Principal().getName());
            } finally {
                s.socket().close();
            }
        }
    }
}
