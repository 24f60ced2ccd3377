package io.github.rdpdoctor.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class KnowledgeBaseTest {
    /** The cause ids of symptom contract v1, in contract order. */
    static final List<String> CONTRACT_CAUSES = List.of("firewall-blocking", "network-profile-public",
            "rdp-service-failure", "rdp-disabled", "stuck-user-session", "dns-wrong-host", "network-unreachable",
            "credssp-nla-mismatch", "tls-protocol-mismatch", "rdp-certificate-problem", "user-profile-corrupt",
            "licensing-or-session-cap", "security-software-interference", "rd-gateway-or-nat",
            "client-side-corruption", "unstable-network", "windows-update-regression", "connection-backlog");

    private final KnowledgeBase kb = KnowledgeBase.bundled();

    /** An embedder's replacement knowledge base that is not YAML: one message naming its file and line, not Jackson's. */
    @Test
    void aMalformedReplacementNamesItsFileAndLine() {
        String yaml = "causes:\n  - id: x\n    title: \"unclosed\n";
        IOException e = assertThrows(IOException.class,
                () -> KnowledgeBase.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "my-causes.yaml"));
        assertEquals(IOException.class, e.getClass());
        assertTrue(e.getMessage().startsWith("my-causes.yaml:3: malformed YAML: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    /** A replacement knowledge base whose step has only a command is refused with the cause and step named. */
    @Test
    void aStepWithoutTextIsRefused() {
        String kb = "causes:\n  - id: firewall-blocking\n    title: Firewall\n    remediation:\n"
                + "      - text: Open the port.\n      - command: Enable-NetFirewallRule -DisplayGroup 'Remote Desktop'\n";
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> KnowledgeBase.parse(
                new java.io.ByteArrayInputStream(kb.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "site-kb.yaml"));
        assertEquals("site-kb.yaml: cause firewall-blocking: remediation step 2 has no text (every step says what to do;"
                + " 'command' and 'caution' are optional)", e.getMessage());
    }

    /** The causes rdp-doctor adds beyond the contract, after the contract's (kb/causes.yaml, "Extensions"). */
    static final List<String> EXTENSION_CAUSES = List.of("logons-disabled", "remote-logon-right-missing", "account-locked-or-expired",
            "domain-trust-broken");

    @Test
    void hasTheContractCausesInContractOrderThenTheExtensions() {
        List<String> ids = kb.causes().stream().map(Cause::id).toList();
        assertEquals(CONTRACT_CAUSES, ids.subList(0, CONTRACT_CAUSES.size()));
        assertEquals(EXTENSION_CAUSES, ids.subList(CONTRACT_CAUSES.size(), ids.size()));
    }

    @Test
    void everyCauseIsCompleteAndCitesASource() {
        for (Cause c : kb.causes()) {
            assertFalse(c.title().isBlank(), c.id());
            assertTrue(c.explanation().length() > 40, c.id() + " needs an explanation");
            assertTrue(c.remediation().size() >= 2, c.id() + " needs ordered remediation steps");
            c.remediation().forEach(s -> assertFalse(s.text().isBlank(), c.id()));
            assertFalse(c.sources().isEmpty(), c.id() + " cites no source");
        }
    }

    /**
     * Settings that weaken RDP security: NLA off, CredSSP "Vulnerable", RDP Security Layer, CredSSP off in an .rdp file,
     * no server authentication, old TLS/SSL re-enabled in Schannel, the firewall off, low encryption.
     */
    private static final Pattern WEAKENS = Pattern.compile("(?i)userauthentication /t reg_dword /d 0"
            + "|allowencryptionoracle /t reg_dword /d 2|securitylayer /t reg_dword /d 0|enablecredsspsupport:i:0"
            + "|authentication level:i:0|protocols\\\\(ssl [23]\\.0|tls 1\\.[01])\\\\\\w+\"? /v (enabled /t reg_dword /d 1|disabledbydefault /t reg_dword /d 0)"
            + "|set-netfirewallprofile .*-enabled \\$?false|netsh advfirewall set \\w+ state off"
            + "|minencryptionlevel /t reg_dword /d 1");
    /** Words that say a weakening is a test or temporary and is to be undone. */
    private static final Pattern TEMPORARY = Pattern.compile("(?i)temporar|\\btest\\b|\\buntil\\b|\\brevert|set it back|re-enable");

    @Test
    void stepsThatWeakenSecurityCarryACautionAndSayTheyAreTemporary() {
        for (Cause c : kb.causes()) {
            for (RemediationStep s : c.remediation()) {
                String all = s.text() + " " + (s.command() == null ? "" : s.command());
                if (WEAKENS.matcher(all).find()) {
                    assertTrue(s.caution() != null && !s.caution().isBlank(), c.id() + ": " + s.text());
                    assertTrue(TEMPORARY.matcher(s.text() + " " + s.caution()).find(),
                            c.id() + ": a step that weakens security says it is a test or temporary: " + s.text());
                }
            }
        }
    }

    @Test
    void theWeakeningPatternKnowsTheUsualSettings() {
        for (String cmd : List.of(
                "reg add \"HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Server\" /v Enabled /t REG_DWORD /d 1 /f",
                "reg add \"HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\SSL 3.0\\Client\" /v DisabledByDefault /t REG_DWORD /d 0 /f",
                "Set-NetFirewallProfile -Profile Domain,Public,Private -Enabled False",
                "netsh advfirewall set allprofiles state off")) {
            assertTrue(WEAKENS.matcher(cmd).find(), cmd);
        }
        assertFalse(WEAKENS.matcher("reg add \"HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL"
                + "\\Protocols\\TLS 1.2\\Server\" /v Enabled /t REG_DWORD /d 1 /f").find());
    }

    /**
     * A step that says which event ids to look for queries all of them (an id only in the text is never shown). A year
     * after a month or in a Windows Server name ("August 2025", "Windows Server 2025") is not an event id.
     */
    @Test
    void anEventQueryAsksForEveryEventIdItsStepNames() {
        Pattern id = Pattern.compile("(?<!(?:Server|January|February|March|April|May|June|July|August|September|October|November|December) )\\b\\d{4,5}\\b");
        int queries = 0;
        for (Cause c : kb.causes()) {
            for (RemediationStep s : c.remediation()) {
                if (s.command() == null || !s.command().contains("Get-WinEvent")) {
                    continue;
                }
                queries++;
                Matcher ids = Pattern.compile("\\bId=([\\d,]+)").matcher(s.command());
                assertTrue(ids.find(), c.id() + ": " + s.command());
                List<String> asked = List.of(ids.group(1).split(","));
                Matcher named = id.matcher(s.text());
                while (named.find()) {
                    assertTrue(asked.contains(named.group()), c.id() + ": the step names event " + named.group()
                            + " but its query asks for " + asked + ": " + s.command());
                }
            }
        }
        assertTrue(queries >= 4, "event queries: " + queries);
    }

    /** reg.exe: the verb, the key (quoted when it has a space, so reg gets it as one argument), then the switches. */
    private static final Pattern REG = Pattern.compile("(?i)reg(?:\\.exe)? (add|query|delete|export) (\"[^\"]+\"|[^\\s\"]+)(.*)");
    private static final Pattern REG_KEY = Pattern.compile("(?i)(HKLM|HKCU|HKCR|HKU|HKCC)\\\\[^\\\\].*[^\\\\]");
    private static final Pattern REG_ADD = Pattern.compile("(?i) /v [^\\s/]+ /t (REG_SZ|REG_EXPAND_SZ|REG_MULTI_SZ|REG_DWORD|REG_QWORD"
            + "|REG_BINARY|REG_NONE) /d (\\S+) /f");

    /** Problems of one reg.exe command, or none. */
    static List<String> regProblems(String command) {
        Matcher m = REG.matcher(command);
        if (!command.matches("(?i)reg(\\.exe)? .*")) {
            return List.of();
        }
        if (!m.matches()) {
            return List.of("not reg add|query|delete|export KEY ...");
        }
        List<String> problems = new ArrayList<>();
        String key = m.group(2).replace("\"", "");
        if (!REG_KEY.matcher(key).matches()) {
            problems.add("key " + key + " does not start with HKLM\\, HKCU\\, HKCR\\, HKU\\ or HKCC\\ (or ends with \\)");
        }
        String rest = m.group(3);
        if (!m.group(1).equalsIgnoreCase("export") && !rest.isEmpty() && !rest.startsWith(" /")) {
            problems.add("the key has a space and is not quoted: " + m.group(2) + rest.split(" /")[0]);
        }
        if (m.group(1).equalsIgnoreCase("add")) {
            Matcher add = REG_ADD.matcher(rest);
            if (!add.find()) {
                problems.add("reg add needs /v NAME /t REG_type /d DATA /f (in that order, so it never prompts)");
            } else if (add.group(1).toUpperCase(Locale.ROOT).matches("REG_[DQ]WORD")
                    && !add.group(2).matches("\\d+|0x[0-9A-Fa-f]+|[A-Z][A-Z_]*")) {
                problems.add(add.group(1) + " data is not a number or placeholder: " + add.group(2));
            }
        }
        return problems;
    }

    @Test
    void regCommandsAreComplete() {
        int regs = 0;
        for (Cause c : kb.causes()) {
            for (RemediationStep s : c.remediation()) {
                if (s.command() != null && s.command().toLowerCase(Locale.ROOT).startsWith("reg")) {
                    regs++;
                    assertEquals(List.of(), regProblems(s.command()), c.id() + ": " + s.command());
                }
            }
        }
        assertTrue(regs >= 10, "reg commands: " + regs);
        // the check itself: what an admin would trip over
        assertFalse(regProblems("reg add HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server /v fDenyTSConnections"
                + " /t REG_DWORD /d 0 /f").isEmpty(), "unquoted key with a space");
        assertFalse(regProblems("reg add \"HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\" /v fDenyTSConnections"
                + " /t REG_DWORD /d 0").isEmpty(), "no /f: reg prompts before overwriting");
        assertFalse(regProblems("reg add \"HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\" /v fDenyTSConnections"
                + " /t DWORD /d 0 /f").isEmpty(), "type without REG_");
        assertFalse(regProblems("reg add \"HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\" /v fDenyTSConnections"
                + " /d 0 /f").isEmpty(), "no /t: reg writes REG_SZ");
        assertFalse(regProblems("reg query \"HKEY_LOCAL_MACHINE\\SOFTWARE\" /v X").isEmpty(), "long root name");
    }

    /** The kb's placeholders for the computer a command talks to; the CLI puts the diagnosed host for HOST. */
    private static final Set<String> COMPUTER_PLACEHOLDERS = Set.of("HOST", "IP_ADDRESS", "PUBLIC_NAME", "GATEWAY");
    private static final Pattern COMPUTER_ARG = Pattern.compile("(?i)(?:-ComputerName |/server:|/v:|TERMSRV/"
            + "|\\b(?:tracert|pathping|ping|nslookup) |Resolve-DnsName (?:-Name )?)([^\\s'\";|)]+)");

    /** Every computer name in a command, text or caution is a placeholder (HOST for the diagnosed host), never an example name. */
    @Test
    void computerNamesArePlaceholders() {
        int named = 0;
        for (Cause c : kb.causes()) {
            for (RemediationStep s : c.remediation()) {
                for (String part : new String[] {s.text(), s.command(), s.caution()}) {
                    Matcher m = COMPUTER_ARG.matcher(part == null ? "" : part);
                    while (m.find()) {
                        named++;
                        assertTrue(COMPUTER_PLACEHOLDERS.contains(m.group(1)), c.id() + ": '" + m.group(1)
                                + "' is not one of " + COMPUTER_PLACEHOLDERS + ": " + part);
                    }
                }
            }
        }
        assertTrue(named >= 20, "computer names: " + named);
        Matcher seed = COMPUTER_ARG.matcher("mstsc.exe /v:your-server-ip /restrictedAdmin");
        assertTrue(seed.find() && !COMPUTER_PLACEHOLDERS.contains(seed.group(1)));
    }

    /** Where a step says 3389 on purpose: about the default port ("the default 3389", "default port 3389"). */
    private static final Pattern DEFAULT_PORT = Pattern.compile("(?i)\\bdefault (?:RDP )?(?:port )?3389\\b");
    /** A port argument in a command or a command quoted in a text: a number or an upper-case placeholder. */
    private static final Pattern PORT_ARG = Pattern.compile("(?i)(?:-Port |-LocalPort |--port |--destination-port-ranges "
            + "|\\btcp:|findstr :)(?-i)(\\d+|[A-Z_]+)\\b");
    /** The kb's placeholders for a port: PORT is the diagnosed connection's (filled in), PUBLIC_PORT the one in front of a NAT. */
    private static final Set<String> PORT_PLACEHOLDERS = Set.of("PORT", "PUBLIC_PORT");
    /** Ports of other services a step may name as numbers: RD Gateway's HTTPS and UDP transport. */
    private static final Set<String> OTHER_SERVICE_PORTS = Set.of("443", "3391");

    /** The RDP ports a step's text, command or caution hard-codes, apart from the 3389s about the default port on purpose. */
    private static List<String> hardCodedRdpPorts(String part) {
        List<String> found = new ArrayList<>();
        String rest = DEFAULT_PORT.matcher(part == null ? "" : part).replaceAll("the default");
        Matcher m = PORT_ARG.matcher(rest);
        while (m.find()) {
            if (!PORT_PLACEHOLDERS.contains(m.group(1)) && !OTHER_SERVICE_PORTS.contains(m.group(1))) {
                found.add(m.group());
            }
        }
        Matcher n = Pattern.compile("\\b3389\\b").matcher(PORT_ARG.matcher(rest).replaceAll(" "));
        while (n.find()) {
            found.add(n.group());
        }
        return found;
    }

    /**
     * Steps name the diagnosed connection's RDP port with the PORT placeholder, which the text and Markdown output fill
     * in ({@code network.rdp_port}, else 3389), so an admin whose RDP runs on 3390 is not told to test or open 3389.
     * The rule: a literal 3389 appears in a step's text, command or caution only as "the default 3389" / "default
     * port 3389" (a step about the default port on purpose, e.g. the built-in firewall rules open the default 3389
     * only); a port argument ({@code -Port}, {@code -LocalPort}, {@code --port}, {@code tcp:}, {@code findstr :}) is
     * PORT, PUBLIC_PORT or another service's port (RD Gateway's 443 and 3391).
     */
    @Test
    void stepsNameTheRdpPortWithThePlaceholder() {
        List<String> problems = new ArrayList<>();
        int placeholders = 0;
        for (Cause c : kb.causes()) {
            for (RemediationStep s : c.remediation()) {
                for (String part : new String[] {s.text(), s.command(), s.caution()}) {
                    hardCodedRdpPorts(part).forEach(p -> problems.add(c.id() + ": '" + p + "' in: " + part));
                    Matcher m = Pattern.compile("\\bPORT\\b").matcher(part == null ? "" : part);
                    while (m.find()) {
                        placeholders++;
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), "write PORT for the RDP port (3389 only as 'the default 3389'):\n"
                + String.join("\n", problems));
        assertTrue(placeholders >= 10, "PORT placeholders: " + placeholders);
        // the check itself: what the knowledge base said before PORT
        assertFalse(hardCodedRdpPorts("Test-NetConnection -ComputerName HOST -Port 3389").isEmpty());
        assertFalse(hardCodedRdpPorts("netstat -ano | findstr :3389").isEmpty());
        assertFalse(hardCodedRdpPorts("Open or forward TCP 3389 (or the configured RDP port)").isEmpty());
        assertFalse(hardCodedRdpPorts("never open 3389 to the whole internet").isEmpty());
        assertFalse(hardCodedRdpPorts("gcloud compute firewall-rules create allow-rdp --allow tcp:3390").isEmpty(),
                "an example port is not the diagnosed one either");
        assertTrue(hardCodedRdpPorts("reg shows the number in hex: 0xd3d is the default 3389").isEmpty());
        assertTrue(hardCodedRdpPorts("Test-NetConnection -ComputerName GATEWAY -Port 443").isEmpty());
        assertTrue(hardCodedRdpPorts("repeat the test with -Port set to that number").isEmpty());
    }

    /**
     * A command is pasted into cmd.exe or Windows PowerShell 5.1; 5.1 rejects the cmd chains {@code &&} and {@code ||}
     * ("not a valid statement separator"), so each command is one command.
     */
    @Test
    void commandsAreNotChained() {
        for (Cause c : kb.causes()) {
            for (RemediationStep s : c.remediation()) {
                if (s.command() != null) {
                    assertFalse(s.command().contains("&&") || s.command().contains("||"), c.id() + ": " + s.command());
                }
            }
        }
    }

    /** Every remediation in the two seed documents (listed in seed-remediations.yaml) is in the knowledge base. */
    @Test
    void everySeedRemediationIsRepresented() throws Exception {
        JsonNode list;
        try (InputStream in = getClass().getResourceAsStream("/seed-remediations.yaml")) {
            list = new ObjectMapper(new YAMLFactory()).readTree(in).path("remediations");
        }
        assertTrue(list.size() >= 40, "coverage list too short: " + list.size());
        List<String> missing = new ArrayList<>();
        List<String> seedsCovered = new ArrayList<>();
        for (JsonNode r : list) {
            String seedName = r.path("seed").asText();
            String seed = seedText(seedName);
            for (String word : r.path("quote").asText().split("[^A-Za-z0-9]+")) {
                if (word.length() > 3 && !seed.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT))) {
                    missing.add("quote word '" + word + "' is not in " + seedName);
                }
            }
            Cause c = kb.cause(r.path("cause").asText()).orElse(null);
            if (c == null) {
                missing.add("unknown cause " + r.path("cause").asText());
                continue;
            }
            if (!c.sources().contains(seedName)) {
                missing.add(c.id() + " does not cite " + seedName);
            }
            StringBuilder text = new StringBuilder();
            c.remediation().forEach(s -> text.append(s.text()).append(' ').append(s.command()).append(' '));
            for (JsonNode k : r.path("keywords")) {
                if (!text.toString().toLowerCase(Locale.ROOT).contains(k.asText().toLowerCase(Locale.ROOT))) {
                    missing.add(c.id() + " lacks '" + k.asText() + "' for seed line: " + r.path("quote").asText());
                }
            }
            seedsCovered.add(seedName);
        }
        assertTrue(missing.isEmpty(), String.join("\n", missing));
        assertTrue(seedsCovered.contains("000_1186b8863ec60437.txt") && seedsCovered.contains("001_96e17deb818a7688.txt"));
    }

    /** Every cause id named in the seeds' cause lists appears in the coverage list. */
    @Test
    void everyCauseHasSeedOrPublicSource() {
        for (Cause c : kb.causes()) {
            assertTrue(c.sources().stream().anyMatch(s -> s.endsWith(".txt") || s.contains("Microsoft") || s.contains("MS-")),
                    c.id() + ": " + c.sources());
        }
    }

    private String seedText(String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/seeds/" + name)) {
            assertTrue(in != null, "seed " + name + " missing from src/test/resources/seeds");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
