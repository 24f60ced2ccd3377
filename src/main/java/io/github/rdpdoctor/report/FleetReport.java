package io.github.rdpdoctor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rdpdoctor.batch.BoundedLines;
import io.github.rdpdoctor.engine.RdpDoctorException;
import io.github.rdpdoctor.knowledge.Placeholders;
import io.github.rdpdoctor.symptoms.ReadProblem;
import io.github.rdpdoctor.symptoms.Utf16;
import io.github.rdpdoctor.symptoms.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The fleet picture from a batch result file (JSON Lines), read in one streaming pass with bounded memory:
 * counts, causes ranked by how many hosts have them as their top cause, the most confident hosts per cause,
 * and the rejected inputs.
 */
public final class FleetReport {
    /** Rows kept per cause and rejected rows kept; the counts are always complete. */
    public static final int MAX_ROWS = 200;

    /** A host whose top cause is a given cause. */
    public record HostRow(String host, String file, double confidence) {
    }

    /** A rejected input. */
    public record Rejected(String file, String message) {
    }

    /**
     * One cause across the fleet.
     *
     * @param firstStep    the text of the cause's first remediation step, with {@code PORT} filled in when
     *                     {@code port} is known ({@code HOST} stays: the step is for every host listed)
     * @param firstCommand its command, filled in the same way, or null
     * @param port         the RDP port of every host this is the top cause of (each result's {@code port}), or null when
     *                     they differ or a result does not say (written by an older version); then {@code PORT} stays
     */
    public record CauseStats(String id, String title, long topCount, long listedCount, String firstStep,
                             String firstCommand, List<HostRow> hosts, Integer port) {
        /** Holds an unmodifiable copy of {@code hosts}. */
        public CauseStats {
            hosts = List.copyOf(hosts);
        }

        /** Whether the first step still says {@code PORT}, which then stands for each host's own RDP port. */
        public boolean portPerHost() {
            return port == null && (Placeholders.hasPort(firstStep) || Placeholders.hasPort(firstCommand));
        }
    }

    private final Path source;
    private long total;
    private long ok;
    private long rejectedCount;
    private long noCause;
    private final List<String> unreadable = new ArrayList<>();
    private long unreadableCount;
    private final Map<String, Acc> causes = new LinkedHashMap<>();
    private final List<Rejected> rejected = new ArrayList<>();

    private static final class Acc {
        String title;
        long top;
        long listed;
        String step;
        String command;
        /** The RDP port of the hosts counted in {@code top}: 0 before the first, -1 when they differ or one is unknown. */
        int port;
        final PriorityQueue<HostRow> best = new PriorityQueue<>(Comparator.comparingDouble(HostRow::confidence));
    }

    private FleetReport(Path source) {
        this.source = source;
    }

    /**
     * Longest result line read (a diagnosis with every cause and step is far shorter); a longer one is listed as
     * unreadable without being held in memory: a file without line ends given by mistake (a disk image, a log).
     */
    public static final int MAX_LINE = io.github.rdpdoctor.batch.BatchRunner.MAX_LINE;

    /**
     * Reads a batch result file: UTF-8 (a byte order mark is fine) or UTF-16 (a batch run's standard output redirected
     * with Windows PowerShell 5.1's {@code >}). A line that is not a result (not JSON, not UTF-8 text, too long, blank)
     * is listed in {@link #unreadable()} with its line number; the other lines still count.
     */
    public static FleetReport read(Path jsonl) {
        FleetReport r = new FleetReport(jsonl);
        ObjectMapper mapper = new ObjectMapper();
        // the file's stream in a resource of its own: closed also when reading its first bytes fails (a directory)
        try (InputStream raw = Files.newInputStream(jsonl); InputStream in = Utf16.asUtf8(raw)) {
            BoundedLines lines = new BoundedLines(in, MAX_LINE);
            for (long n = 1; lines.next(); n++) {
                String where = jsonl + ":" + n;
                byte[] line = lines.line();
                if (line == null) {
                    r.unreadable(where + ": line is " + lines.length() + " bytes; the limit is " + MAX_LINE
                            + " (not a batch result line)");
                    continue;
                }
                int bom = n == 1 && line.length >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB
                        && line[2] == (byte) 0xBF ? 3 : 0; // Set-Content -Encoding UTF8, Notepad
                if (blank(line, bom)) {
                    r.unreadable(where + ": empty line");
                    continue;
                }
                JsonNode node;
                try {
                    node = mapper.readTree(line, bom, line.length - bom);
                } catch (IOException e) {
                    int bad = Utf8.firstInvalid(line);
                    r.unreadable(where + ": " + (bad >= 0 ? Utf8.notUtf8(line, bad)
                            : lines.ended() ? "not a JSON result line"
                            : "incomplete last line (no newline at its end): a batch run is still writing this file,"
                            + " or was killed; 'batch --resume' finishes it"));
                    continue;
                }
                r.add(node, where);
            }
        } catch (NoSuchFileException e) {
            throw new RdpDoctorException(jsonl + ": " + ReadProblem.missing(jsonl));
        } catch (IOException e) {
            throw new RdpDoctorException(jsonl + ": cannot read: " + ReadProblem.of(jsonl, e), e);
        }
        return r;
    }

