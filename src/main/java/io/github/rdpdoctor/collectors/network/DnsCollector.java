package io.github.rdpdoctor.collectors.network;

import io.github.rdpdoctor.collectors.CollectionContext;
import io.github.rdpdoctor.collectors.CollectorResult;
import io.github.rdpdoctor.collectors.SymptomCollector;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves the host with the JVM's resolver (all addresses, put in the order a Windows client tries
 * them: IPv6 first, by the default prefix policy of RFC 6724 that Windows uses) and reports the
 * expected address next to them when one is given. An address literal resolves to itself without a
 * lookup, so an expected address is ignored for it (with a warning): there is no DNS to blame.
 */
public final class DnsCollector implements SymptomCollector {

    /** A name lookup: every address of a host. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Resolver resolver;

    /** With the JVM's resolver. */
    public DnsCollector() {
        this(InetAddress::getAllByName);
    }

    /** With another resolver (e.g. a test's fixed answer for a dual-stack name). */
    public DnsCollector(Resolver resolver) {
        this.resolver = java.util.Objects.requireNonNull(resolver, "resolver");
    }

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
        String host = ctx.target().host();
        boolean literal = normalizeLiteral(host) != null;
        if (expected != null) {
            String normal = normalizeLiteral(expected);
            if (normal == null) {
                out.warn("expected address '" + expected + "' is not an IP address; ignored");
            } else if (literal) {
                out.warn("expected address " + expected + " ignored: it only applies to host names, and " + host
                        + " is an address (no DNS lookup)");
            } else {
                out.put(ProbeSymptoms.DNS_EXPECTED_IP, normal);
            }
        }
        List<InetAddress> all;
        try {
            all = connectOrder(literal ? InetAddress.getAllByName(host) : resolver.resolve(host));
        } catch (UnknownHostException e) {
            out.put(ProbeSymptoms.DNS_OK, false);
            out.warn("cannot resolve " + host + ": " + e.getMessage());
            return out.build();
        }
        if (all.isEmpty()) {
            out.put(ProbeSymptoms.DNS_OK, false);
            out.warn("resolver returned no address for " + host);
            return out.build();
        }
        out.put(ProbeSymptoms.DNS_OK, true);
        out.put(ProbeSymptoms.DNS_RESOLVED_IP, Addresses.text(all.get(0)));
        out.put(ProbeSymptoms.DNS_ALL_IPS, all.stream().map(Addresses::text).collect(Collectors.joining(",")));
        return out.build();
    }

    /**
     * The addresses without duplicates, in the order a Windows client tries them: by precedence in the default
     * policy table of RFC 6724 section 2.1 (Windows' {@code netsh interface ipv6 show prefixpolicies}), higher
     * first, the resolver's order kept among equals. So ::1 before 127.0.0.1, global IPv6 before IPv4, IPv4 before
     * 6to4, Teredo and unique-local IPv6.
     */
    static List<InetAddress> connectOrder(InetAddress[] addresses) {
        List<InetAddress> out = new ArrayList<>(new LinkedHashSet<>(Arrays.asList(addresses)));
        out.sort(Comparator.comparingInt(DnsCollector::precedence).reversed());
        return out;
    }

    static int precedence(InetAddress a) {
        if (a instanceof Inet4Address) {
            return 35; // ::ffff:0:0/96
        }
        byte[] b = a.getAddress();
        if (a.isLoopbackAddress()) {
            return 50; // ::1/128
        }
        int first = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int second = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        if (first == 0x2002) {
            return 30; // 2002::/16, 6to4
        }
        if (first == 0x2001 && second == 0) {
            return 5; // 2001::/32, Teredo
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return 3; // fc00::/7, unique local
        }
        if ((first & 0xffc0) == 0xfec0 || first == 0x3ffe || Arrays.equals(Arrays.copyOf(b, 12), new byte[12])) {
            return 1; // fec0::/10 site-local, 3ffe::/16 6bone, ::/96 IPv4-compatible
        }
        return 40; // ::/0
    }

    /** Canonical text of an IPv4/IPv6 literal, or null when the text is not a literal. */
    static String normalizeLiteral(String text) {
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        boolean v4 = s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        // starts like an IPv6 literal, so InetAddress parses it and never looks it up as a name
        boolean v6 = s.indexOf(':') >= 0 && s.matches("[0-9A-Fa-f:][0-9A-Fa-f:.]*(%[\\p{Alnum}_.-]+)?");
        if (!v4 && !v6) {
            return null; // never hand a name to the resolver here
        }
        try {
            return Addresses.text(InetAddress.getByName(s));
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
