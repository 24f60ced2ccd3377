package io.github.rdpdoctor.collectors.network;

import io.github.rdpdoctor.collectors.CollectionContext;
import io.github.rdpdoctor.collectors.CollectionTarget;
import io.github.rdpdoctor.collectors.CollectorResult;
import io.github.rdpdoctor.collectors.SymptomCollector;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends X.224 Connection Requests with RDP_NEG_REQ for several requested-protocol sets, one TCP
 * connection each, and reads what the host selected (not just whether it answered).
 *
 * <p>Produces {@code rdp.negotiation} (from the mstsc-like HYBRID|SSL request),
 * {@code rdp.negotiation_failure}, {@code rdp.nla_required}, and per request
 * {@code rdp.negotiation.hybrid_ssl}, {@code .ssl}, {@code .rdp} with one of: a protocol name
 * (rdp, ssl, hybrid, hybrid_ex, rdstls, rdsaad), {@code failure:<code name>}, {@code closed},
 * {@code no_response}, {@code invalid}. A request whose TCP connect fails gets no value (and ends the
 * requests) with a warning: the host was never reached, so it neither closed nor ignored anything.
 *
 * <p>When the port closes every request, one more connection sends a TLS ClientHello as its first bytes: an answer
 * to it (ServerHello or alert) means the port speaks TLS directly (an HTTPS server, an RD Gateway), not RDP, so
 * {@code rdp.invalid_response} is true and there is no {@code rdp.negotiation} (no RDP host closed anything).
 */
public final class RdpNegotiationCollector implements SymptomCollector {

    /** A requested-protocols set and the suffix of its per-request symptom. */
    public record Request(String key, int protocols) {
    }

    /** The sets probed, in order; the first is what mstsc asks for. */
    public static final List<Request> REQUESTS = List.of(
            new Request("hybrid_ssl", RdpProtocols.HYBRID | RdpProtocols.SSL),
            new Request("ssl", RdpProtocols.SSL),
            new Request("rdp", RdpProtocols.RDP));

    private static final Set<String> HEADLINE_PROTOCOLS = Set.of("rdp", "ssl", "hybrid", "hybrid_ex", "rdstls");

    @Override
    public String name() {
        return "rdp-negotiation";
    }

    @Override
    public Set<String> produces() {
        return Set.of(ProbeSymptoms.RDP_NEGOTIATION, ProbeSymptoms.RDP_NEGOTIATION_FAILURE, ProbeSymptoms.RDP_NLA_REQUIRED,
                ProbeSymptoms.RDP_NEGOTIATION_PREFIX + "hybrid_ssl", ProbeSymptoms.RDP_NEGOTIATION_PREFIX + "ssl",
                ProbeSymptoms.RDP_NEGOTIATION_PREFIX + "rdp", ProbeSymptoms.RDP_NEGOTIATION_LEGACY,
                ProbeSymptoms.RDP_INVALID_RESPONSE);
    }

    @Override
    public int order() {
        return 300;
    }

    /** Applies unless the name did not resolve or the TCP connect failed: then there is no host to ask. */
    @Override
    public boolean appliesTo(CollectionTarget target, Map<String, Object> soFar) {
        if (Boolean.FALSE.equals(soFar.get(ProbeSymptoms.DNS_OK))) {
            return false;
        }
        Object state = soFar.get(ProbeSymptoms.RDP_PORT_STATE);
        return state == null || "open".equals(state);
    }

