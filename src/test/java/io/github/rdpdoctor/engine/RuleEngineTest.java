package io.github.rdpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rdpdoctor.symptoms.HostEvent;
import io.github.rdpdoctor.symptoms.SymptomSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Engine behaviour with small rule sets written here, independent of the bundled rules. */
class RuleEngineTest {
    static final String HEADER = """
            package test.rules;
            import io.github.rdpdoctor.symptoms.Symptom;
            import io.github.rdpdoctor.symptoms.HostEvent;
            global io.github.rdpdoctor.engine.Findings findings;
            """;

    static final String PORT_RULES = HEADER + """
            rule "firewall-blocking: port filtered"
            when
                Symptom(name == "network.rdp_port_state", text == "filtered")
            then
                findings.support(kcontext, "firewall-blocking", 0.6, "no answer on the RDP port");
            end

            rule "firewall-blocking: ping fails"
            when
                Symptom(name == "network.ping_ok", flag == false)
            then
                findings.support(kcontext, "firewall-blocking", 0.3, "ping fails");
            end

            rule "firewall-blocking: other client works"
            when
                Symptom(name == "test.from_other_client_works", flag == true)
            then
                findings.against(kcontext, "firewall-blocking", 0.5, "another client connects");
            end
            """;

    private static SymptomSet facts(Object... nameValue) {
        SymptomSet.Builder b = SymptomSet.builder("h.example");
        for (int i = 0; i < nameValue.length; i += 2) {
            b.symptom((String) nameValue[i], nameValue[i + 1]);
        }
        return b.build();
    }

    private static RdpDoctor only(String name, String drl) {
        return RdpDoctor.builder().withoutBundledRules().addRules(name, drl).build();
    }

    @Test
    void evidenceCombinesAsCertaintyFactors() {
        RdpDoctor d = only("port.drl", PORT_RULES);
        double one = d.diagnose(facts("network.rdp_port_state", "filtered")).top().orElseThrow().confidence();
        double two = d.diagnose(facts("network.rdp_port_state", "filtered", "network.ping_ok", false)).top().orElseThrow().confidence();
        assertEquals(0.6, one, 1e-9);
        assertEquals(1 - 0.4 * 0.7, two, 1e-9);
        RankedCause against = d.diagnose(facts("network.rdp_port_state", "filtered", "network.ping_ok", false,
                "test.from_other_client_works", true)).top().orElseThrow();
        assertEquals(Math.round((0.72 - 0.5) / (1 - 0.5) * 1000) / 1000.0, against.confidence(), 1e-9);
        assertEquals(3, against.evidence().size());
        assertEquals(-0.5, against.evidence().get(2).weight());
        assertEquals("firewall-blocking: other client works", against.evidence().get(2).rule());
        assertTrue(against.remediation().size() >= 1);
    }

    @Test
    void aCauseWithOnlyEvidenceAgainstIsNotListed() {
        RdpDoctor d = only("port.drl", PORT_RULES);
        assertTrue(d.diagnose(facts("test.from_other_client_works", true)).causes().isEmpty());
    }

    @Test
    void rulesThatDeclareNoFindingsGlobalStillRun() {
        RdpDoctor d = only("plain.drl", """
                package plain;
                import io.github.rdpdoctor.symptoms.Symptom;
                rule "nothing to report" when Symptom(name == "network.ping_ok") then end
                """);
        assertTrue(d.diagnose(facts("network.ping_ok", true)).causes().isEmpty());
    }

    @Test
    void targetHostIsAFact() {
        RdpDoctor d = only("host.drl", HEADER + """
                rule "dns-wrong-host: target is an IP"
                when
                    Symptom(name == "target.host", text matches "[0-9.]+")
                then
                    findings.support(kcontext, "dns-wrong-host", 0.2, "target given as IP");
                end
                """);
        assertEquals(1, d.diagnose(SymptomSet.builder("10.1.2.3").build()).causes().size());
        assertEquals(0, d.diagnose(SymptomSet.builder("fin.example").build()).causes().size());
    }

