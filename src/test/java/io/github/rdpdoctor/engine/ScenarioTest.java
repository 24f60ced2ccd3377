package io.github.rdpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rdpdoctor.knowledge.Cause;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every shipped example is a rule scenario: its expect block must hold. */
class ScenarioTest {
    static final Path EXAMPLES = Path.of("examples");
    static RdpDoctor doctor;

    @BeforeAll
    static void build() {
        doctor = RdpDoctor.builder().build();
    }

    @TestFactory
    Stream<DynamicTest> examplesMeetTheirExpectations() throws Exception {
        ScenarioRunner runner = new ScenarioRunner(doctor);
        return ScenarioRunner.scenarioFiles(EXAMPLES).stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            ScenarioRunner.Result r = runner.run(f);
            assertTrue(r.passed(), f + ":\n  " + String.join("\n  ", r.failures()));
        }));
    }

    /**
     * Two hundred and fifty-two cases written blind — from the seeds, domain notes and knowledge base, without seeing the
     * rules or the examples, in sixteen rounds. The first round's run passed 28 of 30, the second's 20 of 20, the third's
     * (51–65, one-sided collections: probe, host or client facts only) 12 of 15, the fourth's (66–80, conflicting
     * evidence) 12 of 15, the fifth's (81–95, the causes with the fewest cases, noisy) 11 of 15, the sixth's (96–110,
     * sparse tickets, host-events-led cases, misread facts) 13 of 15, the seventh's (111–125, full collections: host
     * side, client side and probe merged, with other users' events and sessions as background) 14 of 15, the eighth's (126–137, RD Gateway or NAT in
     * the path with the fault elsewhere and the reverse, probe-only refused or filtered ports, two users on one host,
     * an earlier failure already fixed) 10 of 12, the ninth's (138–155, one case per cause, each in its second most common
     * form) 18 of 18, the tenth's (156–170, files as other tools and admins write them: JSON, hex codes as numbers,
     * custom ports, address targets; old hosts against modern clients and the reverse; clock skew and NTLM names;
     * three-way competitions) 10 of 15, the eleventh's (171–185, boundary values — licensing grace 1 and 0 days,
     * certificate days left 0/−1/3, session counts around the limit, updates about a year old, MaxOutstandingConnections
     * — cloud hosts, RD Session Host farms against administration mode, weak tickets, harmless-looking facts) 11 of 15,
     * the twelfth's (186–200, "what changed just before it broke": a change named in the ticket that the facts confirm —
     * a moved RDP port, a re-IP'd host, an auto-enrolled certificate, a forced-NLA baseline, a VPN or edge firewall
     * replaced — or show to be a red herring beside a lapsed grace period, a stuck session, a corrupt profile, a hung
     * service) 13 of 15, the thirteenth's (201a/b–208a/b, minimal pairs: two near-identical collections that differ in one
     * fact — the host's CredSSP update, whose disconnected session fills a two-session cap, the host's highest TLS version
     * beside an expired certificate, a Public or Domain profile over a filtered port, a stale or correct DNS answer beside
     * 1006 events, the endpoint product paused working or not, TermService stopped or running with the listener down,
     * licensing grace 0 or 45 days beside the user's disconnected session) 14 of 16 (6 of 8 pairs), the fourteenth's
     * (209–220, two vantage points disagree: host-side facts against what the client or probe saw — a network firewall
     * between, a name that leads to another machine, the admin's probe clean while the user's client fails, an RD
     * Gateway beside a filtered direct port, 1149 at the failure time, a session list against a session count, an old
     * client against a host that refuses TLS 1.0) 8 of 12, the fifteenth's (221–232, the Windows timeline: client and host
     * OS pairs and their security defaults — CredSSP after a restore from an old image, TLS 1.0/1.1 turned off on either
     * side, KB3080079, Force Updated Clients against an unpatched client, a name or a port forward that leads to an older
     * machine, OS pairs that look guilty beside another cause) 9 of 12, the sixteenth's (233–244, two real faults at once —
     * a Public profile and the user's stuck session, a stale DNS record and the real host's expired certificate, CredSSP
     * and a corrupt profile, a gateway certificate and expired licensing, three host faults in one — where one fault's
     * counter-evidence must not cancel the other) 9 of 12; the misses and
     * the weak rankings they showed led to general rule changes or, where a case claimed more than the knowledge
     * supports, to a corrected case (see README).
     */
    @TestFactory
    Stream<DynamicTest> blindHoldoutCasesMeetTheirExpectations() throws Exception {
        ScenarioRunner runner = new ScenarioRunner(doctor);
        List<Path> files = ScenarioRunner.scenarioFiles(Path.of("src/test/resources/holdout"));
        assertTrue(files.size() >= 360, "holdout cases missing");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            ScenarioRunner.Result r = runner.run(f);
            assertTrue(r.passed(), f + ":\n  " + String.join("\n  ", r.failures()));
        }));
    }

    @Test
    void everyCauseHasAtLeastTwoScenariosWhereItRanksFirst() throws Exception {
        ScenarioRunner runner = new ScenarioRunner(doctor);
        List<ScenarioRunner.Result> results = runner.runAll(EXAMPLES);
        for (Cause c : doctor.knowledge().causes()) {
            long n = results.stream().filter(r -> r.diagnosis() != null && r.diagnosis().top().isPresent()
                    && r.diagnosis().top().get().id().equals(c.id())).count();
            assertTrue(n >= 2, c.id() + " ranks first in only " + n + " example(s)");
        }
    }

    @Test
    void aFailingExpectationIsReported(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path f = dir.resolve("wrong.yaml");
        java.nio.file.Files.writeString(f, """
                host: h
                symptoms:
                  server.service.termservice: stopped
                expect:
                  top_cause: dns-wrong-host
                  not_listed: [rdp-service-failure]
                """);
        ScenarioRunner.Result r = new ScenarioRunner(doctor).run(f);
        assertTrue(!r.passed() && r.failures().size() == 2, r.failures().toString());
        assertTrue(r.failures().get(0).startsWith("top cause is rdp-service-failure"), r.failures().get(0));
    }

    /** A misspelt cause id in an expectation is a failure that suggests the id meant. */
    @Test
    void aMisspeltCauseInAnExpectationSuggestsTheIdMeant(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path f = dir.resolve("typo.yaml");
        java.nio.file.Files.writeString(f, "host: h\nsymptoms:\n  server.service.termservice: stopped\n"
                + "expect:\n  top_cause: rdp-service-falure\n  not_listed: [zzzz]\n");
        ScenarioRunner.Result r = new ScenarioRunner(doctor).run(f);
        assertTrue(r.failures().contains("line 5: expect names unknown cause 'rdp-service-falure'; did you mean 'rdp-service-failure'?"),
                r.failures().toString());
        assertTrue(r.failures().contains("line 5: expect names unknown cause 'zzzz'"), r.failures().toString());
    }

    /**
     * Scenarios in a linked folder are run, as batch reads them (they were left out without a word); a link back to a
     * folder being walked is one failed entry saying so, and the run goes on. (A folder without read permission is a
     * failed entry the same way, "cannot list directory: permission denied"; it ended the whole run with no result for
     * any file. Tested by hand as a user other than root, which reads every folder.)
     */
    @Test
    void scenariosBehindALinkAreRunAndALoopIsAFailedEntry(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path shared = java.nio.file.Files.createDirectories(dir.resolve("shared"));
        java.nio.file.Files.writeString(shared.resolve("svc.yaml"), "host: h\nsymptoms:\n  server.service.termservice: stopped\n"
                + "expect:\n  top_cause: rdp-service-failure\n");
        Path mine = java.nio.file.Files.createDirectories(dir.resolve("mine"));
        java.nio.file.Files.createSymbolicLink(mine.resolve("from-shared"), shared);
        java.nio.file.Files.createSymbolicLink(mine.resolve("self"), mine);
        List<ScenarioRunner.Result> results = new ScenarioRunner(doctor).runAll(mine);
        assertEquals(List.of(mine.resolve("from-shared/svc.yaml"), mine.resolve("self")),
                results.stream().map(ScenarioRunner.Result::file).toList());
        assertTrue(results.get(0).passed(), results.get(0).failures().toString());
        assertEquals(List.of(mine.resolve("self") + ": directory loop: leads back to " + mine.toRealPath()
                + " (already being walked); not followed"), results.get(1).failures());
        assertEquals(List.of(mine.resolve("from-shared/svc.yaml")), ScenarioRunner.scenarioFiles(mine));
    }

    @Test
    void aScenarioThatCannotBeReadIsAFailedScenarioNotLeftOut(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("a-ok.yaml"), "host: h\nsymptoms:\n  server.service.termservice: stopped\n"
                + "expect:\n  top_cause: rdp-service-failure\n");
        Path dangling = java.nio.file.Files.createSymbolicLink(dir.resolve("b-dangling.yaml"), dir.resolve("gone.yaml"));
        java.nio.file.Files.createDirectories(dir.resolve("c-dir.yaml"));
        List<ScenarioRunner.Result> results = new ScenarioRunner(doctor).runAll(dir);
        assertEquals(List.of(dir.resolve("a-ok.yaml"), dangling), results.stream().map(ScenarioRunner.Result::file).toList());
        assertTrue(results.get(0).passed(), results.get(0).failures().toString());
        assertEquals(List.of(dangling + ": broken symbolic link (to " + dir.resolve("gone.yaml") + ")"), results.get(1).failures());
    }

    @Test
    @org.junit.jupiter.api.Timeout(30)
    void aPipeNamedLikeAScenarioFailsInsteadOfWaitingForAWriter(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path pipe = dir.resolve("pipe.yaml");
        int made = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start().waitFor();
        org.junit.jupiter.api.Assumptions.assumeTrue(made == 0, "mkfifo is not available");
        List<ScenarioRunner.Result> results = new ScenarioRunner(doctor).runAll(dir);
        assertEquals(1, results.size());
        assertEquals(List.of(pipe + ": not a regular file"), results.get(0).failures());
    }
}