    @Override
    public CollectorResult collect(CollectionContext ctx) throws UnknownHostException {
        InetAddress address = RdpExchange.address(ctx);
        CollectorResult.Builder out = CollectorResult.builder();
        List<RdpExchange.Outcome> outcomes = new ArrayList<>();
        for (Request r : REQUESTS) {
            if (!outcomes.isEmpty() && ctx.remaining().compareTo(ctx.ioTimeout()) < 0) {
                out.warn("not enough time left for the " + RdpProtocols.describe(r.protocols()) + " request");
                break;
            }
            RdpExchange.Outcome o = RdpExchange.negotiate(address, ctx, r.protocols(), false);
            if (o.status() == RdpExchange.Status.CONNECT_FAILED) {
                // TCP never connected: the host closed nothing and answered nothing, so nothing to record
                out.warn("request " + RdpProtocols.describe(r.protocols()) + " not sent: " + o.detail()
                        + (outcomes.size() + 1 < REQUESTS.size() ? "; remaining requests skipped" : ""));
                break;
            }
            outcomes.add(o);
            out.put(ProbeSymptoms.RDP_NEGOTIATION_PREFIX + r.key(), value(o, out));
            if (o.status() != RdpExchange.Status.REPLY) {
                out.warn("request " + RdpProtocols.describe(r.protocols()) + ": " + o.detail());
            }
            if (o.status() == RdpExchange.Status.NO_RESPONSE || o.status() == RdpExchange.Status.INVALID) {
                if (outcomes.size() < REQUESTS.size()) {
                    out.warn("remaining requests skipped after " + o.status().name().toLowerCase(java.util.Locale.ROOT));
                }
                break;
            }
        }
        if (outcomes.isEmpty()) {
            return out.build();
        }
        if (outcomes.size() == REQUESTS.size()
                && outcomes.stream().allMatch(o -> o.status() == RdpExchange.Status.CLOSED)) {
            String tls = tlsAnswer(address, ctx, out);
            if (tls != null) {
                // not an RDP server that closes (as a filter or a full backlog does), but something else on the port
                out.put(ProbeSymptoms.RDP_INVALID_RESPONSE, true);
                out.warn("the port closed every RDP request but answered a TLS ClientHello (" + tls + "): it speaks"
                        + " TLS directly, as an HTTPS server or an RD Gateway does, not RDP");
                return out.build();
            }
        }
        headline(outcomes.get(0), out);
        Boolean nla = nlaRequired(outcomes);
        if (nla != null) {
            out.put(ProbeSymptoms.RDP_NLA_REQUIRED, nla);
        }
        return out.build();
    }

    /**
     * What a TLS ClientHello sent as the first bytes on a new connection gets: "ServerHello, TLS 1.3", "alert X", or
     * null when no TLS record comes back (an RDP host closes this connection too: it expects an X.224 request).
     */
    static String tlsAnswer(InetAddress address, CollectionContext ctx, CollectorResult.Builder out) {
        if (ctx.remaining().compareTo(ctx.ioTimeout()) < 0) {
            out.warn("not enough time left to check whether the port speaks TLS instead of RDP");
            return null;
        }
        long deadline = RdpExchange.exchangeDeadline(ctx);
        Socket s = null;
        try {
            s = RdpExchange.connect(address, ctx.target().port(), ctx, deadline);
            TlsHello.Flight f = TlsHello.exchange(s, TlsHello.TLS13, ctx.target().host(), new SecureRandom(),
                    ctx.ioTimeout(), deadline);
            if (f.isAlert()) {
                return "alert " + TlsHello.alertName(f.alert());
            }
            String v = TlsHello.versionName(f.version());
            return "ServerHello, TLS " + (v != null ? v : String.format("wire version 0x%04x", f.version()));
        } catch (IOException e) {
            return null; // closed, reset, silent or not TLS: nothing learned
        } finally {
            RdpExchange.closeQuietly(s);
        }
    }

