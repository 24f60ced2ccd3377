package io.github.rdpdoctor.collectors.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rdpdoctor.collectors.CollectionReport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Exact comparison of probe symptoms, with the few values that vary checked by type. */
final class ProbeAssertions {
    private ProbeAssertions() {
    }

    /** An ordered map from alternating keys and values. */
    static Map<String, Object> m(Object... kv) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.put((String) kv[i], kv[i + 1]);
        }
        return out;
    }

    /** DNS + TCP symptoms of an open 127.0.0.1 port. */
    static Map<String, Object> openLoopback(int port) {
        return m("network.dns_ok", true, "network.dns_resolved_ip", "127.0.0.1", "network.dns_all_ips", "127.0.0.1",
                "network.rdp_port", (long) port, "network.rdp_port_state", "open");
    }

    /**
     * Asserts that the report has exactly the expected symptoms; {@code network.latency_ms}, when
     * present, must be a non-negative Double and is not compared.
     */
    static void assertSymptoms(CollectionReport r, Map<String, Object> expected) {
        Map<String, Object> actual = new TreeMap<>(r.symptoms());
        Object latency = actual.remove("network.latency_ms");
        if ("open".equals(r.get("network.rdp_port_state"))) {
            assertTrue(latency instanceof Double d && d >= 0, "latency_ms: " + latency);
        }
        assertEquals(new TreeMap<>(expected), actual, () -> "symptoms of " + r.target().display()
                + "\nwarnings: " + r.warnings());
    }
}
