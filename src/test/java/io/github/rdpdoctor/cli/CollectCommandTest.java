package io.github.rdpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectCommandTest {
    static boolean onWindows() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }

    @Test
    void offWindowsCollectFailsWithAClearMessageAndNoStackTrace(@TempDir Path dir) {
        assumeFalse(onWindows());
        Path file = dir.resolve("host.json");
        CliRun r = CliRun.run("collect", "--host-side", "--save", file.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("rdp-doctor: collect reads Windows settings and runs on Windows only"), r.err());
        assertTrue(r.err().contains("Collect-RdpSymptoms.ps1"), r.err());
        assertTrue(r.err().contains("On the Windows machine run: rdp-doctor collect --host-side --save FILE.json"), r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(file));
    }

    @Test
    void offWindowsTheSuggestedCommandIsTheSideThatWasAskedFor(@TempDir Path dir) {
        assumeFalse(onWindows());
        CliRun r = CliRun.run("collect", "--client-side", "--target", "fin-app-07", "--save", dir.resolve("c.json").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("On the Windows machine run: rdp-doctor collect --client-side --target fin-app-07"
                + " --save FILE.json"), r.err());
        assertFalse(r.err().contains("--host-side"), r.err());
    }

    /** A folder that does not exist is found before collecting, not after minutes of PowerShell runs. */
    @Test
    void aSaveFolderThatDoesNotExistIsReportedBeforeCollecting(@TempDir Path dir) {
        Path nowhere = dir.resolve("no-such-dir").resolve("host.json");
        CliRun r = CliRun.run("collect", "--host-side", "--save", nowhere.toString());
        assertEquals(1, r.code());
        assertEquals("rdp-doctor: cannot save to " + nowhere + ": no such directory " + nowhere.getParent() + "\n",
                r.err());
        assertFalse(Files.exists(nowhere.getParent()));
    }

    @Test
    void usageErrorsExitTwo(@TempDir Path dir) {
        String json = dir.resolve("x.json").toString();
        CliRun both = CliRun.run("collect", "--host-side", "--client-side", "--save", json);
        assertEquals(2, both.code());
        assertTrue(both.err().contains("exclude each other"), both.err());
        CliRun noTarget = CliRun.run("collect", "--client-side", "--save", json);
        assertEquals(2, noTarget.code());
        assertTrue(noTarget.err().contains("--client-side needs --target HOST"), noTarget.err());
        CliRun badName = CliRun.run("collect", "--save", dir.resolve("x.txt").toString());
        assertEquals(2, badName.code());
        assertTrue(badName.err().contains(".yaml, .yml or .json"), badName.err());
        assertEquals(2, CliRun.run("collect").code(), "--save is required");
        // a PowerShell step never runs longer than 120 s: a longer --timeout was cut to that without a word
        for (String t : new String[] {"0", "121", "600"}) {
            CliRun timeout = CliRun.run("collect", "--timeout", t, "--save", json);
            assertEquals(2, timeout.code(), t + ": " + timeout.err());
            assertTrue(timeout.err().startsWith("--timeout must be 1..120 seconds\n"), timeout.err());
        }
    }

    @Test
    void collectIsListedInTheHelp() {
        CliRun r = CliRun.run("--help");
        assertTrue(r.out().contains("collect"), r.out());
    }
}
