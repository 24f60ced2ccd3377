package io.github.rdpdoctor.collectors.network;

import io.github.rdpdoctor.collectors.CollectionContext;
import io.github.rdpdoctor.collectors.CollectionTarget;
import io.github.rdpdoctor.collectors.CollectorResult;
import io.github.rdpdoctor.collectors.SymptomCollector;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * TLS on the RDP connection, after the negotiation selected SSL or HYBRID: a JSSE handshake on
 * the same socket (offering TLS 1.3 down to what the JDK allows) gives {@code tls.handshake_ok},
 * the certificate and, as the version the host picked, {@code tls.max_version}. When JSSE cannot
 * finish (a host that only speaks TLS 1.0/1.1, which the JDK disables), a raw ClientHello
 * ({@link TlsHello}) on a new connection finds the host's highest version and reads its
 * certificate from the plaintext handshake, trying 1.3/1.2/1.1/1.0 from the top down. Such a host gets
 * {@code tls.handshake_ok} true: it completes its side of a TLS 1.0/1.1 handshake (ServerHello, certificate);
 * only this JDK's own policy keeps JSSE from finishing it.
 */
public final class TlsCollector implements SymptomCollector {

    private static final int[] RAW_TRIES = {TlsHello.TLS13, TlsHello.TLS12, TlsHello.TLS11, TlsHello.TLS10};

    @Override
    public String name() {
        return "tls";
    }