    @Test
    @Timeout(30)
    void runawayRuleIsStoppedAtTheFiringLimitAndNamed() {
        RdpDoctor d = RdpDoctor.builder().withoutBundledRules().firingLimit(500).addRules("loop.drl", HEADER + """
                rule "endless echo"
                when
                    $s : Symptom(name == "network.ping_ok")
                then
                    insert(new Symptom("echo", java.util.UUID.randomUUID().toString()));
                end

                rule "echo again"
                when
                    Symptom(name == "echo")
                then
                    insert(new Symptom("network.ping_ok", Boolean.TRUE));
                end
                """).build();
        RuleAuthoringException e = assertThrows(RuleAuthoringException.class, () -> d.diagnose(facts("network.ping_ok", true)));
        // 500 plus 16 for each of the two facts (the file's symptom and the target host)
        assertTrue(e.getMessage().contains("firing limit of 532 was reached (500 plus 16 per input fact)"), e.getMessage());
        assertTrue(e.getMessage().contains("rule \"endless echo\"") || e.getMessage().contains("rule \"echo again\""), e.getMessage());
    }

    @Test
    @Timeout(60)
    void aSingleRuleThatInsertsWhatItMatchesIsStoppedAndNamed() {
        // the issue's own example: one rule inserting a new fact it matches again, with nothing asking for an order
        RdpDoctor d = RdpDoctor.builder().withoutBundledRules().firingLimit(1000).addRules("loop.drl", HEADER + """
                rule "seed"
                when
                    Symptom(name == "client.error_code")
                then
                    insert(new HostEvent("System", "x", 9000, null, null));
                end

                rule "runaway insert of events"
                when
                    $e : HostEvent(id >= 9000)
                then
                    insert(new HostEvent("System", "x", $e.getId() + 1, null, null));
                end
                """).build();
        RuleAuthoringException e = assertThrows(RuleAuthoringException.class, () -> d.diagnose(facts("client.error_code", "0x904")));
        assertTrue(e.getMessage().startsWith("rule \"runaway insert of events\" fired "), e.getMessage());
    }

    @Test
    @Timeout(60)
    void aRuleThatModifiesItsOwnFactForeverIsStoppedAndNamed() {
        RdpDoctor d = RdpDoctor.builder().withoutBundledRules().firingLimit(1000).addRules("count.drl", HEADER + """
                declare Counter
                    n : int
                end

                rule "start counting"
                when
                    Symptom(name == "client.error_code")
                then
                    insert(new Counter(0));
                end

                rule "count forever"
                when
                    $c : Counter(n >= 0)
                then
                    modify($c) { setN($c.getN() + 1) }
                end
                """).build();
        RuleAuthoringException e = assertThrows(RuleAuthoringException.class, () -> d.diagnose(facts("client.error_code", "0x904")));
        assertTrue(e.getMessage().startsWith("rule \"count forever\" fired "), e.getMessage());
    }

    @Test
    void modifyingAPropertyAPatternDoesNotTestDoesNotWakeItAgain() {
        // Drools' default, property reactivity: only a change of n would re-evaluate Stage(n == 0)
        RdpDoctor d = only("prop.drl", HEADER + """
                declare Stage
                    n : int
                    m : int
                end

                rule "seed"
                when
                    Symptom(name == "client.error_code")
                then
                    insert(new Stage(0, 0));
                end

                rule "firewall-blocking: count m while n is 0"
                when
                    $s : Stage(n == 0)
                then
                    modify($s) { setM($s.getM() + 1) }
                    findings.support(kcontext, "firewall-blocking", 0.3, "m is now " + $s.getM());
                end
                """);
        RankedCause top = d.diagnose(facts("client.error_code", "0x904")).top().orElseThrow();
        assertEquals("m is now 1", top.evidence().get(0).detail());
    }

    @Test
    void insertLogicalWorks() {
        RdpDoctor d = only("tms.drl", HEADER + """
                rule "derive logically"
                when
                    Symptom(name == "network.rdp_port_state", text == "filtered")
                then
                    insertLogical(new Symptom("site.edge_suspect", Boolean.TRUE));
                end

                rule "firewall-blocking: derived logically"
                when
                    Symptom(name == "site.edge_suspect", flag == true)
                then
                    findings.support(kcontext, "firewall-blocking", 0.4, "edge suspect");
                end
                """);
        assertEquals("firewall-blocking",
                d.diagnose(facts("network.rdp_port_state", "filtered")).top().orElseThrow().id());
    }

