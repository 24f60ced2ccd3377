package io.github.rdpdoctor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rdpdoctor.engine.RdpDoctorException;
import io.github.rdpdoctor.knowledge.Placeholders;
import io.github.rdpdoctor.symptoms.ReadProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    /** Reads a batch result file. */
    public static FleetReport read(Path jsonl) {
        FleetReport r = new FleetReport(jsonl);
        ObjectMapper mapper = new ObjectMapper();
        try (BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            int badLast = -1;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    r.unreadable.add(jsonl + ":" + n + ": empty line");
                    continue;
                }
                JsonNode node;
                try {
                    node = mapper.readTree(line);
                } catch (IOException e) {
                    r.unreadable.add(jsonl + ":" + n + ": not a JSON result line");
                    badLast = n;
                    continue;
                }
                r.add(node, jsonl + ":" + n);
            }
            if (badLast == n && n > 0 && !endsWithNewline(jsonl)) {
                r.unreadable.set(r.unreadable.size() - 1, jsonl + ":" + n + ": incomplete last line (no newline at its end):"
                        + " a batch run is still writing this file, or was killed; 'batch --resume' finishes it");
            }
        } catch (NoSuchFileException e) {
            throw new RdpDoctorException(jsonl + ": " + ReadProblem.missing(jsonl));
        } catch (IOException e) {
            throw new RdpDoctorException(jsonl + ": cannot read: " + ReadProblem.of(jsonl, e), e);
        }
        return r;
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(file)) {
            long size = ch.size();
            if (size == 0) {
                return true;
            }
            java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
            ch.position(size - 1).read(last);
            return last.get(0) == '\n';
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
            unreadable.add(where + ": not a batch result (no status ok/error)");
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

    /** Lines of the result file that are not results (each named with its line). */
    public List<String> unreadable() {
        return List.copyOf(unreadable);
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
