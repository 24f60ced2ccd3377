package io.github.rdpdoctor.collectors.network;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * Addresses as people and symptom files write them: IPv6 in the short form of RFC 5952 ({@code ::1}, not Java's
 * {@code 0:0:0:0:0:0:0:1}), so a fact compares equal to an address typed by hand; with a port, IPv6 in brackets.
 */
final class Addresses {
    private Addresses() {
    }

    /** The address in RFC 5952 text form (IPv4 as dotted quad); a scope id is kept ({@code fe80::1%eth0}). */
    static String text(InetAddress address) {
        String full = address.getHostAddress();
        if (!(address instanceof Inet6Address)) {
            return full;
        }
        int percent = full.indexOf('%');
        String scope = percent >= 0 ? full.substring(percent) : "";
        String[] groups = (percent >= 0 ? full.substring(0, percent) : full).split(":");
        // the longest run of two or more zero groups (the first of equals) becomes "::"
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; ) {
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(j, i + 1);
        }
        if (bestStart < 0) {
            return String.join(":", groups) + scope;
        }
        return String.join(":", Arrays.copyOfRange(groups, 0, bestStart)) + "::"
                + String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, groups.length)) + scope;
    }

    /** {@code 10.0.0.5:3389} or {@code [::1]:3389}. */
    static String withPort(InetAddress address, int port) {
        String text = text(address);
        return (address instanceof Inet6Address ? "[" + text + "]" : text) + ":" + port;
    }
}
