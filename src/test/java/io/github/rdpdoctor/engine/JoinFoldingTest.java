package io.github.rdpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rdpdoctor.symptoms.Symptom;
import io.github.rdpdoctor.symptoms.SymptomDefinition;
import io.github.rdpdoctor.symptoms.SymptomSet;
import io.github.rdpdoctor.symptoms.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rules that join symptoms are compiled as one pattern; diagnoses stay exactly the same. */
class JoinFoldingTest {
    private static final String HEADER = """
            package site;
            import io.github.rdpdoctor.symptoms.Symptom;
            import io.github.rdpdoctor.symptoms.HostEvent;
            import io.github.rdpdoctor.symptoms.UserSession;
            global io.github.rdpdoctor.engine.Findings findings;
            """;
    private static RdpDoctor folded;
    private static RdpDoctor asWritten;

    @BeforeAll
    static void build() {
        folded = RdpDoctor.builder().build();
        asWritten = RdpDoctor.builder().foldJoins(false).build();
    }

    private static JoinFolding.Result fold(String lhs) {
        return JoinFolding.fold(new RuleSource("site.drl", HEADER + "rule \"firewall-blocking: r\"\nwhen\n" + lhs
                + "then\n    findings.support(kcontext, \"firewall-blocking\", 0.3, \"x\");\nend\n"));
    }

    private static String when(JoinFolding.Result r) {
        return r.drl().substring(r.drl().indexOf("when\n") + 5, r.drl().indexOf("then\n"));
    }

    @Test
    void symptomsJoinedAndNegatedBecomeOnePatternOnTheFirstSymptom() {
        JoinFolding.Result r = fold("""
                    Symptom(name == "a.one", flag == true)
                    $d : Symptom(name == "a.two", number > 365, text.trim() != "x y")
                    not Symptom(name == "a.three", text == "on" || text matches "o.*")
                """);
        assertEquals(List.of("firewall-blocking: r"), r.foldedRules());
        assertEquals("    Symptom(name == \"a.one\", flag == true, hasSymptom(\"a.two\"), symptom(\"a.two\").number > 365, "
                + "symptom(\"a.two\").text.trim() != \"x y\", $d : symptom(\"a.two\"), "
                + "(!hasSymptom(\"a.three\") || !(symptom(\"a.three\").text == \"on\" || symptom(\"a.three\").text matches \"o.*\")))\n    \n    \n",
                when(r));
    }

    @Test
    void propertiesInsideStringsAndOfOtherObjectsAreLeftAlone() {
        String other = "symptom(\"a.$b\")";
        assertEquals("symptom(\"a.$b\").text == \"text\" || symptom(\"a.$b\").text.trim().length() > symptom(\"a.$b\").number",
                JoinFolding.qualify("text == \"text\" || text.trim().length() > number", other));
        assertEquals("Math.abs(symptom(\"a.$b\").number) > 2 && symptom(\"a.$b\").flag", JoinFolding.qualify("Math.abs(number) > 2 && flag", other));
    }

    /** A method of the folded symptom called bare would run on the anchor: it is qualified like a property. */
    @Test
    void bareMethodCallsOfTheFoldedSymptomAreQualified() {
        String other = "symptom(\"x\")";
        assertEquals("symptom(\"x\").firstLabel() != $h.firstLabel()", JoinFolding.qualify("firstLabel() != $h.firstLabel()", other));
        assertEquals("!symptom(\"x\").textIsAddress() && symptom(\"x\").count (\"day\") != \"\"",
                JoinFolding.qualify("!textIsAddress() && count (\"day\") != \"\"", other));
        assertEquals("symptom(\"x\").text in (\"a\", \"b\") && symptom(\"x\").number not in (1, 2)",
                JoinFolding.qualify("text in (\"a\", \"b\") && number not in (1, 2)", other));
        assertEquals("Math.max(symptom(\"x\").number, 3) > 4", JoinFolding.qualify("Math.max(number, 3) > 4", other));
        assertEquals("symptom(\"x\").text contains (\"a\") || symptom(\"x\").text matches (\"b.*\")",
                JoinFolding.qualify("text contains (\"a\") || text matches (\"b.*\")", other));
    }

    @Test
    void aNegatedEqualityIsTurnedAroundAndAnythingElseIsWrappedInNot() {
        assertEquals("text == \"none\"", JoinFolding.negate("text != \"none\""));
        assertEquals("flag != false", JoinFolding.negate(" flag == false"));
        assertEquals("number != 0", JoinFolding.negate("number == 0"));
        assertEquals("text.trim() == \"\"", JoinFolding.negate("text.trim() != \"\""));
        assertEquals("!(number > 365)", JoinFolding.negate("number > 365"));
        assertEquals("!(text == \"a\" || text == \"b\")", JoinFolding.negate("text == \"a\" || text == \"b\""));
        assertEquals("!(text != \"a\" && flag == true)", JoinFolding.negate("text != \"a\" && flag == true"));
        assertEquals("text != \"a == b\"", JoinFolding.negate("text == \"a == b\""));
    }

