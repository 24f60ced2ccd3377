package io.github.rdpdoctor.collectors.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real process runner, with /bin/sh standing in for powershell.exe. */
class ProcessCommandRunnerTest {
    final ProcessCommandRunner runner = new ProcessCommandRunner();

    @BeforeAll
    static void needsSh() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
    }

    @Test
    void capturesStdoutStderrAndTheExitCode() throws Exception {
        CommandResult r = runner.run(List.of("/bin/sh", "-c", "printf '{\"a\":1}'; echo oops >&2; exit 3"), Duration.ofSeconds(10));
        assertEquals(3, r.exitCode());
        assertEquals("{\"a\":1}", r.stdout());
        assertEquals("oops\n", r.stderr());
        assertFalse(r.timedOut());
        assertFalse(r.succeeded());
    }

    @Test
    void killsACommandThatRunsTooLongAndItsChildren() throws Exception {
        long t0 = System.nanoTime();
        CommandResult r = runner.run(List.of("/bin/sh", "-c", "echo started; sleep 30 & sleep 30"), Duration.ofMillis(500));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(r.timedOut());
        assertEquals(-1, r.exitCode());
        assertEquals("started\n", r.stdout());
        assertTrue(ms < 6000, "took " + ms + " ms");
    }

    @Test
    void aChattyCommandDoesNotBlockOnAFullPipe() throws Exception {
        CommandResult r = runner.run(List.of("/bin/sh", "-c", "head -c 3000000 /dev/zero | tr '\\0' 'x'; head -c 300000 /dev/zero | tr '\\0' 'y' >&2"),
                Duration.ofSeconds(20));
        assertEquals(0, r.exitCode());
        assertEquals(3_000_000, r.stdout().length());
        assertEquals(300_000, r.stderr().length());
    }

    @Test
    void outputThatIsNotUtf8IsReadInTheOemCodePage() throws Exception {
        // "Abhören" as a German console writes it (code page 850: ö = 0x94)
        CommandResult r = runner.run(List.of("/bin/sh", "-c", "printf 'Abh\\224ren'"), Duration.ofSeconds(10));
        assertEquals("Abhören", r.stdout());
    }

    @Test
    void aMissingProgramIsAnIOException() {
        assertThrows(IOException.class, () -> runner.run(List.of("/nonexistent/powershell.exe"), Duration.ofSeconds(5)));
    }

    @Test
    void stderrLinesDropPowerShellDecorationAndUndoTheAsciiEscapes() {
        CommandResult r = new CommandResult(1, "", String.join("\r\n",
                "#< CLIXML",
                "Get-Item : Der angeforderte Registrierungszugriff ist unzul\\u00e4ssig.",
                "In Zeile:3 Zeichen:5",
                "+     $key = Get-Item -LiteralPath $Path",
                "+            ~~~~~~~~~~~~~~~~~~~~~~~~~~~",
                "    + CategoryInfo          : PermissionDenied: (HKEY_LOCAL_MACH...erminal Services:String) [Get-Item], SecurityException",
                "    + FullyQualifiedErrorId : System.Security.SecurityException,Microsoft.PowerShell.Commands.GetItemCommand",
                " "), false);
        assertEquals(List.of("Get-Item : Der angeforderte Registrierungszugriff ist unzulässig."), r.stderrLines());
    }

    @Test
    void clixmlOnStderrGivesItsErrorAndWarningTextAndKeepsPlainLinesAroundIt() {
        CommandResult r = new CommandResult(1, "", String.join("\r\n",
                "CurrentVersion: Requested registry access is not allowed.",
                "#< CLIXML",
                "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\"><S S=\"warning\">a &lt;b&gt; &amp; c_x000D__x000A_</S>"
                        + "<S S=\"Error\">x_x005F_x0041_ : y_x000D__x000A_</S><S S=\"Error\">At line:1 char:1_x000D__x000A_</S>"
                        + "<S S=\"Error\">+ throw 'y'_x000D__x000A_</S><S S=\"verbose\">not shown_x000D__x000A_</S></Objs>"), false);
        assertEquals(List.of("CurrentVersion: Requested registry access is not allowed.", "a <b> & c", "x_x0041_ : y"), r.stderrLines());
    }
}
