package io.github.rdpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rdpdoctor.symptoms.Vocabulary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Symptom patterns that compile but cannot match as written are reported to the rule author. */
class VocabularyCheckTest {
    private static final String HEADER = """
            package site;
            import io.github.rdpdoctor.symptoms.Symptom;
            global io.github.rdpdoctor.engine.Findings findings;
            """;

    private static String rule(String name, String... patterns) {
        return "rule \"firewall-blocking: " + name + "\"\nwhen\n    " + String.join("\n    ", patterns)
                + "\nthen\n    findings.support(kcontext, \"firewall-blocking\", 0.3, \"x\");\nend\n";
    }

    private static List<RuleProblem> warningsOf(String drl) {
        return RdpDoctor.builder().addRules("site.drl", HEADER + drl).build().ruleWarnings();
    }

    @Test
    void aMisspeltSymptomNameIsReportedWithTheClosestKnownName() {
        List<RuleProblem> w = warningsOf(rule("typo", "Symptom(name == \"network.rdp_prot_state\", text == \"filtered\")"));
        assertEquals(1, w.size(), w.toString());
        assertEquals("site.drl", w.get(0).file());
        assertEquals(6, w.get(0).line());
        assertEquals(5, w.get(0).column());
        assertTrue(w.get(0).message().contains("'network.rdp_prot_state' is not in the vocabulary"), w.get(0).message());
        assertTrue(w.get(0).message().endsWith("did you mean 'network.rdp_port_state'?"), w.get(0).message());
        assertTrue(w.get(0).asWarning().startsWith("site.drl:6:5: warning: rule \"firewall-blocking: typo\""),
                w.get(0).asWarning());
    }

    @Test
    void aNameFarFromEveryKnownNameGetsNoGuess() {
        List<RuleProblem> w = warningsOf(rule("site symptom", "Symptom(name == \"site.badge_reader_ok\", flag == true)"));
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).message().endsWith("match"), w.get(0).message());
    }

    @Test
    void aNameThatARuleDerivesIsNotReportedAsUnknown() {
        String derive = """
                rule "derive edge suspect"
                when
                    Symptom(name == "network.rdp_port_state", text == "filtered")
                then
                    insert(new Symptom("site.edge_suspect", Boolean.TRUE));
                end
                """;
        assertEquals(List.of(), warningsOf(derive + rule("derived", "Symptom(name == \"site.edge_suspect\", flag == true)")));
        // a misspelt use of the derived name is still reported
        assertEquals(1, warningsOf(derive + rule("typo", "Symptom(name == \"site.edge_suspekt\", flag == true)")).size());
    }

    @Test
    void aTypedViewTheSymptomNeverHasIsReportedAtTheConstraint() {
        List<RuleProblem> w = warningsOf(rule("views",
                "Symptom(name == \"server.os\", number < 10)",
                "not Symptom(name == \"client.other_hosts_work\", number == 1)",
                "Symptom(name == \"tls.cert_days_left\", flag == false)"));
        assertEquals(3, w.size(), w.toString());
        assertEquals(List.of(6, 7, 8), w.stream().map(RuleProblem::line).toList());
        assertEquals(34, w.get(0).column());
        assertTrue(w.get(0).message().contains("server.os is a string symptom and has no 'number', so 'number < 10'"
                + " does not test it; use 'text'"), w.get(0).message());
        assertTrue(w.get(1).message().endsWith("use 'flag'"), w.get(1).message());
        assertTrue(w.get(2).message().endsWith("use 'number'"), w.get(2).message());
    }

    @Test
    void anEnumComparedWithAValueItCannotTakeIsReported() {
        List<RuleProblem> w = warningsOf(rule("enum", "Symptom(name == \"network.rdp_port_state\", text == \"filterd\" || text != \"open\")"));
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).message().contains("\"filterd\" is not a value of network.rdp_port_state (open, closed, filtered)"),
                w.get(0).message());
        assertTrue(w.get(0).message().endsWith("is never true"), w.get(0).message());
    }

    @Test
    void patternsInsideAccumulateAreChecked() {
        List<RuleProblem> w = warningsOf(rule("accumulate",
                "Number(intValue > 0) from accumulate(Symptom(name == \"client.eror_code\"), count(1))"));
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).message().contains("did you mean 'client.error_code'?"), w.get(0).message());
    }

    @Test
    void correctPatternsGiveNoWarning() {
        assertEquals(List.of(), warningsOf(rule("fine",
                "Symptom(name == \"network.rdp_port_state\", text == \"filtered\")",
                "Symptom(name == \"client.error_code\", text == \"0x904\", number == 2308)",
                "Symptom(name == \"tls.cert_days_left\", number < 0)",
                "$o : Symptom(name == \"server.os\", text matches \"(?i).*2012.*\")",
                "Symptom(name == \"target.host\", text != \"\")",
                "Symptom(name == \"client.os\", text != $o.text)")));
    }

    @Test
    void theBundledRulesHaveNoWarnings() {
        assertEquals(List.of(), VocabularyCheck.warnings(RuleSource.bundled(), Vocabulary.bundled()));
    }
}