    @Test
    void theAnchorKeepsItsBindingAndTheLineCountIsKept() {
        JoinFolding.Result r = fold("""
                    not Symptom(name == "a.three")
                    $s : Symptom(name == "a.one", text != "")
                    // a comment
                    Symptom(name == "a.two")
                """);
        assertEquals("    \n    $s : Symptom(name == \"a.one\", text != \"\", (!hasSymptom(\"a.three\")), hasSymptom(\"a.two\"))\n"
                + "    // a comment\n    \n", when(r));
        assertEquals(r.drl().lines().count(), fold("""
                    not Symptom(name == "a.three")
                    $s : Symptom(name == "a.one", text != "")
                    // a comment
                    Symptom(name == "a.two")
                """).drl().lines().count());
    }

    @Test
    void variablesOfTheAnchorAndOfFoldedSymptomsAreRewritten() {
        JoinFolding.Result r = fold("""
                    $a : Symptom(name == "a.one", text != "")
                    $b : Symptom(name == "a.two", text != $a.text, !text.equals("$a.text"))
                    not Symptom(name == "a.three", number > $b.number)
                """);
        assertEquals("    $a : Symptom(name == \"a.one\", text != \"\", hasSymptom(\"a.two\"), symptom(\"a.two\").text != this.text, "
                + "!symptom(\"a.two\").text.equals(\"$a.text\"), $b : symptom(\"a.two\"), "
                + "(!hasSymptom(\"a.three\") || !(symptom(\"a.three\").number > symptom(\"a.two\").number)))\n    \n    \n", when(r));
    }

    @Test
    void symptomsAndEventChecksAreFoldedIntoTheOneSessionPatternSoItStillFiresPerSession() {
        JoinFolding.Result r = fold("""
                    $u : Symptom(name == "client.user")
                    $s : UserSession(belongsTo($u.text), state == "disc")
                    HostEvent(id == 1149 || id == 261)
                    not HostEvent(id == 1058)
                """);
        assertEquals("    \n    $s : UserSession(hasSymptom(\"client.user\"), belongsTo(symptom(\"client.user\").text), state == \"disc\", "
                + "$u : symptom(\"client.user\"), (hasEvent(1149) || hasEvent(261)), !hasEvent(1058))\n    \n    \n", when(r));
    }

    @Test
    void anAccumulateStaysAndTheSymptomsBesideItAreFolded() {
        JoinFolding.Result r = fold("""
                    Symptom(name == "a.one")
                    $u : Symptom(name == "client.user")
                    $n : Number(intValue > 1) from accumulate(UserSession(!belongsTo($u.text)), count(1))
                """);
        assertEquals("    Symptom(name == \"a.one\", hasSymptom(\"client.user\"), $u : symptom(\"client.user\"))\n    \n"
                + "    $n : Number(intValue > 1) from accumulate(UserSession(!belongsTo($u.text)), count(1))\n", when(r));
    }

    @Test
    void withoutAPositiveSymptomTheFirstEventCheckIsTheAnchor() {
        JoinFolding.Result r = fold("""
                    HostEvent(id == 1149)
                    not Symptom(name == "a.one", text in ("x", "y"))
                """);
        assertEquals("    HostEvent(id == 1149, (!hasSymptom(\"a.one\") || !(symptom(\"a.one\").text in (\"x\", \"y\"))))\n    \n",
                when(r));
    }

    @Test
    void rulesThatAreNotPlainSymptomJoinsStayAsWritten() {
        for (String lhs : List.of(
                "    Symptom(name == \"a.one\")\n",                                                  // nothing to join
                "    $s : UserSession()\n    UserSession(user == $s.user)\n    Symptom(name == \"a.one\")\n"
                        + "    Symptom(name == \"a.two\", text == $s.user)\n",                            // a variable of a kept pattern
                "    Symptom(name == \"a.one\")\n    $n : Number() from accumulate(UserSession(), count(1))\n"
                        + "    Symptom(name == \"a.two\", number == $n)\n",                               // a variable itself
                "    not Symptom(name == \"a.one\")\n    not HostEvent(id == 1058)\n",              // nothing positive
                "    Symptom(name == \"a.one\")\n    exists Symptom(name == \"a.two\")\n",            // exists
                "    Symptom(name == \"a.one\") or Symptom(name == \"a.two\")\n",                      // or
                "    Symptom(name == \"a.one\")\n    Symptom(text == \"x\")\n",                        // no literal name
                "    Symptom(name == \"a.one\")\n    Symptom(name == \"a.two\", $t : text)\n",          // a binding inside
                "    Symptom(name == \"a.one\")\n    Symptom(name == \"a.two\", getText() == \"x\")\n",    // a getter by name
                "    Symptom(name == \"a.one\")\n    Symptom(name == \"a.two\", toString() == \"x\")\n",   // a method of its own
                "    not Symptom(name == \"a.one\")\n    not Symptom(name == \"a.two\")\n")) {         // no positive pattern
            JoinFolding.Result r = fold(lhs);
            assertEquals(List.of(), r.foldedRules(), lhs);
            assertTrue(r.drl().contains(lhs), lhs);
        }
    }

