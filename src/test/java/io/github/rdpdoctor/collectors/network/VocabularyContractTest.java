package io.github.rdpdoctor.collectors.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.rdpdoctor.collectors.SymptomCollector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The probe's symptom names and enum values against the vocabulary ({@code kb/symptoms.yaml}):
 * every produced name is either in it or one of the probe's documented additions, and every enum
 * value the probe can emit for a contract name is allowed.
 */
class VocabularyContractTest {

    /** Names the probe adds beyond the contract (in kb/symptoms.yaml with {@code extension: true}). */
    static final Set<String> ADDED = Set.of(
            "network.dns_all_ips", "network.dns_ok", "network.connected_ip",
            "rdp.negotiation.hybrid_ssl", "rdp.negotiation.ssl", "rdp.negotiation.rdp",
            "rdp.negotiation_legacy", "rdp.invalid_response",
            "tls.handshake_alert", "tls.cert_subject", "tls.cert_thumbprint",
            "ntlm.nb_computer_name", "ntlm.nb_domain_name", "ntlm.dns_domain_name", "ntlm.dns_tree_name",
            "server.os_version", "server.os_build", "server.credssp_version",
            "gateway.dns_ok", "gateway.port_state", "gateway.tls_handshake_ok", "gateway.tls_max_version",
            "gateway.cert_days_left", "gateway.cert_self_signed", "gateway.cert_server_auth", "gateway.cert_subject");

    private static JsonNode vocabulary() throws IOException {
        Path file = Path.of("kb", "symptoms.yaml");
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return new ObjectMapper(new YAMLFactory()).readTree(in).path("symptoms");
            }
        }
        try (InputStream in = VocabularyContractTest.class.getClassLoader().getResourceAsStream("rdp-doctor/kb/symptoms.yaml")) {
            org.junit.jupiter.api.Assumptions.assumeTrue(in != null, "no kb/symptoms.yaml");
            return new ObjectMapper(new YAMLFactory()).readTree(in).path("symptoms");
        }
    }

    private static Set<String> values(JsonNode vocab, String name) {
        Set<String> out = new HashSet<>();
        vocab.path(name).path("values").forEach(v -> out.add(v.asText()));
        return out;
    }

    @Test
    void everyProducedNameIsInTheVocabularyOrADocumentedAddition() throws IOException {
        JsonNode vocab = vocabulary();
        Set<String> unknown = new TreeSet<>();
        Set<String> produced = new TreeSet<>();
        for (SymptomCollector c : Prober.networkCollectors()) {
            produced.addAll(c.produces());
        }
        for (String n : produced) {
            if (!vocab.has(n) && !ADDED.contains(n)) {
                unknown.add(n);
            }
        }
        assertEquals(Set.of(), unknown);
        for (String contract : List.of("network.dns_resolved_ip", "network.dns_expected_ip", "network.rdp_port",
                "network.rdp_port_state", "network.latency_ms", "rdp.negotiation", "rdp.negotiation_failure",
                "rdp.nla_required", "tls.handshake_ok", "tls.max_version", "tls.cert_days_left", "tls.cert_self_signed",
                "tls.cert_name_match", "ntlm.dns_computer_name", "server.clock_skew_s")) {
            assertTrue(produced.contains(contract), "probe produces " + contract);
            assertTrue(vocab.has(contract), "vocabulary has " + contract);
        }
    }

    @Test
    void theAddedNamesAreVocabularyExtensions() throws IOException {
        JsonNode vocab = vocabulary();
        Set<String> produced = new TreeSet<>();
        for (SymptomCollector c : Prober.networkCollectors()) {
            produced.addAll(c.produces());
        }
        for (String n : ADDED) {
            assertTrue(produced.contains(n), "probe produces " + n);
            assertTrue(vocab.path(n).path("extension").asBoolean(false), n + " is in kb/symptoms.yaml with extension: true");
            assertTrue(io.github.rdpdoctor.symptoms.Vocabulary.bundled().definition(n).orElseThrow().extension(), n);
        }
        for (String n : produced) {
            if (!ADDED.contains(n)) {
                assertTrue(!vocab.path(n).path("extension").asBoolean(false), n + " is a contract name, not an extension");
            }
        }
    }

    @Test
    void enumValuesAreAllowed() throws IOException {
        JsonNode vocab = vocabulary();
        assertTrue(values(vocab, "network.rdp_port_state").containsAll(Set.of("open", "closed", "filtered")));
        assertTrue(values(vocab, "rdp.negotiation").containsAll(Set.of("rdp", "ssl", "hybrid", "hybrid_ex", "rdstls",
                "failure", "no_response", "closed")));
        Set<String> failures = values(vocab, "rdp.negotiation_failure");
        for (int code = 1; code <= 6; code++) {
            assertTrue(failures.contains(RdpProtocols.failureName(code)), RdpProtocols.failureName(code));
        }
        Set<String> versions = values(vocab, "tls.max_version");
        for (int v : new int[] {TlsHello.TLS10, TlsHello.TLS11, TlsHello.TLS12, TlsHello.TLS13}) {
            assertTrue(versions.contains(TlsHello.versionName(v)), TlsHello.versionName(v));
        }
    }
}