    private static boolean blank(byte[] line, int from) {
        for (int i = from; i < line.length; i++) {
            if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r' && line[i] != '\f' && line[i] != 0x0B) {
                return false;
            }
        }
        return true;
    }

    /** Lists a line that is not a result; the first {@link #MAX_ROWS} are kept, all are counted. */
    private void unreadable(String problem) {
        unreadableCount++;
        if (unreadable.size() < MAX_ROWS) {
            unreadable.add(problem);
        }
    }

    private void add(JsonNode node, String where) {
        String status = node.path("status").asText("");
        String file = node.path("file").asText("?");
        if ("error".equals(status)) {
            total++;
            rejectedCount++;
            if (rejected.size() < MAX_ROWS) {
                rejected.add(new Rejected(file, node.path("error").path("message").asText("")));
            }
            return;
        }
        if (!"ok".equals(status) || !node.path("diagnosis").isObject()) {
            unreadable(where + ": not a batch result (no status ok/error)");
            return;
        }
        total++;
        ok++;
        JsonNode d = node.get("diagnosis");
        JsonNode list = d.path("causes");
        if (list.size() == 0) {
            noCause++;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode c = list.get(i);
            Acc acc = causes.computeIfAbsent(c.path("id").asText(), k -> new Acc());
            acc.title = c.path("title").asText(acc.title);
            acc.listed++;
            if (acc.step == null && c.path("remediation").size() > 0) {
                acc.step = c.path("remediation").get(0).path("text").asText(null);
                acc.command = c.path("remediation").get(0).path("command").asText(null);
            }
            if (i == 0) {
                acc.top++;
                int port = d.path("port").asInt(-1);
                acc.port = acc.port == 0 ? (Placeholders.isPort(port) ? port : -1) : acc.port == port ? port : -1;
                acc.best.add(new HostRow(d.path("host").asText("?"), file, c.path("confidence").asDouble()));
                if (acc.best.size() > MAX_ROWS) {
                    acc.best.poll();
                }
            }
        }
    }

    public Path source() {
        return source;
    }

    public long total() {
        return total;
    }

    public long ok() {
        return ok;
    }

    public long rejectedCount() {
        return rejectedCount;
    }

    /** Diagnosed inputs where no cause had supporting evidence. */
    public long noCause() {
        return noCause;
    }

    /** Lines of the result file that are not results (each named with its line): the first {@link #MAX_ROWS}. */
    public List<String> unreadable() {
        return List.copyOf(unreadable);
    }

    /** How many lines of the result file are not results (all of them; {@link #unreadable()} lists the first). */
    public long unreadableCount() {
        return unreadableCount;
    }

    public List<Rejected> rejected() {
        return List.copyOf(rejected);
    }

    /** Causes that are the top cause of at least one host, most frequent first; hosts most confident first. */
    public List<CauseStats> causes() {
        List<CauseStats> out = new ArrayList<>();
        causes.forEach((id, a) -> {
            if (a.top == 0) {
                return;
            }
            List<HostRow> hosts = new ArrayList<>(a.best);
            hosts.sort(Comparator.comparingDouble(HostRow::confidence).reversed().thenComparing(HostRow::host));
            int port = a.port > 0 ? a.port : 0; // 0: not a port, Placeholders.fill leaves PORT
            out.add(new CauseStats(id, a.title, a.top, a.listed, Placeholders.fill(a.step, null, port),
                    Placeholders.fill(a.command, null, port), hosts, port > 0 ? port : null));
        });
        out.sort(Comparator.comparingLong(CauseStats::topCount).reversed().thenComparing(CauseStats::id));
        return out;
    }
}
