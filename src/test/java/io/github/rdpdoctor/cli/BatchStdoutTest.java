package io.github.rdpdoctor.cli;

import io.github.rdpdoctor.batch.FullDisk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code batch} to standard output when the output cannot take the lines: a full disk, a reader that went away. */
class BatchStdoutTest {
    /** The examples folder ten times: 460 inputs, more than a pipe holds. */
    static List<String> manyInputs() {
        List<String> args = new ArrayList<>(List.of("batch"));
        args.addAll(Collections.nCopies(10, "examples"));
        return args;
    }

    /** A full disk under standard output ({@code > /full/o.jsonl}): exit 1 and one line, no summary of a run that lost lines. */
    @Test
    @Timeout(60)
    void aFullDiskOnStandardOutputIsFatal() {
        StringWriter err = new StringWriter();
        int code = Main.run(manyInputs().toArray(String[]::new), InputStream.nullInputStream(), StandardOutput.of(FullDisk.after(100_000)),
                new PrintWriter(err));
        assertEquals(Main.BAD_INPUT, code, err.toString());
        assertEquals("rdp-doctor: cannot write to standard output: No space left on device\n", err.toString());
    }

    /** Other commands print through a PrintWriter, which keeps write failures to itself: exit 1 all the same, with the reason. */
    @Test
    @Timeout(60)
    void anyCommandWhoseOutputWasLostExitsOne() {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"diagnose", "examples/minimal-0x904-0x7.yaml"}, InputStream.nullInputStream(),
                StandardOutput.of(FullDisk.after(0)), new PrintWriter(err));
        assertEquals(Main.BAD_INPUT, code, err.toString());
        assertEquals("rdp-doctor: cannot write to standard output: No space left on device\n", err.toString());
    }

    /** A real process whose reader closes the pipe early ({@code | head -c 100}) stops at once with exit 1. */
    @Test
    @Timeout(120)
    void aClosedPipeStopsTheRunWithExitOne(@TempDir Path dir) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(manyInputs());
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("err.txt").toFile()).start();
        try (InputStream out = p.getInputStream()) {
            assertEquals(100, out.readNBytes(100).length);
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "still running after its output was closed");
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        assertEquals(1, p.exitValue(), err);
        assertEquals("rdp-doctor: cannot write to standard output: Broken pipe\n", err, "one line, no summary");
    }
}
