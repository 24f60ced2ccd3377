package io.github.rdpdoctor.collectors.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The standalone script collectors/windows/Collect-RdpSymptoms.ps1 carries the collectors' snippets verbatim
 * between "# >>> NAME" and "# <<< NAME". After editing a snippet, regenerate the script with
 * {@code mvn -o test -Dtest=StandaloneScriptTest -Drdpdoctor.regenerate=true}.
 */
class StandaloneScriptTest {
    static final Path SCRIPT = Path.of("collectors", "windows", "Collect-RdpSymptoms.ps1");
    private static final Pattern REGION = Pattern.compile("(?m)^# >>> (\\S+)\\n(.*?)^# <<< \\1$", Pattern.DOTALL);

    /** The script with every region replaced by its resource. */
    static String assemble(String script) {
        Matcher m = REGION.matcher(script.replace("\r\n", "\n"));
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String body = Snippets.load(m.group(1));
            if (!body.endsWith("\n")) {
                body += "\n";
            }
            m.appendReplacement(sb, Matcher.quoteReplacement("# >>> " + m.group(1) + "\n" + body + "# <<< " + m.group(1)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static String script() throws IOException {
        return Files.readString(SCRIPT, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    @Test
    void everySnippetAppearsVerbatimInTheStandaloneScript() throws IOException {
        String text = script();
        if (Boolean.getBoolean("rdpdoctor.regenerate")) {
            Files.writeString(SCRIPT, assemble(text), StandardCharsets.UTF_8);
            text = script();
        }
        Matcher m = REGION.matcher(text);
        Set<String> regions = new LinkedHashSet<>();
        while (m.find()) {
            assertTrue(regions.add(m.group(1)), "region " + m.group(1) + " appears twice");
            String expected = Snippets.load(m.group(1));
            assertEquals(expected.endsWith("\n") ? expected : expected + "\n", m.group(2),
                    m.group(1) + " differs from the collector's snippet; regenerate with -Drdpdoctor.regenerate=true");
        }
        List<String> wanted = new ArrayList<>();
        wanted.add(Snippets.COMMON);
        wanted.addAll(Snippets.ALL);
        assertEquals(wanted, new ArrayList<>(regions), "the script must carry common.ps1 and every snippet, in this order");
        assertEquals(assemble(text), text);
    }

    @Test
    void theScriptIsAsciiSoWindowsPowerShellReadsItWithoutABom() throws IOException {
        byte[] bytes = Files.readAllBytes(SCRIPT);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                fail("non-ASCII byte at offset " + i + ": PowerShell 5.1 reads BOM-less files in the ANSI code page");
            }
        }
        for (String name : Snippets.ALL) {
            assertFalse(Snippets.load(name).chars().anyMatch(c -> c > 127), name + " is not ASCII");
        }
    }

    /**
     * What the script writes reads the same wherever it goes: -OutFile is UTF-8 (Set-Content and Out-File would write the
     * ANSI code page or UTF-16 in Windows PowerShell 5.1), and standard output is ASCII with \\uXXXX escapes, since '>'
     * (UTF-16), cmd.exe's '>' (OEM code page) and a pipe into a native program ($OutputEncoding, ASCII) each pick their own.
     */
    @Test
    void theScriptWritesUtf8ToAFileAndAsciiToStandardOutput() throws IOException {
        String text = script();
        assertTrue(text.contains("[System.IO.File]::WriteAllText($OutFile, $json, (New-Object System.Text.UTF8Encoding $false))"));
        assertTrue(text.contains("Write-Output ([regex]::Replace($json, '[^\\x00-\\x7F]', { param($m) '\\u{0:x4}' -f [int][char]$m.Value }))"));
        assertFalse(Pattern.compile("(?m)^\\s*Write-Output \\$json").matcher(text).find(), "the JSON unescaped on standard output");
        List<String> texts = new ArrayList<>(List.of(text, Snippets.load(Snippets.COMMON), Snippets.RUNNER_PRELUDE + Snippets.RUNNER_EPILOGUE));
        Snippets.ALL.forEach(n -> texts.add(Snippets.load(n)));
        Pattern writes = Pattern.compile("(?i)\\b(Out-File|Set-Content|Add-Content|Export-Csv)\\b[^\\n]*");
        for (String t : texts) {
            Matcher m = writes.matcher(stripStringsAndComments(t));
            while (m.find()) {
                assertTrue(m.group().matches("(?i).*-Encoding\\s+UTF8\\b.*"), "writes in the default encoding: " + m.group());
            }
            // the runner's output to the collectors: ASCII as well
            assertFalse(Pattern.compile("(?m)^\\s*Write-Output \\$json").matcher(t).find());
        }
        assertTrue(Snippets.RUNNER_EPILOGUE.contains("[regex]::Replace($rdpText, '[^\\x00-\\x7F]'"), Snippets.RUNNER_EPILOGUE);
    }

    @Test
    void everySnippetFunctionIsCalledAndEveryCollectorIsMapped() throws IOException {
        String text = script();
        for (WindowsCollector c : WindowsCollection.collectors(new FakeRunner(), () -> "Windows 11", java.time.Clock.systemUTC())) {
            assertTrue(text.contains("Invoke-RdpSnippet '" + c.name() + "'"), c.name() + " is not run by the script");
            for (String symptom : c.produces()) {
                assertTrue(text.contains("'" + symptom + "'") || text.contains("'" + symptom.substring(symptom.indexOf('.') + 1) + "')"),
                        "the script never sets " + symptom + " (" + c.name() + ")");
            }
        }
        // every security service the snippet asks for is mapped to a product in the script and in Java
        for (String svc : WindowsFacts.SECURITY_SERVICES.keySet()) {
            assertTrue(text.contains("'" + svc + "' = '" + WindowsFacts.SECURITY_SERVICES.get(svc) + "'"),
                    "script lacks the product of " + svc);
        }
    }

    @Test
    void noPowerShellSevenOnlySyntax() throws IOException {
        List<String> texts = new ArrayList<>();
        texts.add(script());
        Snippets.ALL.forEach(n -> texts.add(Snippets.load(n)));
        texts.add(Snippets.load(Snippets.COMMON));
        texts.add(Snippets.RUNNER_PRELUDE + Snippets.RUNNER_EPILOGUE);
        Pattern[] ps7 = {
            Pattern.compile("\\?\\?"), // null-coalescing
            Pattern.compile("\\?\\."), // null-conditional member access
            Pattern.compile("\\s(&&|\\|\\|)\\s"), // pipeline chain operators
            Pattern.compile("-AsHashtable|-EnumsAsStrings|-AsArray|-Parallel|-NoEnumerate\\b.*ConvertTo-Json|Join-String|Test-Json|ConvertFrom-Json\\s+-Depth"),
            Pattern.compile("\\$PSStyle|Get-Error|\\bclean\\s*\\{"),
        };
        for (String t : texts) {
            String code = stripStringsAndComments(t);
            for (Pattern p : ps7) {
                Matcher m = p.matcher(code);
                assertFalse(m.find(), "PowerShell 7 syntax '" + (m.find(0) ? m.group() : "") + "' in:\n" + t.substring(0, Math.min(200, t.length())));
            }
            assertBalanced(code);
        }
    }

    /** Removes comments, here-strings are not used, quoted strings become "". */
    static String stripStringsAndComments(String t) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        boolean blockComment = false;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (blockComment) {
                if (t.startsWith("#>", i)) {
                    blockComment = false;
                    i += 2;
                } else {
                    i++;
                }
                continue;
            }
            if (t.startsWith("<#", i)) {
                blockComment = true;
                i += 2;
            } else if (c == '#') {
                while (i < t.length() && t.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '\'') {
                i++;
                while (i < t.length()) {
                    if (t.charAt(i) == '\'' && i + 1 < t.length() && t.charAt(i + 1) == '\'') {
                        i += 2;
                    } else if (t.charAt(i) == '\'') {
                        break;
                    } else {
                        i++;
                    }
                }
                i++;
                out.append("''");
            } else if (c == '"') {
                i++;
                int depth = 0;
                while (i < t.length()) {
                    char d = t.charAt(i);
                    if (d == '`') {
                        i += 2;
                        continue;
                    }
                    if (d == '$' && i + 1 < t.length() && t.charAt(i + 1) == '(') {
                        depth++;
                        i += 2;
                        continue;
                    }
                    if (d == ')' && depth > 0) {
                        depth--;
                    } else if (d == '"' && depth == 0) {
                        break;
                    }
                    i++;
                }
                i++;
                out.append("\"\"");
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    static void assertBalanced(String code) {
        java.util.ArrayDeque<Character> stack = new java.util.ArrayDeque<>();
        int line = 1;
        for (char c : code.toCharArray()) {
            if (c == '\n') {
                line++;
            }
            if (c == '(' || c == '{' || c == '[') {
                stack.push(c);
            } else if (c == ')' || c == '}' || c == ']') {
                char open = c == ')' ? '(' : c == '}' ? '{' : '[';
                if (stack.isEmpty() || stack.pop() != open) {
                    fail("unbalanced '" + c + "' near line " + line);
                }
            }
        }
        assertTrue(stack.isEmpty(), "unclosed " + stack);
    }
}
