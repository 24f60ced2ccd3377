package io.github.rdpdoctor.collectors.network;

import io.github.rdpdoctor.collectors.CollectionContext;
import io.github.rdpdoctor.collectors.CollectionTarget;
import io.github.rdpdoctor.collectors.CollectorResult;
import io.github.rdpdoctor.collectors.SymptomCollector;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The RD Gateway in front of the host, when the probe is told the client goes through one (target option
 * {@value #OPTION}, {@code probe HOST --gateway NAME[:PORT]}). mstsc first opens an HTTPS (TLS) connection to the
 * gateway, port 443 unless given, and checks the gateway's certificate — its name against the name the client uses, its
 * validity dates, its issuer, its Server Authentication purpose — and only then does the gateway carry RDP to the host
 * (Microsoft, "Obtain a Certificate for the TS Gateway Server" and the RD Gateway Best Practices Analyzer rule "RD
 * Gateway must be configured to use an SSL certificate signed by a trusted certification authority"). This collector
 * makes that connection and reports what mstsc would find: {@code network.via_gateway} and
 * {@code network.gateway_cert_name_match} (contract) and the {@code gateway.*} additions. Like the TLS collector, it
 * accepts any certificate to inspect it, and reads a TLS 1.0/1.1-only gateway's version and certificate with its own
 * ClientHello, since this JDK refuses those versions JVM-wide (and so the gateway's highest version when this JVM did not
 * offer TLS 1.3).
 */
public final class GatewayCollector implements SymptomCollector {

    /** Target option: the RD Gateway as the client's .rdp file names it, {@code NAME} or {@code NAME:PORT}. */
    public static final String OPTION = "gateway";
    /** The RD Gateway's default HTTPS port. */
    public static final int DEFAULT_PORT = 443;

    /** What the TLS inspection of the gateway writes (no alert: the gateway has no such name). */
    private static final TlsCollector.Peer PEER = new TlsCollector.Peer(ProbeSymptoms.GATEWAY_TLS_HANDSHAKE_OK,
            ProbeSymptoms.GATEWAY_TLS_MAX_VERSION, null, "TLS handshake with the RD Gateway", "the RD Gateway");

    /** Extended key usage Server Authentication, and "any purpose". */
    private static final List<String> SERVER_AUTH = List.of("1.3.6.1.5.5.7.3.1", "2.5.29.37.0");

    @Override
    public String name() {
        return "rd-gateway";
    }

    @Override
    public Set<String> produces() {
        return Set.of(ProbeSymptoms.VIA_GATEWAY, ProbeSymptoms.GATEWAY_CERT_NAME_MATCH, ProbeSymptoms.GATEWAY_DNS_OK,
                ProbeSymptoms.GATEWAY_PORT_STATE, ProbeSymptoms.GATEWAY_TLS_HANDSHAKE_OK,
                ProbeSymptoms.GATEWAY_TLS_MAX_VERSION, ProbeSymptoms.GATEWAY_CERT_DAYS_LEFT,
                ProbeSymptoms.GATEWAY_CERT_SELF_SIGNED, ProbeSymptoms.GATEWAY_CERT_SERVER_AUTH,
                ProbeSymptoms.GATEWAY_CERT_SUBJECT);
    }

    @Override
    public int order() {
        return 600;
    }

    @Override
    public boolean appliesTo(CollectionTarget target, Map<String, Object> soFar) {
        return target.option(OPTION).isPresent();
    }

    /** The gateway named by the target's option: host and port (443 unless given). */
    public static CollectionTarget gateway(CollectionTarget target) {
        return CollectionTarget.parse(target.option(OPTION).orElseThrow(), DEFAULT_PORT);
    }

    @Override
    public CollectorResult collect(CollectionContext ctx) {
        CollectorResult.Builder out = CollectorResult.builder();
        CollectionTarget gw;
        try {
            gw = gateway(ctx.target());
        } catch (IllegalArgumentException e) {
            out.warn("RD Gateway not probed: " + e.getMessage());
            return out.build();
        }
        out.put(ProbeSymptoms.VIA_GATEWAY, true);
        List<InetAddress> addresses;
        try {
            addresses = DnsCollector.connectOrder(InetAddress.getAllByName(gw.host()));
            out.put(ProbeSymptoms.GATEWAY_DNS_OK, true);
        } catch (UnknownHostException e) {
            out.put(ProbeSymptoms.GATEWAY_DNS_OK, false);
            out.warn("the RD Gateway name " + gw.host() + " does not resolve");
            return out.build();
        }
        Socket plain = connect(ctx, addresses, gw.port(), out);
        if (plain == null) {
            return out.build();
        }
        InetAddress reached = plain.getInetAddress();
        X509Certificate leaf = TlsCollector.handshake(ctx, plain, gw.host(), gw.port(),
                deadline -> open(ctx, reached, gw.port(), deadline, out), out, PEER);
        if (leaf != null) {
            CertificateFacts f = CertificateFacts.of(leaf, gw.host(), Instant.now());
            out.put(ProbeSymptoms.GATEWAY_CERT_NAME_MATCH, f.nameMatch());
            out.put(ProbeSymptoms.GATEWAY_CERT_DAYS_LEFT, f.daysLeft());
            out.put(ProbeSymptoms.GATEWAY_CERT_SELF_SIGNED, f.selfSigned());
            out.put(ProbeSymptoms.GATEWAY_CERT_SUBJECT, f.subject());
            Boolean serverAuth = forServerAuthentication(leaf);
            if (serverAuth != null) {
                out.put(ProbeSymptoms.GATEWAY_CERT_SERVER_AUTH, serverAuth);
            } else {
                out.warn("the RD Gateway certificate's extended key usage does not parse");
            }
        } else if (!ctx.isExpired()) {
            out.warn("no certificate seen from the RD Gateway");
        }
        return out.build();
    }

    /**
     * Whether the certificate may authenticate a TLS server: no extended key usage (any purpose), or one that lists
     * Server Authentication or any purpose; null when the extension does not parse.
     */
    static Boolean forServerAuthentication(X509Certificate cert) {
        try {
            List<String> eku = cert.getExtendedKeyUsage();
            return eku == null || eku.stream().anyMatch(SERVER_AUTH::contains);
        } catch (CertificateParsingException e) {
            return null;
        }
    }

    /**
     * Connects to the gateway's addresses in the order a Windows client tries them; records the port's state (open,
     * closed: refused by an address, filtered: no answer) and returns the connected socket, or null.
     */
    private static Socket connect(CollectionContext ctx, List<InetAddress> addresses, int port, CollectorResult.Builder out) {
        boolean refused = false;
        for (InetAddress address : addresses) {
            if (ctx.remaining().isZero()) {
                out.warn("no time left to try the RD Gateway at " + Addresses.withPort(address, port));
                break;
            }
            int timeout = (int) Math.max(1, Math.min(ctx.ioTimeout().toMillis(), ctx.remaining().toMillis()));
            Socket s = ctx.closeOnTimeout(new Socket());
            try {
                s.connect(new InetSocketAddress(address, port), timeout);
                s.setTcpNoDelay(true);
                out.put(ProbeSymptoms.GATEWAY_PORT_STATE, "open");
                return s;
            } catch (SocketTimeoutException e) {
                RdpExchange.closeQuietly(s);
                out.warn("no answer from the RD Gateway at " + Addresses.withPort(address, port) + " within " + timeout + " ms");
            } catch (IOException e) {
                RdpExchange.closeQuietly(s);
                boolean rst = TcpConnectCollector.refused(e);
                refused |= rst;
                out.warn("connection to the RD Gateway at " + Addresses.withPort(address, port)
                        + (rst ? " refused" : " failed: " + e.getMessage()));
            }
        }
        out.put(ProbeSymptoms.GATEWAY_PORT_STATE, refused ? "closed" : "filtered");
        return null;
    }

    /** A connected socket, or null after a warning. */
    private static Socket open(CollectionContext ctx, InetAddress address, int port, long deadline,
                               CollectorResult.Builder out) {
        try {
            return RdpExchange.connect(address, port, ctx, deadline);
        } catch (IOException e) {
            out.warn("connect to the RD Gateway at " + Addresses.withPort(address, port) + " failed: "
                    + TlsCollector.describe(e));
            return null;
        }
    }
}