    /** The per-request value; adds warnings for protocol violations. */
    static String value(RdpExchange.Outcome o, CollectorResult.Builder out) {
        switch (o.status()) {
            case CLOSED:
                return "closed";
            case NO_RESPONSE:
                return "no_response";
            case INVALID:
                out.put(ProbeSymptoms.RDP_INVALID_RESPONSE, true);
                return "invalid";
            default:
                break;
        }
        X224.Reply reply = o.reply();
        switch (reply.kind()) {
            case DISCONNECT_REQUEST:
                out.warn("request " + RdpProtocols.describe(o.requested()) + ": host answered with an X.224 Disconnect Request");
                return "closed";
            case NO_NEGOTIATION_DATA:
                out.put(ProbeSymptoms.RDP_NEGOTIATION_LEGACY, true);
                return "rdp";
            case FAILURE: {
                String f = RdpProtocols.failureName(reply.failureCode());
                if (f == null) {
                    out.warn("request " + RdpProtocols.describe(o.requested()) + ": unknown failure code " + reply.failureCode());
                    return "failure:code_" + reply.failureCode();
                }
                return "failure:" + f;
            }
            case SELECTED:
            default: {
                String p = RdpProtocols.selectedName(reply.selectedProtocol());
                if (p == null) {
                    out.put(ProbeSymptoms.RDP_INVALID_RESPONSE, true);
                    out.warn("request " + RdpProtocols.describe(o.requested()) + ": host selected invalid protocol value 0x"
                            + Long.toHexString(reply.selectedProtocol()));
                    return "invalid";
                }
                if ((reply.selectedProtocol() & ~o.requested()) != 0) {
                    out.warn("request " + RdpProtocols.describe(o.requested()) + ": host selected " + p
                            + ", which was not requested");
                }
                return p;
            }
        }
    }

    private static void headline(RdpExchange.Outcome first, CollectorResult.Builder out) {
        switch (first.status()) {
            case CLOSED -> out.put(ProbeSymptoms.RDP_NEGOTIATION, "closed");
            case NO_RESPONSE -> out.put(ProbeSymptoms.RDP_NEGOTIATION, "no_response");
            case INVALID -> { /* rdp.invalid_response already says it */ }
            case REPLY -> {
                X224.Reply r = first.reply();
                switch (r.kind()) {
                    case DISCONNECT_REQUEST -> out.put(ProbeSymptoms.RDP_NEGOTIATION, "closed");
                    case NO_NEGOTIATION_DATA -> out.put(ProbeSymptoms.RDP_NEGOTIATION, "rdp");
                    case FAILURE -> {
                        out.put(ProbeSymptoms.RDP_NEGOTIATION, "failure");
                        String f = RdpProtocols.failureName(r.failureCode());
                        if (f != null) {
                            out.put(ProbeSymptoms.RDP_NEGOTIATION_FAILURE, f);
                        }
                    }
                    case SELECTED -> {
                        String p = RdpProtocols.selectedName(r.selectedProtocol());
                        if (p != null && HEADLINE_PROTOCOLS.contains(p)) {
                            out.put(ProbeSymptoms.RDP_NEGOTIATION, p);
                        }
                    }
                    default -> { }
                }
            }
            default -> { }
        }
    }

    /**
     * NLA is required when a request without HYBRID got HYBRID_REQUIRED_BY_SERVER and none
     * without HYBRID was accepted; not required when one without HYBRID was accepted; else unknown.
     */
    static Boolean nlaRequired(List<RdpExchange.Outcome> outcomes) {
        boolean hybridRequired = false;
        for (RdpExchange.Outcome o : outcomes) {
            if ((o.requested() & (RdpProtocols.HYBRID | RdpProtocols.HYBRID_EX)) != 0
                    || o.status() != RdpExchange.Status.REPLY) {
                continue;
            }
            X224.Reply r = o.reply();
            if (r.kind() == X224.Reply.Kind.NO_NEGOTIATION_DATA) {
                return false;
            }
            if (r.kind() == X224.Reply.Kind.SELECTED
                    && (r.selectedProtocol() & (RdpProtocols.HYBRID | RdpProtocols.HYBRID_EX)) == 0) {
                return false;
            }
            if (r.kind() == X224.Reply.Kind.FAILURE && r.failureCode() == 5) {
                hybridRequired = true;
            }
        }
        return hybridRequired ? Boolean.TRUE : null;
    }
}
