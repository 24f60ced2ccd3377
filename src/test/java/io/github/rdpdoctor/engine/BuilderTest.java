package io.github.rdpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rdpdoctor.knowledge.KnowledgeBase;
import io.github.rdpdoctor.symptoms.SymptomLoader;
import io.github.rdpdoctor.symptoms.SymptomSet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Mistakes an embedder can make with the builder, reported where they are made. */
class BuilderTest {
    /**
     * A null vocabulary used to be accepted and to surface only at the first diagnose, as a SymptomFileException that
     * called the caller's good file "malformed YAML" (the NullPointerException inside the loader was taken for a
     * parser error).
     */
    @Test
    void aNullVocabularyIsRefusedWhereItIsGiven() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> RdpDoctor.builder().vocabulary(null));
        assertEquals("vocabulary", e.getMessage());
        NullPointerException loader = assertThrows(NullPointerException.class, () -> new SymptomLoader(null));
        assertEquals("vocabulary", loader.getMessage());
    }

    static final String ONE_CAUSE = """
            causes:
              - id: rdp-certificate-problem
                title: Certificate trouble
                remediation:
                  - text: Renew the certificate.
            """;

    static KnowledgeBase kb(String yaml) throws IOException {
        return KnowledgeBase.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "mine.yaml");
    }

    /**
     * A replacement knowledge base without some causes the bundled rules conclude used to build fine and fail later,
     * at the first diagnosis that fired such a rule (here: the 0x904/0x7 pair, which weakly supports most causes).
     */
    @Test
    void aKnowledgeBaseLackingBundledCausesIsRefusedAtBuild() throws IOException {
        RdpDoctor.Builder b = RdpDoctor.builder().knowledgeBase(kb(ONE_CAUSE));
        RdpDoctorException e = assertThrows(RdpDoctorException.class, b::build);
        assertTrue(e.getMessage().startsWith("the knowledge base lacks 21 causes that the bundled rules conclude: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("credssp-nla-mismatch"), e.getMessage());
        assertTrue(e.getMessage().contains("logons-disabled"), "a cause beyond the contract is named too: " + e.getMessage());
        assertTrue(!e.getMessage().contains("rdp-certificate-problem"), e.getMessage());
    }

    @Test
    void aKnowledgeBaseWithEveryBundledCauseOrOnlyOwnRulesBuildsAndDiagnoses() throws IOException {
        KnowledgeBase copy;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(KnowledgeBase.RESOURCE)) {
            copy = KnowledgeBase.parse(in, "copy.yaml");
        }
        SymptomSet facts = SymptomSet.builder("h.example").symptom("client.error_code", "0x904")
                .symptom("client.extended_error_code", "0x7").symptom("server.cert_expired", true).build();
        assertEquals("rdp-certificate-problem",
                RdpDoctor.builder().knowledgeBase(copy).build().diagnose(facts).top().orElseThrow().id());

        RdpDoctor own = RdpDoctor.builder().withoutBundledRules().knowledgeBase(kb(ONE_CAUSE)).addRules("cert.drl", """
                package mine;
                import io.github.rdpdoctor.symptoms.Symptom;
                global io.github.rdpdoctor.engine.Findings findings;
                rule "rdp-certificate-problem: expired"
                when
                    Symptom(name == "server.cert_expired", flag == true)
                then
                    findings.support(kcontext, "rdp-certificate-problem", 0.7, "expired");
                end
                """).build();
        assertEquals("Certificate trouble", own.diagnose(facts).top().orElseThrow().title());
    }
}
