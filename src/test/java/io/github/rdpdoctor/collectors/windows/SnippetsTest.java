package io.github.rdpdoctor.collectors.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rdpdoctor.collectors.CollectionTarget;
import io.github.rdpdoctor.collectors.CollectorRunner;
import io.github.rdpdoctor.collectors.SymptomCollector;
import io.github.rdpdoctor.symptoms.Vocabulary;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SnippetsTest {
    final List<WindowsCollector> collectors = WindowsCollection.collectors(new FakeRunner(), () -> "Windows Server 2022", Recordings.CLOCK);

    @Test
    void eachCollectorRunsItsOwnSnippetAndEverySnippetHasACollector() {
        Set<String> used = new HashSet<>();
        for (WindowsCollector c : collectors) {
            assertTrue(Snippets.ALL.contains(c.snippet()), c.snippet());
            assertTrue(used.add(c.snippet()), "two collectors run " + c.snippet());
        }
        assertEquals(new HashSet<>(Snippets.ALL), used);
    }

    @Test
    void everySnippetWritesOneCompressedJsonDocumentAtTheEndAndNeverExits() {
        for (String name : Snippets.ALL) {
            String s = Snippets.load(name);
            String code = StandaloneScriptTest.stripStringsAndComments(s);
            assertEquals(1, count(code, "ConvertTo-Json"), name);
            assertTrue(s.strip().endsWith("ConvertTo-Json -Depth 4 -Compress"), name + " must end with ConvertTo-Json -Depth 4 -Compress");
            assertFalse(Pattern.compile("(?i)\\bexit\\b").matcher(code).find(), name + " calls exit");
            assertFalse(Pattern.compile("(?i)Write-(Host|Output|Warning|Error)\\b").matcher(code).find(), name + " writes outside the JSON");
            assertTrue(s.startsWith("# "), name + " starts with a comment saying what it reads");
        }
    }

    @Test
    void theCommandIsPowerShellWithTheScriptEncoded() {
        for (String name : Snippets.ALL) {
            String script = Snippets.runnerScript(name);
            List<String> cmd = Snippets.command(script);
            assertTrue(cmd.get(0).toLowerCase().endsWith("powershell.exe"));
            assertEquals(List.of("-NoLogo", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-EncodedCommand"),
                    cmd.subList(1, 7));
            assertEquals(script, new String(Base64.getDecoder().decode(cmd.get(7)), StandardCharsets.UTF_16LE));
            assertTrue(cmd.get(7).length() < Snippets.MAX_ENCODED, name + " is too long for a command line");
            assertTrue(script.contains(Snippets.load(Snippets.COMMON)));
            assertTrue(script.indexOf("Write-RdpProblem") < script.indexOf("$rdpOutput"), "the helper is defined before the snippet");
        }
    }

    @Test
    void theSecurityServicesTheSnippetAsksForAreExactlyTheOnesJavaKnows() {
        Matcher m = Pattern.compile("\\$known = @\\(([^)]*)\\)").matcher(Snippets.load("security-products.ps1"));
        assertTrue(m.find());
        List<String> asked = new ArrayList<>();
        Matcher q = Pattern.compile("'([^']+)'").matcher(m.group(1));
        while (q.find()) {
            asked.add(q.group(1));
        }
        assertEquals(new ArrayList<>(WindowsFacts.SECURITY_SERVICES.keySet()), asked);
    }

    @Test
    void everyDeclaredSymptomIsInTheVocabulary() {
        for (WindowsCollector c : collectors) {
            for (String s : c.produces()) {
                assertTrue(Vocabulary.bundled().definition(s).isPresent(), c.name() + " declares " + s);
            }
        }
    }

    @Test
    void registeredWithServiceLoaderAndInactiveWithoutASide() {
        Set<String> names = new LinkedHashSet<>();
        for (SymptomCollector c : CollectorRunner.discover().collectors()) {
            if (c instanceof WindowsCollector) {
                names.add(c.getClass().getSimpleName());
                assertFalse(c.appliesTo(CollectionTarget.of("h"), Map.of()), "never without the side option");
            }
        }
        Set<String> expected = new LinkedHashSet<>();
        collectors.forEach(c -> expected.add(c.getClass().getSimpleName()));
        assertEquals(expected, names);
    }

    @Test
    void activeOnlyOnWindowsAndOnlyForItsSide() {
        CollectionTarget host = CollectionTarget.of("h").withOptions(Map.of(WindowsCollector.SIDE_OPTION, "host"));
        CollectionTarget client = CollectionTarget.of("h").withOptions(Map.of(WindowsCollector.SIDE_OPTION, "client"));
        ServicesCollector onWindows = new ServicesCollector(new FakeRunner(), () -> "Windows Server 2019", Recordings.CLOCK);
        ServicesCollector onLinux = new ServicesCollector(new FakeRunner(), () -> "Linux", Recordings.CLOCK);
        assertTrue(onWindows.appliesTo(host, Map.of()));
        assertFalse(onWindows.appliesTo(client, Map.of()));
        assertFalse(onLinux.appliesTo(host, Map.of()));
        VpnCollector vpn = new VpnCollector(new FakeRunner(), () -> "Windows 11", Recordings.CLOCK);
        assertTrue(vpn.appliesTo(client, Map.of()));
        assertFalse(vpn.appliesTo(host, Map.of()));
        OsCollector os = new OsCollector(new FakeRunner(), () -> "Windows 11", Recordings.CLOCK);
        assertTrue(os.appliesTo(client, Map.of()) && os.appliesTo(host, Map.of()));
        assertFalse(new ServicesCollector().appliesTo(host, Map.of()) && !WindowsCollector.isWindows(System.getProperty("os.name")));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
