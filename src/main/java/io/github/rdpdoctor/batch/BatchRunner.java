package io.github.rdpdoctor.batch;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.github.rdpdoctor.engine.Diagnosis;
import io.github.rdpdoctor.engine.RankedCause;
import io.github.rdpdoctor.engine.RdpDoctor;
import io.github.rdpdoctor.engine.RdpDoctorException;
import io.github.rdpdoctor.symptoms.SymptomFileException;
import io.github.rdpdoctor.symptoms.SymptomSet;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * Diagnoses many inputs with one {@link RdpDoctor} on several threads and writes one JSON line per input,
 * in input order:
 * <pre>
 * {"file": "...", "status": "ok", "diagnosis": {...}}
 * {"file": "...", "status": "error", "error": {"message": "...", "line": 3, "field": "symptoms.x"}}
 * </pre>
 * "line" is always there: 0 when the problem concerns the whole input (missing, unreadable, empty, too big).
 * At most {@code threads * 64} inputs are in flight, so memory stays flat however many inputs there are.
 * Lines are written and flushed in order as they complete (in groups, and no line waits more than about 20 ms once
 * the lines before it are written), so a killed run leaves a prefix of the final output (plus at most one partial
 * line) that {@link #resume} can continue.
 */
public final class BatchRunner {
    private final RdpDoctor doctor;
    private final Function<BatchInput, SymptomSet> reader;
    private final int threads;
    private final boolean fullRemediation;
    private final int maxCauses;
    private final ObjectWriter json = new ObjectMapper().writer();

    /**
     * Longest result line read back ({@code --resume}, the report): a line is far shorter (a document is at most
     * {@link io.github.rdpdoctor.symptoms.SymptomLoader#MAX_BYTES}), so a longer one is not a result, and is not held
     * in memory (a file without line ends given as the output).
     */
    public static final int MAX_LINE = 16 << 20;

    /** Causes written per line unless told otherwise. */
    public static final int DEFAULT_MAX_CAUSES = 5;

    /**
     * @param maxCauses       causes written per line, best first (0: all)
     * @param fullRemediation write every remediation step; by default only the first step of each cause
     *                        ({@code rdp-doctor kb show ID} has the rest)
     * @param reader          turns an input into facts (throws {@link RdpDoctorException} for bad input); null: the
     *                        doctor's symptom loader
     */
    public BatchRunner(RdpDoctor doctor, int threads, int maxCauses, boolean fullRemediation,
                       Function<BatchInput, SymptomSet> reader) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        if (maxCauses < 0) {
            throw new IllegalArgumentException("maxCauses must not be negative");
        }
        this.doctor = doctor;
        this.threads = threads;
        this.maxCauses = maxCauses;
        this.fullRemediation = fullRemediation;
        this.reader = reader != null ? reader : symptomFiles(doctor);
    }

    public BatchRunner(RdpDoctor doctor, int threads) {
        this(doctor, threads, DEFAULT_MAX_CAUSES, false, null);
    }

    /** The default reader: the input is a symptom file (or a line of one), read with the doctor's loader. */
    public static Function<BatchInput, SymptomSet> symptomFiles(RdpDoctor doctor) {
        return in -> load(doctor, in);
    }

    private static SymptomSet load(RdpDoctor doctor, BatchInput in) {
        return doctor.loader().parse(in.name(), in.read());
    }

    /**
     * Writes one line per input to {@code out} (not closed). {@code progress} gets the count of lines written. A failed
     * write ends the run with an IOException (also for a {@link PrintWriter}, which only reports it in checkError).
     */
    public BatchSummary run(Iterator<BatchInput> inputs, Writer out, LongConsumer progress) throws IOException {
        return run(inputs, Sink.of(out), progress, new Tally(), 0);
    }

    /** Writes one line per input, UTF-8, to {@code out} (not closed). {@code progress} gets the count of lines written. */
    public BatchSummary run(Iterator<BatchInput> inputs, OutputStream out, LongConsumer progress) throws IOException {
        return run(inputs, Sink.of(out), progress, new Tally(), 0);
    }

    /**
     * Runs into a file. With {@code resume}, an existing output is checked against the inputs (same files in the same
     * order), a partial last line from a killed run is cut off, and only the remaining inputs are processed.
     */
    public BatchSummary runToFile(Iterator<BatchInput> inputs, Path outFile, boolean resume, LongConsumer progress)
            throws IOException {
        try {
            return toFile(inputs, outFile, resume, progress);
        } catch (java.nio.file.FileSystemException e) {
            throw e; // names the file
        } catch (IOException e) {
            // a full disk, a device that refuses writes: "No space left on device" alone named no file
            throw new IOException(outFile + ": " + e.getMessage(), e);
        }
    }

    private BatchSummary toFile(Iterator<BatchInput> inputs, Path outFile, boolean resume, LongConsumer progress)
            throws IOException {
        Tally tally = new Tally();
        boolean exists = Files.exists(outFile);
        if (exists && !Files.isRegularFile(outFile)) {
            if (resume) {
                throw new RdpDoctorException(outFile + ": --resume continues an output file, and this is not a regular file");
            }
            // a pipe or device, opened like the shell's '>' (never deleted and replaced by a file)
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(outFile), 1 << 16)) {
                return run(inputs, Sink.of(os), progress, tally, 0);
            }
        }
        // a file (through a link too), locked while this run writes it: a second run on the same file, such as an
        // overlapping cron job, would mix its lines into this one's. All reading and writing goes through this one
        // channel, as closing another one on the same file would let the lock go.
        try (FileChannel ch = FileChannel.open(outFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            if (!lock(ch)) {
                throw new RdpDoctorException(outFile + ": another batch run is writing this file; let it finish, or give"
                        + " another --out");
            }
            long kept = 0;
            long keptBytes = 0;
            if (resume && exists) {
                long[] resumed = resume(inputs, ch, outFile, tally);
                kept = resumed[0];
                keptBytes = resumed[1]; // drops a partial last line left by a killed run
            }
            ch.truncate(keptBytes);
            ch.position(keptBytes);
            try (OutputStream os = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16)) {
                return run(inputs, Sink.of(os), progress, tally, kept);
            }
        }
    }

    /**
     * Takes the output's lock; false when another process, or another run in this one, holds it. A file system that
     * has no locks (some network file systems) lets the run go on unlocked, as it ran before there was a lock.
     */
    private static boolean lock(FileChannel ch) {
        try {
            return ch.tryLock() != null;
        } catch (OverlappingFileLockException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Where the lines go: a file or byte stream, or a character writer (an embedder's, a test's). */
    private interface Sink {
        void write(byte[] line) throws IOException;

        void flush() throws IOException;

        static Sink of(OutputStream out) {
            return new Sink() {
                @Override
                public void write(byte[] line) throws IOException {
                    out.write(line);
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }
            };
        }

        static Sink of(Writer out) {
            return new Sink() {
                @Override
                public void write(byte[] line) throws IOException {
                    out.write(new String(line, StandardCharsets.UTF_8));
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                    if (out instanceof PrintWriter p && p.checkError()) { // a PrintWriter keeps its failures to itself
                        throw new IOException("the writer reported an error");
                    }
                }
            };
        }
    }

    private BatchSummary run(Iterator<BatchInput> inputs, Sink out, LongConsumer progress, Tally tally, long resumed)
            throws IOException {
        long t0 = System.nanoTime();
        InOrder lines = new InOrder(threads * 64);
        Source source = new Source(inputs, lines);
        List<Thread> workers = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                try { // everything inside: an OutOfMemoryError even here ends the run with one line (Main), not a trace
                    ByteArrayBuilder buffer = new ByteArrayBuilder(8192);
                    for (Numbered n; (n = source.next()) != null && lines.awaitRoom(n.seq()); ) {
                        lines.put(n.seq(), process(n.input(), buffer));
                    }
                } catch (InterruptedException e) {
                    // the run stopped
                } catch (RuntimeException | Error e) {
                    lines.fail(e);
                }
            }, "rdp-doctor-batch");
            t.setDaemon(true);
            workers.add(t);
        }
        workers.forEach(Thread::start);
        long written = resumed;
        try {
            for (List<Line> ready; (ready = lines.takeReady()) != null; ) {
                for (Line line : ready) {
                    out.write(line.json);
                    tally.add(line.ok, line.topCause);
                }
                written += ready.size();
                out.flush();
                progress.accept(written);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            lines.stop();
            workers.forEach(Thread::interrupt);
        }
        return tally.summary(resumed, (System.nanoTime() - t0) / 1e9);
    }

    private record Numbered(long seq, BatchInput input) {
    }

    /**
     * The inputs, handed to the workers one at a time with their number. Its own lock, so a worker waiting for the
     * next line of a slow stdin does not keep the writer from the lines that are done.
     */
    private static final class Source {
        private final Iterator<BatchInput> inputs;
        private final InOrder lines;
        private long taken;

        Source(Iterator<BatchInput> inputs, InOrder lines) {
            this.inputs = inputs;
            this.lines = lines;
        }

        /** The next input, or null when there are no more or the run stopped. */
        synchronized Numbered next() {
            if (lines.stopped()) {
                return null;
            }
            if (!inputs.hasNext()) {
                lines.exhausted(taken);
                return null;
            }
            return new Numbered(taken++, inputs.next());
        }
    }

    /**
     * The lines of the inputs by number, handed to the writing thread in that order; at most {@code capacity} wait
     * at a time. Workers wake the writer only when half the window may be ready, for the lines after the last input
     * was taken, or when the window is full; otherwise the writer looks every {@link #MAX_DELAY_MS} ms. Waking a
     * thread for every line cost 12-16 % of a one-thread batch on a 2-core VM (a system call and an interrupt to the
     * other core each time). Workers and the writer wait on conditions of their own: workers waiting for room never
     * wake each other (when they did, with one monitor, they could keep it busy waking each other while the writer
     * starved: a batch stuck behind one slow input).
     */
    private static final class InOrder {
        static final long MAX_DELAY_MS = 20;
        private final Line[] slots;
        private final int batch;
        private final ReentrantLock lock = new ReentrantLock();
        /** Workers wait here for room in the window. */
        private final Condition room = lock.newCondition();
        /** The writer waits here for the next line. */
        private final Condition ready = lock.newCondition();
        private long next;
        private long total = -1;
        private volatile boolean stopped;
        private Throwable failure;

        InOrder(int capacity) {
            slots = new Line[capacity];
            batch = Math.max(1, capacity / 2);
        }

        private int slot(long seq) {
            return (int) (seq % slots.length);
        }

        /** Waits until input {@code seq} fits in the window; false when the run stopped. */
        boolean awaitRoom(long seq) throws InterruptedException {
            lock.lock();
            try {
                if (seq >= next + slots.length) {
                    ready.signal(); // the window is full of finished lines: the writer should take them now
                    while (seq >= next + slots.length && !stopped) {
                        room.await();
                    }
                }
                return !stopped;
            } finally {
                lock.unlock();
            }
        }

        void put(long seq, Line line) {
            lock.lock();
            try {
                slots[slot(seq)] = line;
                if (seq - next == batch - 1 || total >= 0) { // half a window may be ready, or this is the tail of the input
                    ready.signal();
                }
            } finally {
                lock.unlock();
            }
        }

        /** Every input has been taken; there are {@code count} in all. */
        void exhausted(long count) {
            lock.lock();
            try {
                total = count;
                ready.signal();
            } finally {
                lock.unlock();
            }
        }

        void fail(Throwable e) {
            lock.lock();
            try {
                if (failure == null) {
                    failure = e;
                }
                stop();
            } finally {
                lock.unlock();
            }
        }

        void stop() {
            lock.lock();
            try {
                stopped = true;
                ready.signalAll();
                room.signalAll();
            } finally {
                lock.unlock();
            }
        }

        boolean stopped() {
            return stopped;
        }

        /** The next lines in order, as many as are ready (at least one); null when all have been handed out. */
        List<Line> takeReady() throws InterruptedException {
            lock.lock();
            try {
                while (failure == null && next != total && slots[slot(next)] == null) {
                    ready.await(MAX_DELAY_MS, TimeUnit.MILLISECONDS);
                }
                if (failure instanceof RuntimeException e) {
                    throw e;
                }
                if (failure instanceof Error e) {
                    throw e;
                }
                if (next == total) {
                    return null;
                }
                List<Line> ready = new ArrayList<>();
                for (int i = slot(next); slots[i] != null; i = slot(next)) {
                    ready.add(slots[i]);
                    slots[i] = null;
                    next++;
                }
                room.signalAll(); // room for workers waiting for it
                return ready;
            } finally {
                lock.unlock();
            }
        }
    }

    private record Line(byte[] json, String topCause, boolean ok) {
    }

    /**
     * Never throws for bad input: every input becomes an ok line or an error line. The line is written as UTF-8 into
     * the worker's {@code buffer} and copied out (half the cost of writing characters and encoding them later).
     */
    private Line process(BatchInput in, ByteArrayBuilder buffer) {
        buffer.reset();
        try (JsonGenerator g = json.getFactory().createGenerator(buffer, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("file", in.name());
            try {
                if (in.problem() != null) {
                    throw new SymptomFileException(in.name(), 0, "", in.problem());
                }
                Diagnosis d = trim(doctor.diagnose(reader.apply(in)));
                g.writeStringField("status", "ok");
                g.writeFieldName("diagnosis");
                json.writeValue(g, d);
                g.writeEndObject();
                g.writeRaw('\n');
                g.flush();
                return new Line(buffer.toByteArray(), d.top().map(RankedCause::id).orElse(null), true);
            } catch (RdpDoctorException | UncheckedIOException e) {
                g.writeStringField("status", "error");
                g.writeObjectFieldStart("error");
                if (e instanceof SymptomFileException sfe) {
                    g.writeStringField("message", sfe.getMessage());
                    g.writeNumberField("line", sfe.line());
                    if (!sfe.field().isEmpty()) {
                        g.writeStringField("field", sfe.field());
                    }
                } else {
                    g.writeStringField("message", in.name() + ": " + e.getMessage());
                    g.writeNumberField("line", 0);
                }
                g.writeEndObject();
                g.writeEndObject();
                g.writeRaw('\n');
                g.flush();
                return new Line(buffer.toByteArray(), null, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps the best {@code maxCauses} causes and, unless full remediation is asked for, the first step of each. */
    private Diagnosis trim(Diagnosis d) {
        List<RankedCause> causes = maxCauses > 0 && d.causes().size() > maxCauses ? d.causes().subList(0, maxCauses) : d.causes();
        if (!fullRemediation) {
            causes = causes.stream().map(c -> c.remediation().size() <= 1 ? c
                    : new RankedCause(c.id(), c.title(), c.confidence(), c.evidence(), c.remediation().subList(0, 1), c.sources()))
                    .toList();
        }
        return causes == d.causes() ? d : new Diagnosis(d.host(), d.port(), d.source(), causes, d.warnings());
    }

    /**
     * Checks the existing output against the inputs, line by line, consuming the inputs it covers; cuts off a partial
     * last line. Returns the number of lines kept.
     */
    /** Checks the kept lines of {@code out} (read through its locked channel) against the inputs: {kept lines, their bytes}. */
    private long[] resume(Iterator<BatchInput> inputs, FileChannel out, Path outFile, Tally tally) throws IOException {
        long keptBytes = 0;
        long kept = 0;
        ObjectMapper mapper = new ObjectMapper();
        // not closed: closing the stream would close the channel
        InputStream is = new BufferedInputStream(Channels.newInputStream(out.position(0)), 1 << 16);
        ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
        int c;
        while ((c = is.read()) != -1) {
            if (c != '\n') {
                if (line.size() >= MAX_LINE) {
                    throw new RdpDoctorException(outFile + ":" + (kept + 1) + ": not a result line of a batch run (longer"
                            + " than " + MAX_LINE + " bytes); resume continues only an output it wrote");
                }
                line.write(c);
                continue;
            }
            String[] fields = parseLine(mapper, line.toByteArray());
            if (fields == null) {
                // a killed run leaves at most a partial last line, without its newline (cut off below); a whole
                // line that is not a result means the file is not (only) this batch's output
                throw new RdpDoctorException(outFile + ":" + (kept + 1) + ": not a result line of a batch run; resume"
                        + " continues only an output it wrote (a killed run leaves at most a partial last line)");
            }
            if (!inputs.hasNext()) {
                throw new RdpDoctorException(outFile + ": has more lines than there are inputs; it is not the output of these inputs");
            }
            BatchInput in = inputs.next();
            if (!in.name().equals(fields[0])) {
                throw new RdpDoctorException(outFile + ":" + (kept + 1) + ": is for '" + fields[0] + "' but input "
                        + (kept + 1) + " is '" + in.name() + "'; resume needs the same inputs in the same order");
            }
            if (in.content() != null) {
                // a stream's names (<stdin>:N) say nothing about its documents: compare what they hold
                String differs = differs(in, fields);
                if (differs != null) {
                    throw new RdpDoctorException(outFile + ":" + (kept + 1) + ": " + differs
                            + "; resume needs the same inputs in the same order");
                }
            }
            tally.add("ok".equals(fields[1]), fields[2]);
            kept++;
            keptBytes += line.size() + 1;
            line.reset();
        }
        return new long[] {kept, keptBytes};
    }

    /**
     * Whether a kept line is not the result of this input read again: an ok line must be for the same host, an error
     * line must have the same message. Null when they agree.
     */
    private String differs(BatchInput in, String[] kept) {
        boolean keptOk = "ok".equals(kept[1]);
        String now;
        try {
            SymptomSet facts = reader.apply(in);
            if (keptOk) {
                return facts.host().equals(kept[3]) ? null
                        : "is for host '" + kept[3] + "' but input " + in.name() + " is for host '" + facts.host() + "'";
            }
            doctor.diagnose(facts); // the kept error may have come from a rule
            return "is an error line but input " + in.name() + " is now diagnosed (host '" + facts.host() + "')";
        } catch (SymptomFileException e) {
            now = e.getMessage();
        } catch (RdpDoctorException | UncheckedIOException e) {
            now = in.name() + ": " + e.getMessage();
        }
        if (keptOk) {
            return "is for host '" + kept[3] + "' but input " + in.name() + " is now rejected: " + now;
        }
        return now.equals(kept[4]) ? null : "reports \"" + kept[4] + "\" but input " + in.name() + " now gives \"" + now + "\"";
    }

    /**
     * file, status, top cause id, host and error message (each null when absent) of an output line; null when the
     * line is not a complete result.
     */
    private static String[] parseLine(ObjectMapper mapper, byte[] line) {
        try {
            var node = mapper.readTree(line);
            if (node == null || !node.hasNonNull("file") || !node.hasNonNull("status")) {
                return null;
            }
            var causes = node.path("diagnosis").path("causes");
            String top = causes.isArray() && causes.size() > 0 ? causes.get(0).path("id").asText() : null;
            var host = node.path("diagnosis").path("host");
            var message = node.path("error").path("message");
            return new String[] {node.get("file").asText(), node.get("status").asText(), top,
                    host.isTextual() ? host.asText() : null, message.isTextual() ? message.asText() : null};
        } catch (IOException e) {
            return null;
        }
    }

    /** Counts for the summary. Used from the writing thread only. */
    private static final class Tally {
        long ok;
        long rejected;
        final Map<String, Long> top = new LinkedHashMap<>();

        void add(boolean isOk, String topCause) {
            if (isOk) {
                ok++;
                if (topCause != null) {
                    top.merge(topCause, 1L, Long::sum);
                }
            } else {
                rejected++;
            }
        }

        BatchSummary summary(long resumed, double seconds) {
            Map<String, Long> sorted = new LinkedHashMap<>();
            top.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            return new BatchSummary(ok + rejected, ok, rejected, resumed, sorted, seconds);
        }
    }
}