    /** {@code exists} of an event check is folded like the bare check: presence, once per anchor fact. */
    @Test
    void anExistingEventCheckIsFoldedLikeABareOne() {
        JoinFolding.Result r = fold("""
                    $e : HostEvent(id == 1511 || id == 1502)
                    exists HostEvent(id == 1149)
                """);
        assertEquals("    $e : HostEvent(id == 1511 || id == 1502, hasEvent(1149))\n    \n", when(r));
    }

    @Test
    void theBundledRulesFoldAndCompileWithoutFallingBackToTheWrittenForm() {
        int count = 0;
        List<RuleSource> foldedSources = new ArrayList<>();
        for (RuleSource src : RuleSource.bundled()) {
            JoinFolding.Result r = JoinFolding.fold(src);
            count += r.foldedRules().size();
            foldedSources.add(new RuleSource(src.name(), r.drl()));
            assertEquals(src.drl().lines().count(), r.drl().lines().count(), src.name());
        }
        assertTrue(count >= 95, "folded " + count);
        RuleCompiler.packages(foldedSources, List.of(), false); // throws when the folded DRL does not compile
    }

    @Test
    void aFoldedRuleThatDoesNotCompileIsReportedAtTheAuthorsText() {
        RuleCompilationException e = org.junit.jupiter.api.Assertions.assertThrows(RuleCompilationException.class,
                () -> RdpDoctor.builder().addRules("site.drl", HEADER + """
                        rule "firewall-blocking: typo in the second pattern"
                        when
                            Symptom(name == "network.rdp_port_state", text == "filtered")
                            Symptom(name == "network.ping_ok", flg == true)
                        then
                            findings.support(kcontext, "firewall-blocking", 0.3, "x");
                        end
                        """).build());
        assertTrue(e.problems().stream().allMatch(p -> p.file().equals("site.drl") && p.line() == 9), e.getMessage());
        assertFalse(e.getMessage().contains("hasSymptom("), e.getMessage());
    }

    @Test
    void foldedAndWrittenRulesGiveTheSameDiagnosesOnExamplesAndHoldout() throws IOException {
        int n = 0;
        for (String dir : List.of("examples", "src/test/resources/holdout")) {
            for (Path f : ScenarioRunner.scenarioFiles(Path.of(dir))) {
                SymptomSet s = folded.loader().load(f);
                assertSame(asWritten.diagnose(s), folded.diagnose(s), f.toString());
                n++;
            }
        }
        assertTrue(n >= 3492, "scenario files missing: " + n); // a lower bound, as in ScenarioTest: adding cases keeps it green
    }

    /**
     * Random files mixed from the examples: symptoms dropped (so {@code not} patterns match), taken from other
     * examples, or given another value of their type.
     */
    @Test
    void foldedAndWrittenRulesGiveTheSameDiagnosesOnThousandsOfMixedFiles() throws IOException {
        int listed = 0;
        for (SymptomSet s : mixedFiles(3000, 20261125)) {
            Diagnosis expected = asWritten.diagnose(s);
            assertSame(expected, folded.diagnose(s), s.symptoms() + " " + s.events());
            listed += expected.causes().size();
        }
        assertTrue(listed > 3000, "the mixed files should list causes: " + listed);
    }

