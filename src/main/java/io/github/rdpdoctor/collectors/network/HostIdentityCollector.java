package io.github.rdpdoctor.collectors.network;

import io.github.rdpdoctor.collectors.CollectionContext;
import io.github.rdpdoctor.collectors.CollectionTarget;
import io.github.rdpdoctor.collectors.CollectorResult;
import io.github.rdpdoctor.collectors.SymptomCollector;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Host identity as nmap's rdp-ntlm-info reads it: HYBRID negotiation, TLS, then a CredSSP
 * TSRequest carrying an NTLM NEGOTIATE; the host's CHALLENGE names it (NetBIOS/DNS computer and
 * domain), gives its OS version and its clock. No credentials are sent; the connection is closed
 * after the challenge.
 */
public final class HostIdentityCollector implements SymptomCollector {

    /** TSRequest version the probe announces. */
    static final int CREDSSP_VERSION = 6;

    @Override
    public String name() {
        return "host-identity";
    }

    @Override
    public Set<String> produces() {
        return Set.of(ProbeSymptoms.NTLM_DNS_COMPUTER_NAME, ProbeSymptoms.NTLM_NB_COMPUTER_NAME,
                ProbeSymptoms.NTLM_NB_DOMAIN_NAME, ProbeSymptoms.NTLM_DNS_DOMAIN_NAME, ProbeSymptoms.NTLM_DNS_TREE_NAME,
                ProbeSymptoms.SERVER_CLOCK_SKEW_S, ProbeSymptoms.SERVER_OS_VERSION, ProbeSymptoms.SERVER_OS_BUILD,
                ProbeSymptoms.SERVER_CREDSSP_VERSION);
    }

    @Override
    public int order() {
        return 500;
    }

    /** Applies when the HYBRID|SSL request selected CredSSP and TLS worked (or was not tried). */
    @Override
    public boolean appliesTo(CollectionTarget target, Map<String, Object> soFar) {
        Object v = soFar.get(ProbeSymptoms.RDP_NEGOTIATION_PREFIX + "hybrid_ssl");
        return ("hybrid".equals(v) || "hybrid_ex".equals(v)) && !Boolean.FALSE.equals(soFar.get(ProbeSymptoms.TLS_HANDSHAKE_OK));
    }

    @Override
    public CollectorResult collect(CollectionContext ctx) throws UnknownHostException {
        CollectorResult.Builder out = CollectorResult.builder();
        InetAddress address = RdpExchange.address(ctx);
        int request = RdpProtocols.HYBRID | RdpProtocols.SSL;
        RdpExchange.Outcome o = RdpExchange.negotiate(address, ctx, request, true);
        if (o.status() != RdpExchange.Status.REPLY || o.socket() == null || o.reply().kind() != X224.Reply.Kind.SELECTED
                || (o.reply().selectedProtocol() & (RdpProtocols.HYBRID | RdpProtocols.HYBRID_EX)) == 0) {
            RdpExchange.closeQuietly(o.socket());
            out.warn("CredSSP not started: the HYBRID|SSL request now got "
                    + (o.status() == RdpExchange.Status.REPLY ? o.reply().kind() + " " + o.reply().selectedProtocol()
                    : o.status() + " (" + o.detail() + ")"));
            return out.build();
        }
        long budget = Math.min(ctx.ioTimeout().toNanos(), ctx.remaining().toNanos());
        JsseTls.Session tls;
        try {
            tls = JsseTls.handshake(o.socket(), ctx.target().host(), ctx.target().port(),
                    new JsseTls.InspectingTrustManager(), budget);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            RdpExchange.closeQuietly(o.socket());
            out.warn("TLS handshake for CredSSP failed: " + TlsCollector.describe(e));
            return out.build();
        }
        try {
            ctx.closeOnTimeout(tls.socket());
            OutputStream os = tls.socket().getOutputStream();
            long sent = System.currentTimeMillis();
            os.write(TsRequest.encode(CREDSSP_VERSION, NtlmChallenge.negotiateMessage()));
            os.flush();
            long deadline = Math.min(ctx.deadlineNanos(), System.nanoTime() + ctx.ioTimeout().toNanos());
            Wire wire = new Wire(tls.socket(), tls.socket().getInputStream(), ctx.ioTimeout(), deadline);
            byte[] der = TsRequest.read(wire);
            long received = System.currentTimeMillis();
            TsRequest ts = TsRequest.decode(der);
            out.put(ProbeSymptoms.SERVER_CREDSSP_VERSION, ts.version());
            if (ts.errorCode() != null) {
                out.warn(String.format("host answered with CredSSP error 0x%08X", ts.errorCode()));
            }
            if (ts.negoTokens().isEmpty()) {
                out.warn("host's TSRequest carries no NTLM token");
                return out.build();
            }
            NtlmChallenge ch = NtlmChallenge.parse(ts.negoTokens().get(0));
            putString(out, ProbeSymptoms.NTLM_DNS_COMPUTER_NAME, ch.avString(NtlmChallenge.AV_DNS_COMPUTER_NAME));
            putString(out, ProbeSymptoms.NTLM_NB_COMPUTER_NAME, ch.avString(NtlmChallenge.AV_NB_COMPUTER_NAME));
            putString(out, ProbeSymptoms.NTLM_NB_DOMAIN_NAME, ch.avString(NtlmChallenge.AV_NB_DOMAIN_NAME));
            putString(out, ProbeSymptoms.NTLM_DNS_DOMAIN_NAME, ch.avString(NtlmChallenge.AV_DNS_DOMAIN_NAME));
            putString(out, ProbeSymptoms.NTLM_DNS_TREE_NAME, ch.avString(NtlmChallenge.AV_DNS_TREE_NAME));
            if (ch.version() != null) {
                out.put(ProbeSymptoms.SERVER_OS_VERSION, ch.version());
                out.put(ProbeSymptoms.SERVER_OS_BUILD, (long) ch.build());
            }
            Instant hostTime = ch.timestamp();
            if (hostTime != null) {
                long local = sent + (received - sent) / 2;
                out.put(ProbeSymptoms.SERVER_CLOCK_SKEW_S, Math.round((hostTime.toEpochMilli() - local) / 1000.0));
            } else {
                out.warn("NTLM challenge has no timestamp; clock skew unknown");
            }
        } catch (IOException e) {
            out.warn("CredSSP exchange failed: " + (ctx.isExpired() ? "collector time is up" : TlsCollector.describe(e)));
        } finally {
            try {
                tls.socket().close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        return out.build();
    }

    private static void putString(CollectorResult.Builder out, String name, String value) {
        if (value != null && !value.isEmpty()) {
            out.put(name, value);
        }
    }
}
