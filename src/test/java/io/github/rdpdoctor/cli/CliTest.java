package io.github.rdpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    static final String CERT_CASE = """
            host: rdsh-02.corp.example
            symptoms:
              client.error_code: "0x904"
              client.extended_error_code: "0x7"
              server.cert_expired: true
            events:
              - { log: System, source: Microsoft-Windows-TerminalServices-RemoteConnectionManager, id: 1058, message: "cannot replace the expired self-signed certificate" }
            """;

    @Test
    void diagnoseTextShowsRankedCausesEvidenceAndNumberedSteps(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("cert.yaml"), CERT_CASE);
        CliRun r = CliRun.run("diagnose", f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1. "), r.out());
        assertTrue(r.out().contains("[rdp-certificate-problem]  confidence 0."), r.out());
        assertTrue(r.out().contains("Why:") && r.out().contains("Fix:") && r.out().contains("> "), r.out());
        assertEquals("", r.err());
    }

    @Test
    void diagnoseJsonFollowsTheContract(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("cert.yaml"), CERT_CASE);
        CliRun r = CliRun.run("diagnose", "--format", "json", f.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode d = new ObjectMapper().readTree(r.out());
        assertEquals("rdsh-02.corp.example", d.get("host").asText());
        JsonNode top = d.get("causes").get(0);
        assertEquals("rdp-certificate-problem", top.get("id").asText());
        assertTrue(top.get("confidence").asDouble() >= 0.7);
        for (String field : new String[] {"title", "evidence", "remediation", "sources"}) {
            assertTrue(top.has(field), field);
        }
        assertTrue(top.get("evidence").get(0).has("rule") && top.get("evidence").get(0).has("detail"));
        assertTrue(top.get("remediation").get(0).has("text"));
        assertTrue(d.get("warnings").isArray());
    }

    /** {@code diagnose --format markdown}: a ranked table, then per cause its evidence and numbered steps with commands. */
    @Test
    void diagnoseMarkdownHasTheRankedTableEvidenceAndNumberedSteps(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("cert.yaml"), CERT_CASE);
        CliRun r = CliRun.run("diagnose", "--format", "markdown", f.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        String md = r.out();
        assertTrue(md.startsWith("## RDP diagnosis: rdsh-02.corp.example\n"), md);
        assertTrue(md.contains("| # | cause | confidence |\n|---:|---|---:|\n| 1 | "), md);
        assertTrue(md.matches("(?s).*\\| 1 \\| [^|\n]+\\(`rdp-certificate-problem`\\) \\| 0\\.[789]\\d \\|\n.*"), md);
        assertTrue(md.contains("### 1. ") && md.contains("(`rdp-certificate-problem`, 0."), md);
        assertTrue(md.contains("\n- for: ") && md.contains("_(rdp-certificate-problem: "), md);
        assertTrue(md.contains("\nFix:\n\n1. ") && md.contains("\n2. "), md);
        assertTrue(md.matches("(?s).*\n1\\. [^\n]+\n   `[^`\n]+`\n.*"), "a step's command under it: " + md);
        assertFalse(md.contains("== ") || md.contains("Why:"), "not the text format: " + md);
    }

    @Test
    void badInputExitsOneWithTheLocationAndNoStackTrace(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "host: h\nsymptoms:\n  network.rdp_port: many\n");
        Path good = Files.writeString(dir.resolve("good.yaml"), CERT_CASE);
        CliRun r = CliRun.run("diagnose", bad.toString(), good.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("bad.yaml:3: symptoms.network.rdp_port: expected an integer"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertTrue(r.out().contains("rdsh-02.corp.example"), "the good file is still diagnosed");
    }

    @Test
    void missingAndUnwritablePathsAreNamed(@TempDir Path dir) {
        CliRun missing = CliRun.run("rules", "test", dir.resolve("nope").toString());
        assertEquals(1, missing.code());
        assertEquals("rdp-doctor: " + dir.resolve("nope") + ": no such file or directory", missing.err().trim());
        CliRun unwritable = CliRun.run("batch", "--out", dir.resolve("no/such/dir/out.jsonl").toString(), "examples");
        assertEquals(1, unwritable.code());
        assertTrue(unwritable.err().startsWith("rdp-doctor: " + dir.resolve("no/such/dir/out.jsonl") + ": no such file or directory"),
                unwritable.err());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, CliRun.run("diagnose").code());
        assertEquals(2, CliRun.run("diagnose", "--format", "xml", "x.yaml").code());
        assertEquals(2, CliRun.run("frobnicate").code());
    }

    /** Help asked for together with an unknown command or argument is still a usage error, not the top-level help. */
    @Test
    void unknownCommandWithHelpIsAUsageError() {
        for (String[] args : new String[][] {{"nosuch", "-h"}, {"nosuch", "--help"}, {"kb", "nosuch", "-h"}, {"diagnose", "-h", "--nosuch"}}) {
            CliRun r = CliRun.run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.out());
            assertTrue(r.err().contains("nosuch"), String.join(" ", args) + ": " + r.err());
            assertFalse(r.out().startsWith("Usage: rdp-doctor [-hV]"), r.out());
        }
    }

    /** {@code help} names a subcommand of a subcommand too ({@code help kb show}); an unknown word in it is a usage error. */
    @Test
    void helpNamesNestedSubcommands() {
        for (String[] cmd : new String[][] {{"diagnose"}, {"kb"}, {"kb", "show"}, {"rules", "check"}, {"rules", "test"}}) {
            String[] args = new String[cmd.length + 1];
            args[0] = "help";
            System.arraycopy(cmd, 0, args, 1, cmd.length);
            CliRun r = CliRun.run(args);
            assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals(CliRun.run(java.util.stream.Stream.concat(java.util.Arrays.stream(cmd), java.util.stream.Stream.of("-h"))
                    .toArray(String[]::new)).out(), r.out(), String.join(" ", args));
            assertEquals("", r.err(), String.join(" ", args));
        }
        for (String[] args : new String[][] {{"help", "kb", "nosuch"}, {"help", "kb", "show", "nosuch"}, {"help", "kb", "--nosuch"}}) {
            CliRun r = CliRun.run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.out());
            assertTrue(r.err().contains("nosuch"), String.join(" ", args) + ": " + r.err());
            assertEquals("", r.out(), String.join(" ", args));
        }
    }

    @Test
    void everyCommandPrintsItsUsageForHelp() {
        for (String[] cmd : new String[][] {{"diagnose"}, {"batch"}, {"report"}, {"rules"}, {"rules", "check"},
                {"rules", "test"}, {"kb"}, {"kb", "list"}, {"kb", "show"}, {"probe"}, {"collect"}}) {
            for (String help : new String[] {"--help", "-h"}) {
                String[] args = java.util.Arrays.copyOf(cmd, cmd.length + 1);
                args[cmd.length] = help;
                CliRun r = CliRun.run(args);
                assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
                assertTrue(r.out().startsWith("Usage: rdp-doctor " + String.join(" ", cmd)), String.join(" ", args) + ": " + r.out());
                assertEquals("", r.err(), String.join(" ", args));
            }
        }
    }

    /** A rule author learns the scenario format from {@code rules test --help}: every key of the expect block. */
    @Test
    void rulesTestHelpNamesEveryExpectKey() {
        String out = CliRun.run("rules", "test", "--help").out();
        for (String key : List.of("top_cause", "listed", "not_listed", "min_confidence", "max_confidence", "'top'")) {
            assertTrue(out.contains(key), key + " missing from: " + out);
        }
    }

    /** Rules that change facts switch Drools to property reactivity; its advice on the bundled joins is not printed. */
    @Test
    void addedRulesThatChangeFactsRunWithoutDroolsNoise(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("derive.drl"), """
                package site;
                import io.github.rdpdoctor.symptoms.Symptom;
                global io.github.rdpdoctor.engine.Findings findings;
                rule "site: derive edge suspect"
                when
                    Symptom(name == "network.rdp_port_state", text == "filtered")
                then
                    insert(new Symptom("site.edge_suspect", Boolean.TRUE));
                end
                rule "firewall-blocking: derived edge suspect"
                when
                    Symptom(name == "site.edge_suspect", flag == true)
                then
                    findings.support(kcontext, "firewall-blocking", 0.3, "edge suspect");
                end
                """);
        Path file = dir.resolve("f.yaml");
        Files.writeString(file, "host: h\nsymptoms:\n  network.rdp_port_state: filtered\n");
        CliRun r = CliRun.run("diagnose", "--format", "json", "--rules", dir.toString(), file.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("\"firewall-blocking: derived edge suspect\""), r.out());
    }

    @Test
    void rulesCheckPrintsProblemsAsFileLineCol(@TempDir Path dir) throws Exception {
        assertEquals(0, CliRun.run("rules", "check").code());
        Files.writeString(dir.resolve("mine.drl"), """
                package site;
                import io.github.rdpdoctor.symptoms.Symptom;
                global io.github.rdpdoctor.engine.Findings findings;
                rule "firewall-blocking: site rule"
                when
                    Symptom(nmae == "x")
                then
                    findings.support(kcontext, "firewall-blocking", 0.3, "x");
                end
                """);
        CliRun r = CliRun.run("rules", "check", "--rules", dir.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().lines().anyMatch(l -> l.matches(".*mine\\.drl:6:\\d+: .+")), r.err());
    }

    @Test
    void rulesCheckNamesTheFirstBadByteOfARuleFileThatIsNotUtf8(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("latin1.drl"), "package site;\n// Gr\u00fc\u00dfe\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        CliRun r = CliRun.run("rules", "check", "--rules", dir.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(dir.resolve("latin1.drl") + ":2:6: not UTF-8 text (byte 0xFC at offset 19, '\u00fc' in Windows-1252): a binary file, or text in "
                + "another encoding; save it as UTF-8\n1 problem", r.err().trim());
    }

    @Test
    void rulesCheckFailsOnALiteralUnknownCauseOrWeightBeforeAnyRuleFires(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mine.drl"), """
                package site;
                import io.github.rdpdoctor.symptoms.Symptom;
                global io.github.rdpdoctor.engine.Findings findings;
                rule "firewall-blocking: site rule"
                when
                    Symptom(name == "network.rdp_port_state", text == "filtered")
                then
                    findings.support(kcontext, "firewall-blockin", 0.3, "x");
                    findings.against(kcontext, "firewall-blocking", 1.5, "y");
                end
                """);
        Path mine = dir.resolve("mine.drl");
        CliRun r = CliRun.run("rules", "check", "--rules", dir.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(mine + ":8:32: rule \"firewall-blocking: site rule\": 'firewall-blockin' is not a cause id of the knowledge "
                + "base (kb/causes.yaml); did you mean 'firewall-blocking'?\n"
                + mine + ":9:53: rule \"firewall-blocking: site rule\": weight 1.5 for 'firewall-blocking' is outside (0, 1]\n"
                + "2 problems", r.err().trim());
        // the same for every command given the rules, though no rule fires on this file
        CliRun d = CliRun.run("diagnose", "--rules", dir.toString(), "examples/minimal-0x904-0x7.yaml");
        assertEquals(1, d.code(), d.err());
        assertTrue(d.err().contains(mine + ":8:32: "), d.err());
    }

    @Test
    void withNoCauseTheAdviceNamesTheKindsOfFactsTheFileLacks(@TempDir Path dir) throws Exception {
        // a probe saved earlier and diagnosed now: it has the network's facts, so a probe is no advice
        Path probe = dir.resolve("probe.yaml");
        Files.writeString(probe, """
                host: app-01.corp.example
                symptoms:
                  network.rdp_port_state: open
                  rdp.negotiation: hybrid
                  tls.handshake_ok: true
                """);
        CliRun r = CliRun.run("diagnose", probe.toString());
        assertEquals(0, r.code(), r.err());
        String out = r.out().replace("\n", " ");
        assertTrue(out.contains("No cause is supported by these facts."), out);
        assertTrue(out.contains("collect --client-side") && out.contains("collect --host-side"), out);
        assertFalse(out.contains("probe HOST"), out);
        assertTrue(out.contains("Combine the files with diagnose --merge."), out);
        // client facts only: the host side and a probe are missing, the client side is not
        Path client = dir.resolve("client.yaml");
        Files.writeString(client, """
                host: app-01.corp.example
                symptoms:
                  client.os: Windows 11 24H2
                """);
        CliRun c = CliRun.run("diagnose", "--format", "markdown", client.toString());
        assertEquals(0, c.code(), c.err());
        String md = c.out().replace("\n", " ");
        assertTrue(md.contains("collect --host-side") && md.contains("probe HOST"), md);
        assertFalse(md.contains("collect --client-side"), md);
        // all three kinds and still no cause
        Files.writeString(client, """
                host: app-01.corp.example
                symptoms:
                  client.os: Windows 11 24H2
                  server.os: Windows Server 2022
                  network.rdp_port_state: open
                """);
        CliRun all = CliRun.run("diagnose", client.toString());
        assertTrue(all.out().replace("\n", " ").contains("They hold client, host and network facts"), all.out());
    }

    @Test
    void rulesCheckListsTheWarningsWithTheProblemsInLineOrder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mine.drl"), """
                package site;
                import io.github.rdpdoctor.symptoms.Symptom;
                global io.github.rdpdoctor.engine.Findings findings;
                rule "firewall-blocking: a typo in the symptom name"
                when
                    Symptom(name == "network.rdp_port_stat", text == "filtered")
                then
                    findings.support(kcontext, "firewall-blocking", 0.3, "x");
                end
                rule "firewall-blocking: a typo in the cause"
                when
                    Symptom(name == "network.rdp_port_state", text == "filtered")
                then
                    findings.support(kcontext, "firewall-blockin", 0.3, "x");
                end
                """);
        Path mine = dir.resolve("mine.drl");
        CliRun r = CliRun.run("rules", "check", "--rules", dir.toString());
        assertEquals(1, r.code(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(3, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith(mine + ":6:") && lines.get(0).contains(": warning: ")
                && lines.get(0).contains("did you mean 'network.rdp_port_state'?"), r.err());
        assertTrue(lines.get(1).startsWith(mine + ":14:") && lines.get(1).contains("did you mean 'firewall-blocking'?")
                && !lines.get(1).contains("warning"), r.err());
        assertEquals("1 problem, 1 warning", lines.get(2));
    }

    @Test
    void rulesCheckWarnsAboutPatternsThatCannotMatchButStillSucceeds(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mine.drl"), """
                package site;
                import io.github.rdpdoctor.symptoms.Symptom;
                global io.github.rdpdoctor.engine.Findings findings;
                rule "firewall-blocking: site rule"
                when
                    Symptom(name == "network.rdp_prot_state", text == "filtered")
                then
                    findings.support(kcontext, "firewall-blocking", 0.3, "x");
                end
                """);
        CliRun r = CliRun.run("rules", "check", "--rules", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().trim().endsWith("compiled, 1 warning"), r.out());
        assertTrue(r.err().lines().anyMatch(l -> l.equals(dir.resolve("mine.drl") + ":6:5: warning: rule \"firewall-blocking: site rule\": "
                + "symptom 'network.rdp_prot_state' is not in the vocabulary (kb/symptoms.yaml), so only files that carry "
                + "this unknown name match; did you mean 'network.rdp_port_state'?")), r.err());
        // the same warning reaches whoever diagnoses with these rules
        CliRun d = CliRun.run("diagnose", "--rules", dir.toString(), "examples/minimal-0x904-0x7.yaml");
        assertEquals(0, d.code(), d.err());
        assertTrue(d.err().contains("mine.drl:6:5: warning: "), d.err());
    }

    @Test
    void aRuleFileGivenTwiceOnTheCommandLineIsAUsageError(@TempDir Path dir) throws Exception {
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("site.drl"), """
                package site;
                import io.github.rdpdoctor.symptoms.Symptom;
                global io.github.rdpdoctor.engine.Findings findings;
                rule "firewall-blocking: site rule"
                when
                    Symptom(name == "network.rdp_port_state", text == "filtered")
                then
                    findings.support(kcontext, "firewall-blocking", 0.3, "x");
                end
                """);
        CliRun same = CliRun.run("rules", "check", "--rules", site.toString(), "--rules", site.toString());
        assertEquals(2, same.code(), same.err());
        assertTrue(same.err().startsWith("--rules " + site + " is given twice; give each rule file once"), same.err());
        CliRun spelt = CliRun.run("rules", "check", "--rules", site.toString(), "--rules", dir.resolve("site/../site/").toString());
        assertEquals(2, spelt.code(), spelt.err());
        assertTrue(spelt.err().startsWith("--rules " + site + " and --rules " + dir.resolve("site/../site") + " are the same"), spelt.err());
        CliRun inside = CliRun.run("diagnose", "--rules", site.resolve("site.drl").toString(), "--rules", site.toString(),
                "examples/minimal-0x904-0x7.yaml");
        assertEquals(2, inside.code(), inside.err());
        assertTrue(inside.err().startsWith("--rules " + site.resolve("site.drl") + " is inside --rules " + site), inside.err());
        assertEquals(0, CliRun.run("rules", "check", "--rules", site.toString()).code());
    }

    @Test
    void rulesTestReportsPassAndFailPerScenario(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ok.yaml"), CERT_CASE + "expect:\n  top_cause: rdp-certificate-problem\n");
        Files.writeString(dir.resolve("wrong.yaml"), CERT_CASE + "expect:\n  top_cause: dns-wrong-host\n");
        CliRun r = CliRun.run("rules", "test", dir.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("PASS " + dir.resolve("ok.yaml")), r.out());
        assertTrue(r.out().contains("FAIL " + dir.resolve("wrong.yaml")), r.out());
        assertTrue(r.out().trim().endsWith("1 passed, 1 failed"), r.out());

        Files.createSymbolicLink(dir.resolve("vanished.yaml"), dir.resolve("gone/vanished.yaml"));
        CliRun dangling = CliRun.run("rules", "test", dir.toString());
        assertEquals(1, dangling.code());
        assertTrue(dangling.out().contains("FAIL " + dir.resolve("vanished.yaml") + "\n     " + dir.resolve("vanished.yaml")
                + ": broken symbolic link (to " + dir.resolve("gone/vanished.yaml") + ")\n"), dangling.out());
        assertTrue(dangling.out().trim().endsWith("1 passed, 2 failed"), dangling.out());
    }

    /**
     * A rule file bigger than any rules (a 3 GB file named .drl) ended in "OutOfMemoryError: Required array size too
     * large" and its stack trace; a named pipe given as --rules was "no such rule file or directory". Both say what
     * they are.
     */
    @Test
    void aHugeRuleFileOrAPipeSaysWhatItIs(@TempDir Path dir) throws Exception {
        Path huge = dir.resolve("huge.drl");
        try (var ch = java.nio.channels.FileChannel.open(huge, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'\n'}), (3L << 30) - 1); // sparse
        }
        CliRun r = CliRun.run("rules", "check", "--rules", huge.toString());
        assertEquals(1, r.code());
        assertEquals("rdp-doctor: " + huge + ": file is " + (3L << 30) + " bytes; the limit for a rule file is "
                + (16 << 20) + "\n", r.err());
        Path pipe = dir.resolve("site.drl");
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());
        CliRun p = CliRun.run("rules", "check", "--rules", pipe.toString());
        assertEquals(1, p.code());
        assertEquals("rdp-doctor: " + pipe + ": not a regular file; give a .drl file or a directory of them\n", p.err());
    }

    /**
     * A --rules folder without a .drl file (the wrong folder, rules named .txt) ran only the bundled rules and said
     * "OK: 7 rule files compiled" as if the site's rules had been checked; it is an error naming the folder.
     */
    @Test
    void aRulesFolderWithoutRuleFilesIsAnError(@TempDir Path dir) throws Exception {
        Path site = Files.createDirectories(dir.resolve("site-rules"));
        Files.writeString(site.resolve("site.drl.txt"), "package x;\n");
        for (String[] args : new String[][] {{"rules", "check", "--rules", site.toString()},
                {"diagnose", "--rules", site.toString(), "examples/minimal-0x904-0x7.yaml"}}) {
            CliRun r = CliRun.run(args);
            assertEquals(1, r.code(), String.join(" ", args));
            assertEquals("", r.out());
            assertEquals("rdp-doctor: " + site + ": no rule files (*.drl) in this directory\n", r.err());
        }
        io.github.rdpdoctor.engine.RdpDoctorException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.github.rdpdoctor.engine.RdpDoctorException.class,
                () -> io.github.rdpdoctor.engine.RdpDoctor.builder().addRules(site).build());
        assertEquals(site + ": no rule files (*.drl) in this directory", e.getMessage());
    }

    @Test
    void kbListAndShow() {
        CliRun list = CliRun.run("kb", "list");
        assertEquals(0, list.code());
        assertEquals(22, list.out().lines().count(), "the contract's 18 causes and the four extensions");
        CliRun show = CliRun.run("kb", "show", "credssp-nla-mismatch");
        assertEquals(0, show.code());
        assertTrue(show.out().contains("Remediation:") && show.out().contains("1. "), show.out());
        CliRun unknown = CliRun.run("kb", "show", "nope");
        assertEquals(1, unknown.code());
        assertEquals("rdp-doctor: unknown cause 'nope'; 'rdp-doctor kb list' shows the known ones\n", unknown.err());
        // a misspelt id is told the one meant, as rule and scenario checks do; case and blanks do not count
        for (String typo : new String[] {"credsp-nla-mismatch", "CredSSP-NLA-Mismatch", " credssp-nla-mismatch "}) {
            CliRun near = CliRun.run("kb", "show", typo);
            assertEquals(1, near.code());
            assertEquals("rdp-doctor: unknown cause '" + typo + "'; did you mean 'credssp-nla-mismatch'?\n", near.err());
        }
    }

    @Test
    void mergeCombinesFilesOfOneHost(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("probe.yaml"), "host: h\nsymptoms:\n  client.error_code: \"0x904\"\n  network.rdp_port_state: open\n");
        Path b = Files.writeString(dir.resolve("host.yaml"), "host: h\nsymptoms:\n  network.rdp_port_state: filtered\n  server.cert_expired: true\n");
        CliRun r = CliRun.run("diagnose", "--merge", "--format", "json", a.toString(), b.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode d = new ObjectMapper().readTree(r.out());
        assertTrue(d.get("warnings").toString().contains("conflicting values for network.rdp_port_state"), d.toString());
    }

    /**
     * --merge of files that name different hosts: diagnosed (exit 0) with a warning naming both; the host is the target
     * the client's facts name (as typed in mstsc), so the commands name it too.
     */
    @Test
    void mergeOfDifferentHostsWarnsNamingBothFilesAndBothHosts(@TempDir Path dir) throws Exception {
        Path client = Files.writeString(dir.resolve("client.yaml"), "host: fin-app-07.corp.example\nsymptoms:\n  client.error_code: \"0x904\"\n");
        Path host = Files.writeString(dir.resolve("host.yaml"), "host: FIN-APP-07\nsymptoms:\n  server.cert_expired: true\n");
        String warning = "merging facts of different hosts: 'fin-app-07.corp.example' (" + client + ") and 'FIN-APP-07' (" + host
                + "); using 'fin-app-07.corp.example', the target the client's facts name";
        CliRun text = CliRun.run("diagnose", "--merge", client.toString(), host.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().startsWith("== fin-app-07.corp.example  (" + client + "+" + host + ")"), text.out());
        assertTrue(text.out().contains("Warnings:\n  ! " + warning + "\n"), text.out());
        assertTrue(text.out().contains("rdp-certificate-problem"), "facts of both files are diagnosed: " + text.out());
        CliRun json = CliRun.run("diagnose", "--merge", "--format", "json", client.toString(), host.toString());
        assertEquals(0, json.code(), json.err());
        JsonNode d = new ObjectMapper().readTree(json.out());
        assertEquals("fin-app-07.corp.example", d.get("host").asText());
        assertEquals(warning, d.get("warnings").get(0).asText(), d.toString());
    }

    /** {@code diagnose -} reads one document from standard input, alone, beside files, or in a --merge. */
    @Test
    void diagnoseReadsStandardInputForDash(@TempDir Path dir) throws Exception {
        String doc = Files.readString(Path.of("examples/rdp-disabled-fresh-vm-from-template.yaml"));
        CliRun alone = CliRun.withStdin(doc, "diagnose", "--format", "json", "-");
        assertEquals(0, alone.code(), alone.err());
        JsonNode d = new ObjectMapper().readTree(alone.out());
        assertEquals("<stdin>", d.get("source").asText());
        assertEquals(new ObjectMapper().readTree(CliRun.run("diagnose", "--format", "json",
                "examples/rdp-disabled-fresh-vm-from-template.yaml").out()).get("causes"), d.get("causes"));

        Path host = Files.writeString(dir.resolve("host.yaml"), "host: h\nsymptoms:\n  server.cert_expired: true\n");
        CliRun merged = CliRun.withStdin("{\"host\": \"h\", \"symptoms\": {\"client.error_code\": \"0x904\"}}",
                "diagnose", "--merge", "--format", "json", "-", host.toString());
        assertEquals(0, merged.code(), merged.err());
        assertTrue(merged.out().contains("rdp-certificate-problem"), merged.out());

        CliRun bad = CliRun.withStdin("host: h\nsymptoms:\n  network.rdp_port: abc\n", "diagnose", "-");
        assertEquals(1, bad.code());
        assertEquals("rdp-doctor: <stdin>:3: symptoms.network.rdp_port: expected an integer 1..65535, got \"abc\"\n", bad.err());
        assertEquals(2, CliRun.withStdin(doc, "diagnose", "-", "-").code(), "standard input once");
    }

    /** Text and Markdown put the diagnosed host into the commands; JSON and `kb show` keep the knowledge base's HOST. */
    @Test
    void commandsNameTheDiagnosedHostWhereItIsAPlainName(@TempDir Path dir) throws Exception {
        String facts = "symptoms:\n  client.error_code: \"0x904\"\n  client.extended_error: \"0x7\"\n"
                + "  client.credssp_oracle: 1\n  server.credssp_patched: false\n";
        Path plain = Files.writeString(dir.resolve("plain.yaml"), "host: fin-app-07.corp.example\n" + facts);
        for (String format : new String[] {"text", "markdown"}) {
            String out = CliRun.run("diagnose", "--format", format, plain.toString()).out();
            assertTrue(out.contains("cmdkey /delete:TERMSRV/fin-app-07.corp.example"), out);
            assertTrue(out.contains("mstsc.exe /v:fin-app-07.corp.example /restrictedAdmin"), out);
            assertFalse(out.contains("HOST"), out);
        }
        Path withPort = Files.writeString(dir.resolve("port.yaml"), "host: 10.1.2.3:3390\n" + facts);
        String portOut = CliRun.run("diagnose", withPort.toString()).out();
        assertTrue(portOut.contains("cmdkey /delete:TERMSRV/10.1.2.3\n"), portOut);
        // mstsc connects to the port the host was diagnosed on, not to 3389
        assertTrue(portOut.contains("mstsc.exe /v:10.1.2.3:3390 /restrictedAdmin"), portOut);
        assertTrue(CliRun.run("diagnose", "--format", "markdown", withPort.toString()).out()
                .contains("`mstsc.exe /v:10.1.2.3:3390 /restrictedAdmin`"));
        Path odd = Files.writeString(dir.resolve("odd.yaml"), "host: \"x & calc.exe\"\n" + facts);
        String kept = CliRun.run("diagnose", odd.toString()).out();
        assertTrue(kept.contains("cmdkey /delete:TERMSRV/HOST") && !kept.contains("calc.exe /"), kept);
        assertTrue(CliRun.run("diagnose", "--format", "json", plain.toString()).out().contains("TERMSRV/HOST"));
        assertTrue(CliRun.run("kb", "show", "credssp-nla-mismatch").out().contains("TERMSRV/HOST"));
    }

    /**
     * Text and Markdown put the connection's RDP port (network.rdp_port, else 3389) where the knowledge base says
     * PORT; JSON keeps PORT and says the port beside the host; `kb show` keeps PORT.
     */
    @Test
    void commandsNameTheDiagnosedRdpPort(@TempDir Path dir) throws Exception {
        String facts = "host: fin-app-07.corp.example\nsymptoms:\n  client.error_code: \"0x904\"\n"
                + "  network.rdp_port_state: filtered\n  server.firewall_rdp_allowed: false\n";
        Path custom = Files.writeString(dir.resolve("custom.yaml"), facts + "  network.rdp_port: 3390\n");
        for (String format : new String[] {"text", "markdown"}) {
            String out = CliRun.run("diagnose", "--format", format, custom.toString()).out();
            assertTrue(out.contains("Test-NetConnection -ComputerName fin-app-07.corp.example -Port 3390"), out);
            assertTrue(out.contains("-LocalPort 3390 -Action Allow"), out);
            assertFalse(out.contains("-Port 3389") || out.contains("PORT"), out);
        }
        String standard = CliRun.run("diagnose", Files.writeString(dir.resolve("standard.yaml"), facts).toString()).out();
        assertTrue(standard.contains("Test-NetConnection -ComputerName fin-app-07.corp.example -Port 3389"), standard);
        JsonNode json = new ObjectMapper().readTree(CliRun.run("diagnose", "--format", "json", custom.toString()).out());
        assertEquals(3390, json.get("port").asInt());
        assertTrue(json.get("causes").toString().contains("-Port PORT"), json.toString());
        assertTrue(CliRun.run("kb", "show", "firewall-blocking").out().contains("-Port PORT"));
    }

    /** Summaries count in words that agree with the number: "1 input", "2 inputs". */
    @Test
    void summariesSaySingularForOne(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.jsonl");
        CliRun one = CliRun.run("batch", "--out", out.toString(), "examples/minimal-0x904-0x7.yaml");
        assertTrue(one.err().startsWith("1 input: 1 diagnosed, 0 rejected; "), one.err());
        CliRun report = CliRun.run("report", out.toString(), "--markdown", dir.resolve("r.md").toString());
        assertTrue(report.err().startsWith("1 result: 1 diagnosed, 0 rejected"), report.err());
        assertTrue(Files.readString(dir.resolve("r.md")).contains("1 input: 1 diagnosed, 0 rejected"));
        CliRun two = CliRun.run("batch", "examples/minimal-0x904-0x7.yaml", "examples/rdp-disabled-fresh-vm-from-template.yaml");
        assertTrue(two.err().startsWith("2 inputs: 2 diagnosed, 0 rejected; "), two.err());
    }

    /** diagnose --format markdown escapes what comes from the file (host, values quoted in evidence, warnings). */
    @Test
    void diagnoseMarkdownShowsFileTextAsWritten(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("odd.yaml"), "host: \"h<b>x</b>\"\nsymptoms:\n  client.error_code: \"0x904\"\n"
                + "  client.os: \"Windows XP <img src=x>\"\n  rdp.nla_required: true\n  site.a|b: 1\n");
        String md = CliRun.run("diagnose", "--format", "markdown", f.toString()).out();
        assertTrue(md.startsWith("## RDP diagnosis: h\\<b\\>x\\</b\\>\n"), md);
        assertTrue(md.contains("the client runs Windows XP \\<img src=x\\>"), md);
        assertTrue(md.contains("unknown symptom name 'site.a\\|b'"), md);
        assertFalse(java.util.regex.Pattern.compile("(?<!\\\\)<").matcher(md).find(), "no unescaped '<': " + md);
    }
}
