package io.github.rdpdoctor.collectors.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Addresses in facts and messages are written as people write them (RFC 5952), so they compare with typed ones. */
class AddressesTest {
    private static String text(String literal) throws Exception {
        return Addresses.text(InetAddress.getByName(literal));
    }

    @Test
    void ipv6IsWrittenShort() throws Exception {
        assertEquals("::1", text("0:0:0:0:0:0:0:1"));
        assertEquals("::", text("::"));
        assertEquals("2001:db8::1", text("2001:0db8:0000:0000:0000:0000:0000:0001"));
        assertEquals("2001:db8::1:0:0:1", text("2001:db8:0:0:1:0:0:1")); // the first of two equal runs
        assertEquals("1:0:0:2::3", text("1:0:0:2:0:0:0:3")); // the longest run
        assertEquals("1:0:2:3:4:5:6:7", text("1:0:2:3:4:5:6:7")); // one zero group stays
        assertEquals("fe80::", text("fe80:0:0:0:0:0:0:0"));
        assertEquals("10.0.0.5", text("10.0.0.5"));
        assertEquals("10.0.0.5", text("::ffff:10.0.0.5")); // an IPv4-mapped address is the IPv4 address
    }

    @Test
    void withAPortIpv6IsBracketed() throws Exception {
        assertEquals("[::1]:3389", Addresses.withPort(InetAddress.getByName("::1"), 3389));
        assertEquals("127.0.0.1:3389", Addresses.withPort(InetAddress.getByName("127.0.0.1"), 3389));
    }
}