    @Test
    @Timeout(60)
    void aRunawayIsBlamedOnTheRuleThatChangesFactsNotOnOneThatOnlyRefires() {
        // both fire once per update of the symptom; only one of them updates it
        RdpDoctor d = RdpDoctor.builder().withoutBundledRules().firingLimit(500).addRules("upd.drl", HEADER + """
                rule "a reporting rule on the error code"
                when
                    Symptom(name == "client.error_code")
                then
                    findings.support(kcontext, "firewall-blocking", 0.1, "x");
                end

                rule "z updates the error code for ever"
                when
                    $s : Symptom(name == "client.error_code")
                then
                    update($s);
                end
                """).build();
        RuleAuthoringException e = assertThrows(RuleAuthoringException.class, () -> d.diagnose(facts("client.error_code", "0x904")));
        assertTrue(e.getMessage().startsWith("rule \"z updates the error code for ever\" fired "), e.getMessage());
    }

    @Test
    void rulesThatModifyFactsChainAsInDrools() {
        RdpDoctor d = only("stages.drl", HEADER + """
                declare Stage
                    n : int
                end

                rule "stage 0 on the error code"
                when
                    Symptom(name == "client.error_code")
                then
                    insert(new Stage(0));
                end

                rule "stage 0 becomes 1"
                when
                    $s : Stage(n == 0)
                then
                    modify($s) { setN(1) }
                end

                rule "firewall-blocking: stage 1 reached"
                when
                    Stage(n == 1)
                then
                    findings.support(kcontext, "firewall-blocking", 0.4, "stage 1");
                end
                """);
        RankedCause top = d.diagnose(facts("client.error_code", "0x904")).top().orElseThrow();
        assertEquals("firewall-blocking: stage 1 reached", top.evidence().get(0).rule());
    }

    @Test
    void joinsSeeSymptomsThatRulesDerive() {
        // joins of symptoms are folded into one pattern over the file's facts; a derived symptom must still match
        RdpDoctor d = only("derived.drl", HEADER + """
                rule "derive edge suspect"
                when
                    Symptom(name == "network.rdp_port_state", text == "filtered")
                then
                    insert(new Symptom("site.edge_suspect", Boolean.TRUE));
                end

                rule "firewall-blocking: error code and derived edge suspect"
                when
                    Symptom(name == "client.error_code")
                    Symptom(name == "site.edge_suspect", flag == true)
                then
                    findings.support(kcontext, "firewall-blocking", 0.4, "joined with a derived fact");
                end

                rule "dns-wrong-host: no derived edge suspect"
                when
                    Symptom(name == "client.error_code")
                    not Symptom(name == "site.edge_suspect")
                then
                    findings.support(kcontext, "dns-wrong-host", 0.2, "not joined with a derived fact");
                end
                """);
        Diagnosis both = d.diagnose(facts("client.error_code", "0x904", "network.rdp_port_state", "filtered"));
        assertEquals(List.of("firewall-blocking"), both.causes().stream().map(RankedCause::id).toList());
        Diagnosis none = d.diagnose(facts("client.error_code", "0x904", "network.rdp_port_state", "open"));
        assertEquals(List.of("dns-wrong-host"), none.causes().stream().map(RankedCause::id).toList());
    }

    @Test
    void reportOnlyRulesAreToldApartFromRulesThatChangeFacts() {
        assertFalse(RuleCompiler.updatesFacts(List.of(new RuleSource("r.drl", PORT_RULES + """
                rule "firewall-blocking: words in text"
                when Symptom(name == "x") then
                    findings.support(kcontext, "firewall-blocking", 0.1, "insert the update, then modify or delete it");
                end
                """))));
        for (String rhs : List.of("insert(new Symptom(\"a\", 1));", "drools.halt();", "kcontext.getKieRuntime().insert(1);",
                "helper(kcontext);", "delete($s);")) {
            assertTrue(RuleCompiler.updatesFacts(List.of(new RuleSource("r.drl", HEADER
                    + "rule \"x\" when $s : Symptom(name == \"x\") then " + rhs + " end\n"))), rhs);
        }
        assertFalse(RuleCompiler.updatesFacts(RuleSource.bundled()), "the bundled rules only report");
    }