    private static List<SymptomSet> mixedFiles(int count, long seed) throws IOException {
        List<SymptomSet> pool = new ArrayList<>();
        for (String dir : List.of("examples", "src/test/resources/holdout")) {
            for (Path f : ScenarioRunner.scenarioFiles(Path.of(dir))) {
                pool.add(folded.loader().load(f));
            }
        }
        Vocabulary vocabulary = Vocabulary.bundled();
        Random random = new Random(seed);
        List<SymptomSet> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SymptomSet base = pool.get(random.nextInt(pool.size()));
            SymptomSet donor = pool.get(random.nextInt(pool.size()));
            SymptomSet.Builder b = SymptomSet.builder(base.host(), vocabulary).source("mixed-" + i);
            Map<String, Object> values = new LinkedHashMap<>(); // a donor's value replaces the base's
            for (SymptomSet from : List.of(base, donor)) {
                for (Symptom s : from.symptoms()) {
                    if (random.nextDouble() < (from == base ? 0.25 : 0.7)) {
                        continue;
                    }
                    values.put(s.getName(), random.nextDouble() < 0.2 ? otherValue(s, vocabulary, random) : s.getValue());
                }
            }
            values.forEach(b::symptom);
            base.events().forEach(b::event);
            donor.events().stream().filter(e -> random.nextBoolean()).forEach(b::event);
            base.sessions().forEach(b::session);
            out.add(b.build());
        }
        return out;
    }

    /**
     * Drools compiles a constraint to bytecode after it has been evaluated 20 times, and falls back to interpreting it
     * (slowly, and with a warning on the console) when it cannot. Every folded constraint must compile. Reads Drools'
     * internals (pinned version): the evaluator of each alpha-node constraint.
     */
    @Test
    void everyFoldedConstraintThatRanOftenIsCompiledToBytecode() throws Exception {
        RdpDoctor doctor = RdpDoctor.builder().build();
        for (SymptomSet s : mixedFiles(3000, 42)) { // symptoms present in some, missing in others
            doctor.diagnose(s);
        }
        java.lang.reflect.Field evaluator = org.drools.mvel.MVELConstraint.class.getDeclaredField("conditionEvaluator");
        java.lang.reflect.Field counter = org.drools.mvel.MVELConstraint.class.getDeclaredField("invocationCounter");
        evaluator.setAccessible(true);
        counter.setAccessible(true);
        List<org.drools.mvel.MVELConstraint> folded = new ArrayList<>();
        java.util.Deque<Object> todo = new java.util.ArrayDeque<>();
        java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        todo.addAll(((org.drools.kiesession.rulebase.InternalKnowledgeBase) doctor.kieBase()).getRete().getObjectTypeNodes());
        while (!todo.isEmpty()) {
            Object node = todo.pop();
            if (!seen.add(node)) {
                continue;
            }
            if (node instanceof org.drools.core.reteoo.AlphaNode a && a.getConstraint() instanceof org.drools.mvel.MVELConstraint c
                    && c.getExpression().contains("symptom(\"") && ((java.util.concurrent.atomic.AtomicInteger) counter.get(c)).get() > 20) {
                folded.add(c);
            }
            if (node instanceof org.drools.core.reteoo.ObjectSource source) {
                todo.addAll(List.of(source.getObjectSinkPropagator().getSinks()));
            }
        }
        assertTrue(folded.size() >= 10, "folded constraints that ran: " + folded.size());
        long deadline = System.nanoTime() + 10_000_000_000L; // compiling happens on a Drools worker thread
        List<String> interpreted;
        do {
            interpreted = new ArrayList<>();
            for (org.drools.mvel.MVELConstraint c : folded) {
                if (evaluator.get(c) instanceof org.drools.mvel.MVELConditionEvaluator) {
                    interpreted.add(c.getExpression());
                }
            }
        } while (!interpreted.isEmpty() && System.nanoTime() < deadline && sleep());
        assertEquals(List.of(), interpreted);
    }

    private static boolean sleep() {
        try {
            Thread.sleep(50);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Equal diagnoses; on a difference the message lists causes, confidences and evidence rules of both. */
    private static void assertSame(Diagnosis expected, Diagnosis actual, String what) {
        assertEquals(brief(expected), brief(actual), what);
        assertEquals(expected, actual, what);
    }

    private static String brief(Diagnosis d) {
        StringBuilder b = new StringBuilder();
        for (RankedCause c : d.causes()) {
            b.append(c.id()).append(' ').append(c.confidence()).append('\n');
            c.evidence().forEach(e -> b.append("    ").append(e.weight()).append(' ').append(e.rule()).append('\n'));
        }
        return b.toString();
    }

    private static Object otherValue(Symptom s, Vocabulary vocabulary, Random random) {
        SymptomDefinition d = vocabulary.definition(s.getName()).orElse(null);
        if (d == null) {
            return s.getValue();
        }
        return switch (d.type()) {
            case BOOL -> !((Boolean) s.getValue());
            case ENUM -> d.values().get(random.nextInt(d.values().size()));
            case INT, NUMBER -> {
                double lo = Double.isNaN(d.min()) ? -30 : d.min();
                double hi = Double.isNaN(d.max()) ? 4000 : d.max();
                double v = lo + random.nextDouble() * (hi - lo);
                yield d.type() == io.github.rdpdoctor.symptoms.SymptomType.INT ? (Object) (long) Math.floor(v) : (Object) v;
            }
            case STRING, HEX -> s.getValue();
            case THUMBPRINT -> {
                byte[] digest = new byte[20];
                random.nextBytes(digest);
                yield java.util.HexFormat.of().withUpperCase().formatHex(digest);
            }
        };
    }
}
