package io.github.rdpdoctor.collectors.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rdpdoctor.collectors.CollectedSymptoms;
import io.github.rdpdoctor.collectors.CollectionReport;
import io.github.rdpdoctor.engine.Diagnosis;
import io.github.rdpdoctor.engine.RankedCause;
import io.github.rdpdoctor.engine.RdpDoctor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Exact comparison of probe symptoms, with the few values that vary checked by type; and what the bundled rules
 * conclude from a probe report (the diagnosis {@code rdp-doctor probe} prints).
 */
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
                "network.rdp_port", (long) port, "network.rdp_port_state", "open", "network.connected_ip", "127.0.0.1");
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

    /** One doctor with the bundled rules for all probe tests (compiled once; thread-safe). */
    private static final class Bundled {
        static final RdpDoctor DOCTOR = RdpDoctor.builder().build();
    }

    static RdpDoctor doctor() {
        return Bundled.DOCTOR;
    }

    /** The diagnosis of a probe report, as {@code rdp-doctor probe} makes it. */
    static Diagnosis diagnose(CollectionReport r) {
        return doctor().diagnose(CollectedSymptoms.toSymptomSet(r));
    }

    /** Asserts the top cause, and that every collector warning reached the diagnosis (and nothing else did). */
    static Diagnosis assertTopCause(CollectionReport r, String cause) {
        Diagnosis d = diagnose(r);
        assertEquals(cause, d.top().map(RankedCause::id).orElse(null), () -> ranking(d));
        assertEquals(r.warnings(), d.warnings());
        return d;
    }

    /** Asserts that the rules find nothing wrong, and that the diagnosis warnings are the collectors' warnings. */
    static void assertNoCause(CollectionReport r) {
        Diagnosis d = diagnose(r);
        assertEquals(List.of(), d.causes(), () -> ranking(d));
        assertEquals(r.warnings(), d.warnings());
    }

    static List<String> ids(Diagnosis d) {
        return d.causes().stream().map(RankedCause::id).toList();
    }

    static String ranking(Diagnosis d) {
        return d.causes().stream().map(c -> c.id() + " " + c.confidence()).collect(Collectors.joining(", "))
                + "; warnings " + d.warnings();
    }
}