    @Test
    void aConditionThatThrowsNamesTheRule() {
        RdpDoctor d = only("npe.drl", HEADER + """
                rule "firewall-blocking: flag of a hex code"
                when
                    Symptom(name == "client.error_code", flag.booleanValue() == true)
                then
                    findings.support(kcontext, "firewall-blocking", 0.3, "x");
                end
                """);
        RuleAuthoringException e = assertThrows(RuleAuthoringException.class, () -> d.diagnose(facts("client.error_code", "0x904")));
        assertTrue(e.getMessage().contains("Rule \"firewall-blocking: flag of a hex code\""), e.getMessage());
        assertTrue(e.getMessage().contains(" on api"), e.getMessage());
    }

    @Test
    void badDrlListsEveryProblemWithFileLineAndColumn() {
        RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> RdpDoctor.builder()
                .withoutBundledRules()
                .addRules("good.drl", PORT_RULES)
                .addRules("broken.drl", HEADER + """
                        rule "uses a field that does not exist"
                        when
                            Symptom(nmae == "network.ping_ok")
                        then
                            findings.support(kcontext, "firewall-blocking", 0.3, "x");
                        end
                        """)
                .addRules("syntax.drl", HEADER + """
                        rule "missing then"
                        when
                            Symptom(name == "a")
                            findings.support(kcontext, "x", 0.3, "x");
                        end
                        """)
                .build());
        List<RuleProblem> problems = e.problems();
        assertTrue(problems.stream().anyMatch(p -> p.file().equals("broken.drl") && p.line() == 7 && p.column() > 0),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.message().equals("Symptom has no property 'nmae' (it has: flag, line, "
                + "name, number, text, value) in: nmae == \"network.ping_ok\"")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.file().equals("syntax.drl") && p.line() > 0), problems.toString());
        assertTrue(problems.stream().noneMatch(p -> p.file().equals("good.drl")), problems.toString());
        assertTrue(e.getMessage().lines().skip(1).allMatch(l -> l.matches("[^:]+:\\d+:\\d+: .+")), e.getMessage());
    }

    /** Java errors in a consequence: one problem each, at the name they are about, not in a string (Drools names the rule's first line). */
    @Test
    void javaErrorsInAConsequenceArePlacedAtTheNameTheyAreAbout() {
        RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> RdpDoctor.builder()
                .withoutBundledRules()
                .addRules("site.drl", HEADER + """
                        rule "site: two mistakes"
                        when
                            $s : Symptom(name == "network.ping_ok", flag == false)
                        then
                            String x = "getTxt " + $s.getTxt();
                            findings.suport(kcontext, "network-unreachable", 0.3, "x");
                            String y = "$ss" + $ss;
                        end
                        rule "site: no name to point at"
                        when
                            $s : Symptom(name == "network.ping_ok")
                        then
                            int n = $s.getText();
                        end
                        """)
                .build());
        assertEquals(List.of(
                "site.drl:9:31: rule \"site: two mistakes\": The method getTxt() is undefined for the type Symptom",
                "site.drl:10:14: rule \"site: two mistakes\": The method suport(RuleContext, String, double, String) is undefined for the type Findings",
                "site.drl:11:24: rule \"site: two mistakes\": $ss cannot be resolved to a variable",
                "site.drl:13:1: rule \"site: no name to point at\": Type mismatch: cannot convert from String to int"),
                e.problems().stream().map(RuleProblem::toString).toList());
    }

    @Test
    void duplicateRuleNamesAreErrorsEvenAcrossFilesAndPackages() {
        String other = PORT_RULES.replace("package test.rules;", "package other.rules;");
        RuleCompilationException e = assertThrows(RuleCompilationException.class,
                () -> RdpDoctor.builder().withoutBundledRules().addRules("a.drl", PORT_RULES).addRules("b.drl", other).build());
        assertEquals(3, e.problems().size(), e.getMessage());
        RuleProblem p = e.problems().get(0);
        assertEquals("b.drl", p.file());
        assertEquals(5, p.line());
        assertTrue(p.message().contains("duplicate rule name \"firewall-blocking: port filtered\" (first defined at a.drl:5)"), p.message());
    }

    @Test
    void aSyntaxErrorIsOneProblemWithoutDroolsFollowOnMessage() {
        String rule = """
                rule "firewall-blocking: port filtered"
                when
                    Symptom(name == "network.rdp_port_state", text == "filtered")
                then
                    findings.support(kcontext, "firewall-blocking", 0.4, "x");
                end
                """;
        List<String> broken = List.of(
                rule.replace("\"filtered\")", "\"filtered\""),      // unclosed pattern
                rule.replace("\", text", "\" text"),                 // missing comma
                rule.replace("end\n", ""));                          // missing end
        for (String drl : broken) {
            RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> only("bad.drl", HEADER + drl));
            assertEquals(1, e.problems().size(), e.getMessage());
            assertTrue(e.problems().get(0).line() > 4, e.getMessage());
            assertFalse(e.getMessage().contains("null Package"), e.getMessage());
        }
    }

    @Test
    void textThatIsNotDrlGetsTheParsersProblemsWithoutItsCrashMessage() throws Exception {
        RuleCompilationException e = assertThrows(RuleCompilationException.class,
                () -> only("notes.drl", Files.readString(Path.of("README.md")))); // text that is not DRL at all
        assertFalse(e.problems().isEmpty());
        assertTrue(e.problems().stream().allMatch(p -> p.line() > 0), e.getMessage());
        assertFalse(e.getMessage().contains("Unexpected error"), e.getMessage());
    }

    @Test
    void aDuplicateRuleNameInOnePackageIsOneProblem() {
        String twice = PORT_RULES + PORT_RULES.substring(PORT_RULES.indexOf("rule \"firewall-blocking: ping fails\""));
        RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> only("a.drl", twice));
        assertEquals(List.of(
                new RuleProblem("a.drl", 25, 1, "duplicate rule name \"firewall-blocking: ping fails\" (first defined at a.drl:12)"),
                new RuleProblem("a.drl", 32, 1, "duplicate rule name \"firewall-blocking: other client works\" "
                        + "(first defined at a.drl:19)")), e.problems());
        // not the same text: Drools reports its own "Duplicate rule name" instead of a clash of generated classes
        String changed = twice.substring(0, twice.lastIndexOf("0.5")) + "0.4" + twice.substring(twice.lastIndexOf("0.5") + 3);
        e = assertThrows(RuleCompilationException.class, () -> only("a.drl", changed.replace("0.3", "0.2")));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.problems().stream().allMatch(p -> p.message().startsWith("duplicate rule name")), e.getMessage());
    }

    @Test
    void aDuplicateOfABundledRuleInTheBundledPackageIsOneProblemAlsoWhenCompiledTogether() {
        String drl = PORT_RULES.substring(PORT_RULES.indexOf("rule \""), PORT_RULES.indexOf("rule \"firewall-blocking: ping fails\""))
                .replace("firewall-blocking: port filtered",
                        "dns-wrong-host: host name resolves to another address than the host's real one");
        RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> RdpDoctor.builder()
                .usePrecompiled(false).addRules("same-package.drl", HEADER.replace("test.rules", "io.github.rdpdoctor.rules") + drl)
                .build());
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).toString().startsWith("same-package.drl:5:1: duplicate rule name"), e.getMessage());
    }

    @Test
    void aRuleFileGivenTwiceIsOneProblemNotOnePerRule(@TempDir Path dir) throws Exception {
        RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> RdpDoctor.builder()
                .withoutBundledRules().addRules("a.drl", PORT_RULES).addRules("a.drl", PORT_RULES).build());
        assertEquals(List.of(new RuleProblem("a.drl", 1, 1, "rule file given twice; add each rule file once")), e.problems());
        Files.writeString(dir.resolve("site.drl"), PORT_RULES);
        e = assertThrows(RuleCompilationException.class, () -> RdpDoctor.builder().addRules(dir).addRules(dir).build());
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals(dir.resolve("site.drl") + ":1:1: rule file given twice; add each rule file once", e.problems().get(0).toString());
    }

    @Test
    void aFileThatIsNotUtf8TextIsAProblemAtItsFirstBadByteListedWithTheOthers(@TempDir Path dir) throws Exception {
        byte[] latin1 = (HEADER + "// Grüße\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("a-latin1.drl"), latin1);
        Files.write(dir.resolve("b-nul.drl"), "package x;\n\n  \0\0".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("c-broken.drl"), HEADER + "rule \"r\" when Symptom(nmae == \"x\") then end\n");
        RuleCompilationException e = assertThrows(RuleCompilationException.class,
                () -> RdpDoctor.builder().withoutBundledRules().addRules(dir).build());
        List<String> lines = e.problems().stream().map(RuleProblem::toString).toList();
        assertEquals(3, lines.size(), e.getMessage());
        assertEquals(dir.resolve("a-latin1.drl") + ":5:6: not UTF-8 text (byte 0xFC at offset " + (HEADER.length() + 5)
                + ", '\u00fc' in Windows-1252): a binary file, or text in another encoding; save it as UTF-8", lines.get(0));
        assertEquals(dir.resolve("b-nul.drl") + ":3:3: binary data (NUL byte at offset 14); expected DRL text", lines.get(1));
        assertTrue(lines.get(2).startsWith(dir.resolve("c-broken.drl") + ":5:"), lines.get(2));
    }

    @Test
    void unknownCauseIdAndBadWeightNameTheRule() {
        // written as literals: build() reports them at the literal, before any rule fires
        RuleCompilationException literal = assertThrows(RuleCompilationException.class, () -> only("u.drl", HEADER + """
                rule "typo in cause"
                when Symptom(name == "network.ping_ok") then findings.support(kcontext, "firewal-blocking", 0.3, "x"); end
                rule "too strong"
                when Symptom(name == "network.ping_ok") then findings.support(kcontext, "firewall-blocking", 1.5, "x"); end
                """));
        assertEquals(2, literal.problems().size(), literal.getMessage());
        assertTrue(literal.problems().get(0).toString().startsWith("u.drl:6:"), literal.getMessage());
        assertTrue(literal.problems().get(1).toString().startsWith("u.drl:8:"), literal.getMessage());

        // computed: the rule is named when it fires
        RdpDoctor unknown = only("u.drl", HEADER + """
                rule "typo in cause"
                when Symptom(name == "network.ping_ok") then findings.support(kcontext, "firewal-" + "blocking", 0.3, "x"); end
                """);
        RuleAuthoringException e = assertThrows(RuleAuthoringException.class, () -> unknown.diagnose(facts("network.ping_ok", true)));
        assertTrue(e.getMessage().contains("\"typo in cause\"") && e.getMessage().contains("firewal-blocking"), e.getMessage());

        RdpDoctor weight = only("w.drl", HEADER + """
                rule "too strong"
                when Symptom(name == "network.ping_ok") then findings.support(kcontext, "firewall-blocking", 3 * 0.5, "x"); end
                """);
        RuleAuthoringException w = assertThrows(RuleAuthoringException.class, () -> weight.diagnose(facts("network.ping_ok", true)));
        assertTrue(w.getMessage().contains("\"too strong\"") && w.getMessage().contains("(0, 1]"), w.getMessage());

        // a negative weight is an error, not evidence against (nor, through against(), support)
        for (String call : List.of("support", "against")) {
            RdpDoctor negative = only("n.drl", HEADER + """
                    rule "negative"
                    when Symptom(name == "network.ping_ok") then findings.%s(kcontext, "firewall-blocking", 0 - 0.3, "x"); end
                    """.formatted(call));
            RuleAuthoringException n = assertThrows(RuleAuthoringException.class, () -> negative.diagnose(facts("network.ping_ok", true)));
            assertTrue(n.getMessage().contains("gave weight -0.3"), n.getMessage());
        }
    }


    @Test
    void ruleDirectoryAddedAtRunTime(@TempDir Path dir) throws Exception {
        RdpDoctor before = RdpDoctor.builder().build();
        SymptomSet f = facts("client.rdp_version", "5.2");
        assertTrue(before.diagnose(f).cause("client-side-corruption").isEmpty());

        Files.createDirectories(dir.resolve("site"));
        Files.writeString(dir.resolve("site/old-client.drl"), HEADER + """
                // Source: site policy — RDP client 5.x cannot do CredSSP
                rule "client-side-corruption: ancient RDP client"
                when
                    Symptom(name == "client.rdp_version", text matches "[1-5]\\\\..*")
                then
                    findings.support(kcontext, "client-side-corruption", 0.7, "RDP client version 5.x");
                end
                """);
        RdpDoctor after = RdpDoctor.builder().addRules(dir).build();
        RankedCause c = after.diagnose(f).cause("client-side-corruption").orElseThrow();
        assertEquals("client-side-corruption: ancient RDP client", c.evidence().get(0).rule());
        assertTrue(after.ruleSources().stream().anyMatch(s -> s.name().endsWith("old-client.drl")));
    }

    @Test
    void salienceIsHonouredWhenARuleAsksForIt() {
        // the bundled rules only report, so they fire directly; a rule with salience switches that off
        String drl = HEADER + """
                declare Handled end

                rule "firewall-blocking: low priority, only when nothing handled the port"
                    salience -10
                when
                    Symptom(name == "network.rdp_port_state", text == "filtered")
                    not Handled()
                then
                    findings.support(kcontext, "firewall-blocking", 0.6, "unhandled");
                end

                rule "network-unreachable: high priority, handles the port"
                    salience 10
                when
                    Symptom(name == "network.rdp_port_state", text == "filtered")
                then
                    insert(new Handled());
                    findings.support(kcontext, "network-unreachable", 0.4, "handled first");
                end
                """;
        Diagnosis d = only("salience.drl", drl).diagnose(facts("network.rdp_port_state", "filtered"));
        assertEquals(List.of("network-unreachable"), d.causes().stream().map(RankedCause::id).toList());
        assertTrue(RuleCompiler.firingOrderIsFree(RuleCompiler.packages(RuleSource.bundled(), List.of())),
                "bundled rules fire directly");
        assertFalse(RuleCompiler.firingOrderIsFree(RuleCompiler.packages(List.of(new RuleSource("s.drl", drl)), List.of())));
    }

    @Test
    void aRuleMatchingSeveralFactsCountsOnceWithItsStrongestFindingWhateverTheirOrder() {
        RdpDoctor doctor = only("events.drl", HEADER + """
                rule "rdp-certificate-problem: event 1058"
                when
                    $e : HostEvent(id == 1058)
                then
                    findings.support(kcontext, "rdp-certificate-problem", 0.5, "event 1058 at " + $e.getTime());
                end

                rule "rdp-certificate-problem: event 36870, stronger when recent"
                when
                    $e : HostEvent(id == 36870)
                then
                    findings.support(kcontext, "rdp-certificate-problem", $e.getTime().startsWith("2026") ? 0.4 : 0.2,
                            "event 36870 at " + $e.getTime());
                end
                """);
        List<HostEvent> events = List.of(
                new HostEvent("System", "TermService", 1058, "2026-11-02T08:00:00Z", ""),
                new HostEvent("System", "TermService", 1058, "2026-11-01T08:00:00Z", ""),
                new HostEvent("System", "TermService", 1058, "2026-11-03T08:00:00Z", ""),
                new HostEvent("System", "Schannel", 36870, "2025-01-01T00:00:00Z", ""),
                new HostEvent("System", "Schannel", 36870, "2026-11-01T00:00:00Z", ""),
                new HostEvent("System", "Schannel", 36870, "2024-01-01T00:00:00Z", ""));
        List<List<HostEvent>> orders = List.of(events, List.of(events.get(5), events.get(4), events.get(3), events.get(2), events.get(1), events.get(0)),
                List.of(events.get(2), events.get(4), events.get(0), events.get(5), events.get(1), events.get(3)));
        for (List<HostEvent> order : orders) {
            SymptomSet.Builder b = SymptomSet.builder("h.example");
            order.forEach(b::event);
            List<Evidence> evidence = doctor.diagnose(b.build()).cause("rdp-certificate-problem").orElseThrow().evidence();
            assertEquals(List.of(
                    new Evidence("rdp-certificate-problem: event 1058", "event 1058 at 2026-11-01T08:00:00Z", 0.5),
                    new Evidence("rdp-certificate-problem: event 36870, stronger when recent",
                            "event 36870 at 2026-11-01T00:00:00Z", 0.4)), evidence, "events in order " + order);
        }
    }
}
