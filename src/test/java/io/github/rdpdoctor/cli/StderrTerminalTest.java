package io.github.rdpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When {@code batch} draws its progress bar: exactly when standard error is a terminal. */
class StderrTerminalTest {
    @Test
    void theLaunchersWordDecides() {
        assertTrue(BatchCommand.stderrIsTerminal("true", null));
        assertFalse(BatchCommand.stderrIsTerminal("false", "/dev/pts/3"), "the launcher knows better than a guess");
        assertTrue(BatchCommand.stderrIsTerminal("true", "/home/me/log.txt"));
    }

    /** Without the launcher (java -jar, embedders): where file descriptor 2 leads, on Linux. */
    @Test
    void withoutTheLauncherFileDescriptorTwoDecides() {
        assertTrue(BatchCommand.stderrIsTerminal(null, "/dev/pts/0"));
        assertTrue(BatchCommand.stderrIsTerminal(null, "/dev/tty1"));
        assertFalse(BatchCommand.stderrIsTerminal(null, "/tmp/err.txt"), "stderr to a file");
        assertFalse(BatchCommand.stderrIsTerminal(null, "pipe:[123456]"), "stderr to a pipe");
        assertFalse(BatchCommand.stderrIsTerminal(null, "/dev/null"));
        assertFalse(BatchCommand.stderrIsTerminal(null, null), "no /proc: no bar");
    }
}
