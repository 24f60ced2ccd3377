package io.github.rdpdoctor.report;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.rdpdoctor.collectors.osquery.OsqueryIngest;
import io.github.rdpdoctor.engine.RdpDoctorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that opens but cannot be read (a directory: open succeeds on Linux, the first read fails) leaves no file
 * descriptor open: the stream is closed also when reading its first bytes, to tell UTF-16, fails.
 */
class ReadLeakTest {
    private static final Path FDS = Path.of("/proc/self/fd");

    private static long openFiles() throws IOException {
        try (Stream<Path> s = Files.list(FDS)) {
            return s.count();
        }
    }

    @Test
    void unreadableInputsCloseTheirStreams(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(FDS), "needs /proc/self/fd");
        long before = openFiles();
        for (int i = 0; i < 200; i++) {
            assertThrows(RdpDoctorException.class, () -> FleetReport.read(dir));
            new OsqueryIngest().read(dir);
        }
        long after = openFiles();
        assertTrue(after - before < 50, "file descriptors left open: " + (after - before));
    }
}