    @Override
    public Set<String> produces() {
        return Set.of(ProbeSymptoms.TLS_HANDSHAKE_OK, ProbeSymptoms.TLS_MAX_VERSION, ProbeSymptoms.TLS_CERT_DAYS_LEFT,
                ProbeSymptoms.TLS_CERT_SELF_SIGNED, ProbeSymptoms.TLS_CERT_NAME_MATCH, ProbeSymptoms.TLS_CERT_SUBJECT,
                ProbeSymptoms.TLS_CERT_THUMBPRINT, ProbeSymptoms.TLS_HANDSHAKE_ALERT);
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public boolean appliesTo(CollectionTarget target, Map<String, Object> soFar) {
        return requestFor(soFar) >= 0;
    }

    /** The requested-protocols set to use for a TLS connection, or -1 when no request selected TLS. */
    static int requestFor(Map<String, Object> facts) {
        if (selectsTls(facts.get(ProbeSymptoms.RDP_NEGOTIATION_PREFIX + "ssl"))) {
            return RdpProtocols.SSL;
        }
        if (selectsTls(facts.get(ProbeSymptoms.RDP_NEGOTIATION_PREFIX + "hybrid_ssl"))) {
            return RdpProtocols.SSL | RdpProtocols.HYBRID;
        }
        return -1;
    }

    private static boolean selectsTls(Object v) {
        return "ssl".equals(v) || "hybrid".equals(v) || "hybrid_ex".equals(v);
    }

    @Override
    public CollectorResult collect(CollectionContext ctx) throws UnknownHostException {
        CollectorResult.Builder out = CollectorResult.builder();
        int request = requestFor(ctx.facts());
        InetAddress address = RdpExchange.address(ctx);
        String host = ctx.target().host();
        RdpExchange.Outcome o = RdpExchange.negotiate(address, ctx, request, true);
        if (!tlsSelected(o)) {
            out.warn("TLS not started: the " + RdpProtocols.describe(request) + " request now got "
                    + (o.status() == RdpExchange.Status.REPLY ? o.reply().kind().name().toLowerCase(java.util.Locale.ROOT)
                    : o.status().name().toLowerCase(java.util.Locale.ROOT) + " (" + o.detail() + ")"));
            RdpExchange.closeQuietly(o.socket());
            return out.build();
        }
        X509Certificate leaf = handshake(ctx, o.socket(), host, ctx.target().port(), rdpStart(ctx, address, request, out), out,
                HOST);
        if (leaf != null) {
            CertificateFacts f = CertificateFacts.of(leaf, host, Instant.now());
            out.put(ProbeSymptoms.TLS_CERT_DAYS_LEFT, f.daysLeft());
            out.put(ProbeSymptoms.TLS_CERT_SELF_SIGNED, f.selfSigned());
            out.put(ProbeSymptoms.TLS_CERT_NAME_MATCH, f.nameMatch());
            out.put(ProbeSymptoms.TLS_CERT_SUBJECT, f.subject());
            out.put(ProbeSymptoms.TLS_CERT_THUMBPRINT, f.thumbprint());
        } else if (!ctx.isExpired()) {
            out.warn("no certificate seen");
        }
        return out.build();
    }

    /**
     * What one TLS inspection writes and says: the symptom names for the handshake's outcome, the highest version and the
     * alert (null: not recorded), the handshake's name in a failure warning, and the server as the warnings name it.
     */
    record Peer(String handshakeOk, String maxVersion, String alert, String handshakeLabel, String server) {
    }

    /** The RDP host, after the negotiation selected TLS. */
    static final Peer HOST = new Peer(ProbeSymptoms.TLS_HANDSHAKE_OK, ProbeSymptoms.TLS_MAX_VERSION,
            ProbeSymptoms.TLS_HANDSHAKE_ALERT, "TLS handshake", "the host");

    /**
     * A JSSE handshake over {@code plain} (closed here) with the probe's inspecting configuration, and what it shows: whether
     * the server completes a handshake, its highest TLS version — read with the probe's own ClientHello on new connections
     * from {@code again} when JSSE cannot finish (TLS 1.0/1.1, which this JDK refuses: the server's side of that handshake
     * works, so it counts as completed) or did not offer TLS 1.3 — and, when JSSE failed, the alert the server sent.
     *
     * @return the server's certificate, or null when none was seen
     */
    static X509Certificate handshake(CollectionContext ctx, Socket plain, String host, int port, TlsStart again,
                                     CollectorResult.Builder out, Peer peer) {
        JsseTls.InspectingTrustManager trust = new JsseTls.InspectingTrustManager();
        long budget = Math.min(ctx.ioTimeout().toNanos(), ctx.remaining().toNanos());
        JsseTls.Session session;
        try {
            session = JsseTls.handshake(plain, host, port, trust, budget);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            RdpExchange.closeQuietly(plain);
            out.warn(peer.handshakeLabel() + " failed: " + (ctx.isExpired() ? "collector time is up" : describe(e)));
            String alert = receivedAlert(e);
            if (alert != null && peer.alert() != null) {
                out.put(peer.alert(), alert);
            }
            X509Certificate leaf = rawScan(ctx, host, again, out, first(trust.chain()), peer.maxVersion(), peer.alert());
            Object v = out.get(peer.maxVersion());
            if (legacyVersion(v)) {
                // the server does TLS, only in a version this JDK disables: its handshake works, JSSE's refusal is local
                out.put(peer.handshakeOk(), true);
                out.warn(peer.server() + " completed its side of a TLS " + v + " handshake (ServerHello and certificate) with"
                        + " the probe's own ClientHello: the failure is this JDK refusing TLS " + v
                        + ", so " + peer.handshakeOk() + " is true");
            } else {
                out.put(peer.handshakeOk(), false);
            }
            return leaf;
        }
        RdpExchange.closeQuietly(session.socket());
        out.put(peer.handshakeOk(), true);
        String v = JsseTls.versionName(session.protocol());
        X509Certificate leaf = first(session.chain());
        if (v != null && !"1.3".equals(v) && !session.offeredTls13()) {
            // this JVM did not offer 1.3, so the server's pick may not be its highest: ask without JSSE
            leaf = rawScan(ctx, host, again, out, leaf, peer.maxVersion(), null);
        }
        if (v != null && !out.has(peer.maxVersion())) {
            // JSSE offered 1.3 and every lower version the JDK allows: the server's pick is its highest
            out.put(peer.maxVersion(), v);
        }
        return leaf;
    }

    /** The leaf of a chain, or null. */
    static X509Certificate first(X509Certificate[] chain) {
        return chain != null && chain.length > 0 ? chain[0] : null;
    }

    private static boolean tlsSelected(RdpExchange.Outcome o) {
        return o.status() == RdpExchange.Status.REPLY && o.socket() != null
                && o.reply().kind() == X224.Reply.Kind.SELECTED
                && (o.reply().selectedProtocol() & (RdpProtocols.SSL | RdpProtocols.HYBRID | RdpProtocols.HYBRID_EX)) != 0;
    }

    /** TLS 1.0 or 1.1: versions a host completes while this JDK refuses them (so JSSE's failure is local). */
    static boolean legacyVersion(Object version) {
        return "1.0".equals(version) || "1.1".equals(version);
    }

    /** Opens a new connection on which the next bytes sent are a ClientHello; null (after a warning) when it cannot. */
    @FunctionalInterface
    interface TlsStart {
        Socket open(long deadline);
    }

    /** A new RDP connection whose negotiation selected TLS. */
    private static TlsStart rdpStart(CollectionContext ctx, InetAddress address, int request, CollectorResult.Builder out) {
        return deadline -> {
            RdpExchange.Outcome o = RdpExchange.negotiate(address, ctx, request, true, deadline);
            if (!tlsSelected(o)) {
                RdpExchange.closeQuietly(o.socket());
                out.warn("TLS version scan: negotiation failed (" + o.status() + ")");
                return null;
            }
            return o.socket();
        };
    }

    /**
     * Finds the server's highest TLS version (and certificate when still unknown) without JSSE: a ClientHello
     * offering up to 1.3, 1.2, 1.1, 1.0 in turn, each on a new connection, until the server picks a version.
     *
     * @param versionSymptom where the version goes
     * @param alertSymptom   where the first alert goes, or null to record none
     */
    static X509Certificate rawScan(CollectionContext ctx, String sniHost, TlsStart start, CollectorResult.Builder out,
                                   X509Certificate leaf, String versionSymptom, String alertSymptom) {
        SecureRandom rnd = new SecureRandom();
        for (int max : RAW_TRIES) {
            if (ctx.remaining().compareTo(ctx.ioTimeout()) < 0 || ctx.isExpired()) {
                out.warn("TLS version scan stopped: not enough time left");
                return leaf;
            }
            long deadline = RdpExchange.exchangeDeadline(ctx); // connection set-up and ServerHello together
            Socket s = start.open(deadline);
            if (s == null) {
                return leaf;
            }
            try {
                TlsHello.Flight f = TlsHello.exchange(s, max, sniHost, rnd, ctx.ioTimeout(), deadline);
                if (f.version() > 0) {
                    String v = TlsHello.versionName(f.version());
                    if (v == null) {
                        out.warn(String.format("host picked TLS wire version 0x%04x", f.version()));
                        return leaf;
                    }
                    out.put(versionSymptom, v);
                    if (leaf == null && f.leafCertificate() != null) {
                        try {
                            leaf = CertificateFacts.parse(f.leafCertificate());
                        } catch (CertificateException e) {
                            out.warn("host certificate does not parse: " + e.getMessage());
                        }
                    }
                    return leaf;
                }
                String alert = TlsHello.alertName(f.alert());
                if (alertSymptom != null && !out.has(alertSymptom)) {
                    out.put(alertSymptom, alert);
                }
                out.warn("TLS version scan: host sent alert " + alert + " to a ClientHello offering up to "
                        + TlsHello.versionName(max));
            } catch (IOException e) {
                out.warn("TLS version scan up to " + TlsHello.versionName(max) + ": " + describe(e));
            } finally {
                RdpExchange.closeQuietly(s);
            }
        }
        return leaf;
    }

    private static final java.util.regex.Pattern ALERT = java.util.regex.Pattern.compile(
            "Received fatal alert: ([a-z_]+)");

    /** The alert name in a JSSE "Received fatal alert: X" message, or null. */
    static String receivedAlert(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                java.util.regex.Matcher m = ALERT.matcher(t.getMessage());
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }

    /** The failure for a person; a timeout's message ("no answer within 1000 ms") says it all. */
    static String describe(Throwable e) {
        String m = e.getMessage();
        if (e instanceof java.net.SocketTimeoutException && m != null) {
            return m;
        }
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
