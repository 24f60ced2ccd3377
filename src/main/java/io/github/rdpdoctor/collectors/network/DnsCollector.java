package io.github.rdpdoctor.collectors.network;

import io.github.rdpdoctor.collectors.CollectionContext;
import io.github.rdpdoctor.collectors.CollectorResult;
import io.github.rdpdoctor.collectors.SymptomCollector;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves the host with the JVM's resolver (all addresses) and compares with the expected
 * address when one is given. An address literal resolves to itself without a lookup.
 */
public final class DnsCollector implements SymptomCollector {

    @Override
    public String name() {
        return "dns";
    }

    @Override
    public Set<String> produces() {
        return Set.of(ProbeSymptoms.DNS_RESOLVED_IP, ProbeSymptoms.DNS_EXPECTED_IP, ProbeSymptoms.DNS_ALL_IPS,
                ProbeSymptoms.DNS_OK);
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public CollectorResult collect(CollectionContext ctx) {
        CollectorResult.Builder out = CollectorResult.builder();
        String expected = ctx.target().expectedIp();
        if (expected != null) {
            String normal = normalizeLiteral(expected);
            if (normal == null) {
                out.warn("expected address '" + expected + "' is not an IP address; ignored");
            } else {
                out.put(ProbeSymptoms.DNS_EXPECTED_IP, normal);
            }
        }
        String host = ctx.target().host();
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            out.put(ProbeSymptoms.DNS_OK, false);
            out.warn("cannot resolve " + host + ": " + e.getMessage());
            return out.build();
        }
        if (all.length == 0) {
            out.put(ProbeSymptoms.DNS_OK, false);
            out.warn("resolver returned no address for " + host);
            return out.build();
        }
        out.put(ProbeSymptoms.DNS_OK, true);
        out.put(ProbeSymptoms.DNS_RESOLVED_IP, all[0].getHostAddress());
        out.put(ProbeSymptoms.DNS_ALL_IPS, Arrays.stream(all).map(InetAddress::getHostAddress).distinct()
                .collect(Collectors.joining(",")));
        return out.build();
    }

    /** Canonical text of an IPv4/IPv6 literal, or null when the text is not a literal. */
    static String normalizeLiteral(String text) {
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        boolean v4 = s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = s.indexOf(':') >= 0 && s.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+");
        if (!v4 && !v6) {
            return null; // never hand a name to the resolver here
        }
        try {
            return InetAddress.getByName(s).getHostAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
