package io.github.rdpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rdpdoctor.knowledge.KnowledgeBase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Literal cause ids and weights in consequences, checked before any rule fires. */
class ConsequenceCheckTest {
    private static final KnowledgeBase KB = KnowledgeBase.bundled();

    private static List<String> problems(String rules) {
        return ConsequenceCheck.problems(List.of(new RuleSource("site.drl", RuleEngineTest.HEADER + rules)), KB).stream()
                .map(RuleProblem::toString).toList();
    }

    @Test
    void anUnknownLiteralCauseIdIsAProblemAtTheLiteralWithTheClosestId() {
        assertEquals(List.of("site.drl:9:32: rule \"typo\": 'firewal-blocking' is not a cause id of the knowledge base "
                + "(kb/causes.yaml); did you mean 'firewall-blocking'?"), problems("""
                rule "typo"
                when
                    Symptom(name == "network.ping_ok")
                then
                    findings.support(kcontext, "firewal-blocking", 0.3, "x");
                end
                """));
        assertEquals(List.of("site.drl:5:63: rule \"far off\": 'zzz' is not a cause id of the knowledge base (kb/causes.yaml)"),
                problems("rule \"far off\" when Symptom() then findings.against(kcontext, 'zzz', 0.3, \"x\"); end\n"));
    }

    @Test
    void aLiteralWeightOutsideZeroToOneIsAProblemForSupportAndAgainst() {
        assertEquals(List.of(
                "site.drl:9:53: rule \"w\": weight 1.5 for 'firewall-blocking' is outside (0, 1]",
                "site.drl:10:53: rule \"w\": weight 0 for 'firewall-blocking' is outside (0, 1]",
                "site.drl:12:13: rule \"w\": weight -0.3d for 'firewall-blocking' is outside (0, 1]"), problems("""
                rule "w"
                when
                    Symptom(name == "network.ping_ok")
                then
                    findings.support(kcontext, "firewall-blocking", 1.5, "too strong");
                    findings.against(kcontext, "firewall-blocking", 0, "nothing");
                    findings.against(kcontext, "firewall-blocking",
                            -0.3d, "negative, over two lines");
                    findings.support(kcontext, "firewall-blocking", 1, "full");
                    findings.support(kcontext, "firewall-blocking", .25, "fine");
                end
                """));
    }

    @Test
    void computedValuesCommentsAndStringsAreLeftToTheCheckAtRunTime() {
        assertEquals(List.of(), problems("""
                rule "computed"
                when
                    $s : Symptom(name == "network.rdp_port_state")
                then
                    String id = "firewall-" + "blocking";
                    findings.support(kcontext, id, $s.getText().equals("filtered") ? 0.6 : 2.0, "computed");
                    findings.support(kcontext, "firewall-blocking", Math.min(1.0, 0.2 * 3), "computed weight");
                    // findings.support(kcontext, "nope", 7, "commented out");
                    /* findings.support(kcontext, "nope", 7, "commented out"); */
                    System.out.println("findings.support(kcontext, \\"nope\\", 7, \\"in a string\\")");
                end
                """));
    }

    @Test
    void theBundledRulesPass() {
        assertEquals(List.of(), ConsequenceCheck.problems(RuleSource.bundled(), KB));
    }
}
