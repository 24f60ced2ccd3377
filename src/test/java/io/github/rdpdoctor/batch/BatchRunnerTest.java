package io.github.rdpdoctor.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rdpdoctor.engine.RdpDoctor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The runner itself: order under many threads, lines that do not wait for later inputs, failures that end the run. */
class BatchRunnerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static RdpDoctor doctor;

    @BeforeAll
    static void build() {
        doctor = RdpDoctor.builder().build();
    }

    static BatchInput doc(int i) {
        String json = i % 7 == 3
                ? "{\"host\": \"h" + i + ".example\", \"symptoms\": {\"network.rdp_port\": \"x\"}}"
                : "{\"host\": \"h" + i + ".example\", \"symptoms\": {\"client.error_code\": \"0x904\", "
                        + "\"network.rdp_port_state\": \"" + (i % 2 == 0 ? "closed" : "filtered") + "\"}}";
        return BatchInput.line("in-" + i, json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One slow input holds the window while the other workers fill it and wait for room. With one monitor for all,
     * the waiting workers kept waking each other and the writer starved: the run hung (seen in about one run in ten
     * of 3,000 inputs under load). Here every 400th input is slow, so the window fills behind it again and again.
     */
    @Test
    @Timeout(120)
    void workersWaitingBehindASlowInputDoNotStarveTheWriter() throws Exception {
        var files = BatchRunner.symptomFiles(doctor);
        java.util.function.Function<BatchInput, io.github.rdpdoctor.symptoms.SymptomSet> slowSometimes = in -> {
            if (Integer.parseInt(in.name().substring(3)) % 400 == 7) {
                try {
                    Thread.sleep(150);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return files.apply(in);
        };
        for (int round = 0; round < 10; round++) {
            List<BatchInput> inputs = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                inputs.add(doc(i));
            }
            StringWriter out = new StringWriter();
            BatchSummary s = new BatchRunner(doctor, 3, 1, false, slowSometimes).run(inputs.iterator(), out, n -> { });
            assertEquals(3_000, s.total());
            assertEquals(3_000, out.toString().split("\n").length);
        }
    }

    /** The summary a caller gets is a record of the run: its top causes cannot be changed, and keep their order. */
    @Test
    void summaryTopCausesAreUnmodifiableAndMostFrequentFirst() throws Exception {
        List<BatchInput> inputs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            inputs.add(doc(i));
        }
        BatchSummary s = new BatchRunner(doctor, 2).run(inputs.iterator(), new StringWriter(), x -> { });
        assertTrue(s.topCauses().size() >= 1, s.toString());
        assertThrows(UnsupportedOperationException.class, () -> s.topCauses().put("made-up", 1L));
        assertThrows(UnsupportedOperationException.class, () -> s.topCauses().clear());
        List<Long> counts = new ArrayList<>(s.topCauses().values());
        for (int i = 1; i < counts.size(); i++) {
            assertTrue(counts.get(i - 1) >= counts.get(i), counts.toString());
        }

        java.util.Map<String, Long> given = new java.util.LinkedHashMap<>();
        given.put("b", 5L);
        given.put("a", 2L);
        BatchSummary copy = new BatchSummary(7, 7, 0, 0, given, 1.0);
        given.put("c", 9L);
        assertEquals(List.of("b", "a"), List.copyOf(copy.topCauses().keySet()));
    }

    /** A stream's inputs are all named by position; resume compares what each kept line says with the document. */
    @Test
    @Timeout(60)
    void resumingAStreamChecksTheDocumentsNotOnlyTheirNames(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        List<BatchInput> inputs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            inputs.add(BatchInput.line("<stdin>:" + (i + 1), doc(i).content()));
        }
        java.nio.file.Path full = dir.resolve("full.jsonl");
        new BatchRunner(doctor, 2).runToFile(inputs.iterator(), full, false, n -> { });
        List<String> lines = java.nio.file.Files.readAllLines(full);
        java.nio.file.Path out = dir.resolve("out.jsonl");

        // the same stream: the kept 10 lines (ok and error lines) are accepted, the rest is added
        java.nio.file.Files.write(out, lines.subList(0, 10));
        BatchSummary same = new BatchRunner(doctor, 2).runToFile(inputs.iterator(), out, true, n -> { });
        assertEquals(10, same.resumed());
        assertEquals(lines, java.nio.file.Files.readAllLines(out));

        // another stream with the same number of lines (the first two documents swapped): refused, file untouched
        List<BatchInput> swapped = new ArrayList<>(inputs);
        swapped.set(0, BatchInput.line("<stdin>:1", doc(1).content()));
        swapped.set(1, BatchInput.line("<stdin>:2", doc(0).content()));
        java.nio.file.Files.write(out, lines.subList(0, 10));
        var e = assertThrows(io.github.rdpdoctor.engine.RdpDoctorException.class,
                () -> new BatchRunner(doctor, 2).runToFile(swapped.iterator(), out, true, n -> { }));
        assertEquals(out + ":1: is for host 'h0.example' but input <stdin>:1 is for host 'h1.example'; resume needs the same"
                + " inputs in the same order", e.getMessage());
        assertEquals(lines.subList(0, 10), java.nio.file.Files.readAllLines(out));

        // an error line kept for a document that is now valid (inputs 3 and 4 swapped: 3 is the broken one)
        List<BatchInput> other = new ArrayList<>(inputs);
        other.set(3, BatchInput.line("<stdin>:4", doc(4).content()));
        var e2 = assertThrows(io.github.rdpdoctor.engine.RdpDoctorException.class,
                () -> new BatchRunner(doctor, 2).runToFile(other.iterator(), out, true, n -> { }));
        assertTrue(e2.getMessage().startsWith(out + ":4: is an error line but input <stdin>:4 is now diagnosed"), e2.getMessage());
    }

    @Test
    @Timeout(60)
    void manyThreadsWithSmallWindowsKeepTheInputOrder() throws Exception {
        int n = 3_000;
        List<BatchInput> inputs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            inputs.add(doc(i));
        }
        StringWriter out = new StringWriter();
        List<Long> progress = new ArrayList<>();
        BatchSummary s = new BatchRunner(doctor, 3).run(inputs.iterator(), out, progress::add);
        String[] lines = out.toString().split("\n");
        assertEquals(n, lines.length);
        for (int i = 0; i < n; i++) {
            JsonNode line = JSON.readTree(lines[i]);
            assertEquals("in-" + i, line.get("file").asText());
            assertEquals(i % 7 == 3 ? "error" : "ok", line.get("status").asText(), lines[i]);
        }
        assertEquals(n, s.total());
        assertEquals(n / 7 + (n % 7 > 3 ? 1 : 0), s.rejected());
        assertEquals(n, progress.get(progress.size() - 1));
    }

    @Test
    @Timeout(60)
    void aFinishedLineIsWrittenWhileTheNextInputIsStillAwaited() throws Exception {
        // like `producer | rdp-doctor batch -`: the first document is there, the second is not yet
        CountDownLatch firstWritten = new CountDownLatch(1);
        Iterator<BatchInput> slowStream = new Iterator<>() {
            int given;

            @Override
            public boolean hasNext() {
                if (given == 1) {
                    try {
                        assertTrue(firstWritten.await(30, TimeUnit.SECONDS), "line 1 was not written while input 2 was awaited");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return given < 2;
            }

            @Override
            public BatchInput next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return doc(given++);
            }
        };
        Writer out = new StringWriter() {
            @Override
            public void flush() {
                if (toString().contains("\"in-0\"")) {
                    firstWritten.countDown();
                }
            }
        };
        BatchSummary s = new BatchRunner(doctor, 2).run(slowStream, out, x -> { });
        assertEquals(2, s.total());
        assertEquals(2, out.toString().split("\n").length);
    }

    @Test
    @Timeout(60)
    void anInputSourceThatFailsEndsTheRunWithItsError() {
        UncheckedIOException broken = new UncheckedIOException("reading standard input: connection reset", new java.io.IOException());
        Iterator<BatchInput> inputs = new Iterator<>() {
            int given;

            @Override
            public boolean hasNext() {
                if (given == 500) {
                    throw broken;
                }
                return true;
            }

            @Override
            public BatchInput next() {
                return doc(given++);
            }
        };
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> new BatchRunner(doctor, 2).run(inputs, new StringWriter(), x -> { }));
        assertSame(broken, e);
    }

    @Test
    @Timeout(60)
    void aReaderThatBreaksUnexpectedlyEndsTheRunWithItsError() {
        List<BatchInput> inputs = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            inputs.add(doc(i));
        }
        IllegalStateException bug = new IllegalStateException("reader bug");
        BatchRunner runner = new BatchRunner(doctor, 2, BatchRunner.DEFAULT_MAX_CAUSES, false, in -> {
            if (in.name().equals("in-250")) {
                throw bug;
            }
            return doctor.loader().parse(in.name(), in.content());
        });
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> runner.run(inputs.iterator(), new StringWriter(), x -> { }));
        assertSame(bug, e);
    }

    @Test
    @Timeout(60)
    void bytesAndCharactersCarryTheSameUtf8Lines() throws Exception {
        // names and values outside ASCII (a Cyrillic host, an accented file name, a CJK user) survive both sinks
        List<BatchInput> inputs = List.of(
                BatchInput.line("café-1.json", ("{\"host\": \"сервер-1.example\", \"symptoms\": {\"client.error_code\": \"0x904\", "
                        + "\"client.user\": \"用户\", \"network.rdp_port_state\": \"closed\"}}").getBytes(StandardCharsets.UTF_8)),
                BatchInput.line("café-2.json", "{\"host\": \"h2\", \"symptoms\": {\"network.rdp_port\": \"ü\"}}".getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter chars = new StringWriter();
        new BatchRunner(doctor, 2).run(inputs.iterator(), bytes, x -> { });
        new BatchRunner(doctor, 1).run(inputs.iterator(), chars, x -> { });
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(chars.toString(), text);
        String[] lines = text.split("\n");
        assertEquals(2, lines.length);
        JsonNode ok = JSON.readTree(lines[0]);
        assertEquals("café-1.json", ok.get("file").asText());
        assertEquals("сервер-1.example", ok.at("/diagnosis/host").asText());
        JsonNode bad = JSON.readTree(lines[1]);
        assertEquals("error", bad.get("status").asText());
        assertTrue(bad.at("/error/message").asText().contains("café-2.json"), lines[1]);
    }

    /** Inputs made as they are taken, counting how many were taken. */
    static final class Counted implements Iterator<BatchInput> {
        final int total;
        int taken;

        Counted(int total) {
            this.total = total;
        }

        @Override
        public boolean hasNext() {
            return taken < total;
        }

        @Override
        public BatchInput next() {
            return doc(taken++);
        }
    }

    /** A write that fails ends the run with its error at once: no summary of a run whose lines were lost. */
    @Test
    @Timeout(60)
    void aFailedWriteEndsTheRunPromptly() {
        Counted inputs = new Counted(200_000);
        IOException e = assertThrows(IOException.class,
                () -> new BatchRunner(doctor, 2).run(inputs, FullDisk.after(20_000), x -> { }));
        assertEquals("No space left on device", e.getMessage());
        assertTrue(inputs.taken < 5_000, "stopped after " + inputs.taken + " of 200,000 inputs");
    }

    /** A PrintWriter swallows write failures (only checkError tells): the run must not take that for success. */
    @Test
    @Timeout(60)
    void aPrintWriterThatFailedEndsTheRunToo() {
        Counted inputs = new Counted(200_000);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(FullDisk.after(20_000), StandardCharsets.UTF_8));
        IOException e = assertThrows(IOException.class, () -> new BatchRunner(doctor, 2).run(inputs, out, x -> { }));
        assertEquals("the writer reported an error", e.getMessage());
        assertTrue(inputs.taken < 5_000, "stopped after " + inputs.taken + " of 200,000 inputs");
    }
}
