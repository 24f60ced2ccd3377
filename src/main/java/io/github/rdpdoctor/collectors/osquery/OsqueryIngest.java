package io.github.rdpdoctor.collectors.osquery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.rdpdoctor.batch.BoundedLines;
import io.github.rdpdoctor.symptoms.ReadProblem;
import io.github.rdpdoctor.symptoms.Utf16;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads osquery results and groups the rows of the rdp-doctor pack's queries per host.
 *
 * <p>Two kinds of input:
 * <ul>
 *   <li>osqueryd's JSON results log (filesystem logger; one JSON object per line): snapshot lines
 *       {@code {"snapshot":[rows],"action":"snapshot","name":..,"hostIdentifier":..,"unixTime":..}},
 *       differential event lines {@code {"name":..,"hostIdentifier":..,"action":"added"|"removed","columns":{..}}}
 *       and batched differential lines {@code {"name":..,"hostIdentifier":..,"diffResults":{"added":[..],"removed":[..]}}}.
 *       The host is {@code hostIdentifier} (older logs: {@code hostname}); the query is {@code name} with the
 *       pack prefix ({@code pack_<pack>_}) removed. Lines are replayed in file order: a snapshot replaces the
 *       query's rows, added/removed change them, the first run of an epoch (counter 0) starts afresh.
 *       Lines of other queries are counted and skipped; a host that has only such lines becomes a {@link Broken}
 *       item saying so (never left out silently).</li>
 *   <li>{@code osqueryi --json} output: a JSON array of rows of one query on one host. The host and query come
 *       from {@link #OsqueryIngest(String, String) the --osquery-host / --osquery-query options} or else from
 *       the file name {@code HOST__QUERY.json} (e.g. {@code web01.corp.example__rdp_services.json}).</li>
 * </ul>
 * A file is told apart by its first character: {@code [} is osqueryi output, anything else a results log.
 *
 * <p>Hosts come out in the order of their first line (over all inputs in the order given), so a run is
 * deterministic and a log that only grew keeps the order of the hosts it had. A line that is not JSON,
 * or has no host, becomes a {@link Broken} item at its place in that order; a line of a known host with a
 * wrong shape becomes a warning of that host.
 */
public final class OsqueryIngest {
    /**
     * Longest results-log line read, in bytes (osquery splits nothing; a huge snapshot is one line). A longer line is
     * an error item and is not held in memory (a file without line ends given by mistake).
     */
    public static final int MAX_LINE = 64 << 20;

    private static final Pattern FILE_NAME = Pattern.compile("^(.+?)__([A-Za-z0-9_.-]+?)(?:\\.json|\\.txt)?$");

    private final ObjectMapper mapper = JsonMapper.builder().build();
    private final String osqueryiHost;
    private final String osqueryiQuery;
    private final Map<String, OsqueryHost> hosts = new LinkedHashMap<>();
    private final List<Item> items = new ArrayList<>();
    private final Map<String, Long> ignoredQueries = new TreeMap<>();
    /** Hosts seen only in lines of other queries: their place in {@link #items}. */
    private final Map<String, Integer> withoutPackRows = new LinkedHashMap<>();
    private final Map<String, java.util.Set<String>> otherNames = new LinkedHashMap<>();

    /** One entry in the output order: a host, or a line / file that could not be read. */
    public sealed interface Item permits HostItem, Broken {
    }

    public record HostItem(OsqueryHost host) implements Item {
    }

    /**
     * @param name    {@code FILE:LINE} or {@code FILE}
     * @param problem what is wrong
     */
    public record Broken(String name, String problem) implements Item {
    }

    /** An ingest that names osqueryi outputs by their file names. */
    public OsqueryIngest() {
        this(null, null);
    }

    /**
     * @param osqueryiHost  host of every osqueryi output read (null: from the file name)
     * @param osqueryiQuery query of every osqueryi output read (null: from the file name)
     */
    public OsqueryIngest(String osqueryiHost, String osqueryiQuery) {
        this.osqueryiHost = blankToNull(osqueryiHost);
        this.osqueryiQuery = blankToNull(osqueryiQuery);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_LINE).build());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Hosts and broken lines, in order of first appearance. */
    public List<Item> items() {
        return Collections.unmodifiableList(items);
    }

    public List<OsqueryHost> hosts() {
        return List.copyOf(hosts.values());
    }

    /** Rows skipped because their query is not one of the rdp-doctor pack, by query name. */
    public Map<String, Long> ignoredQueries() {
        return Collections.unmodifiableMap(ignoredQueries);
    }

    /**
     * Reads one file (results log or osqueryi output); an unreadable file becomes a {@link Broken} item. UTF-16 (an
     * osqueryi output redirected with Windows PowerShell 5.1's {@code >}) is read as its text.
     */
    public OsqueryIngest read(Path file) {
        // the file's stream in a resource of its own: closed also when reading its first bytes fails (a directory)
        try (InputStream raw = Files.newInputStream(file); InputStream text = Utf16.asUtf8(raw)) {
            read(file.toString(), file.getFileName() == null ? "" : file.getFileName().toString(), text);
        } catch (NoSuchFileException e) {
            items.add(new Broken(file.toString(), ReadProblem.missing(file)));
        } catch (IOException e) {
            items.add(new Broken(file.toString(), "cannot read: " + ReadProblem.of(file, e)));
        }
        return this;
    }

    /**
     * Reads one input.
     *
     * @param name     shown in problems (a path)
     * @param fileName the file's own name, for the osqueryi naming convention
     */
    public OsqueryIngest read(String name, String fileName, InputStream in) throws IOException {
        PushbackInputStream p = new PushbackInputStream(in, 8);
        int first;
        do {
            first = p.read();
        } while (first == ' ' || first == '\t' || first == '\r' || first == '\n' || first == 0xEF || first == 0xBB || first == 0xBF);
        if (first < 0) {
            items.add(new Broken(name, "empty file: expected an osqueryd results log or osqueryi --json output"));
            return this;
        }
        p.unread(first);
        if (first == '[') {
            readOsqueryi(name, fileName, p);
        } else {
            readResultsLog(name, p);
        }
        return this;
    }

    private void readOsqueryi(String name, String fileName, InputStream in) throws IOException {
        String host = osqueryiHost;
        String query = osqueryiQuery;
        Matcher m = FILE_NAME.matcher(fileName);
        if ((host == null || query == null) && m.matches()) {
            host = host != null ? host : m.group(1);
            query = query != null ? query : m.group(2);
        }
        if (host == null || query == null) {
            items.add(new Broken(name, "osqueryi output names no host and query: name the file HOST__QUERY.json "
                    + "(e.g. web01__rdp_services.json) or give --osquery-host and --osquery-query"));
            return;
        }
        JsonNode root;
        try {
            root = mapper.readTree(in);
        } catch (JsonProcessingException e) {
            items.add(new Broken(name, "malformed osqueryi JSON at line " + e.getLocation().getLineNr() + ": "
                    + problem(e)));
            return;
        }
        String known = OsqueryQueries.resolve(query);
        if (known == null) {
            items.add(new Broken(name, "query '" + query + "' is not one of the rdp-doctor pack ("
                    + String.join(", ", OsqueryQueries.NAMES) + ")"));
            return;
        }
        OsqueryHost h = host(host);
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode r : root) {
            if (r.isObject()) {
                rows.add(r);
            } else {
                h.warn(name + ": a row that is not an object was skipped");
            }
        }
        h.snapshot(known, rows);
    }

    private void readResultsLog(String name, InputStream in) throws IOException {
        BoundedLines lines = new BoundedLines(in, MAX_LINE);
        int first = items.size();
        long lineNo = 0;
        long read = 0;
        while (lines.next()) {
            lineNo++;
            byte[] bytes = lines.line();
            String where = name + ":" + lineNo;
            if (bytes == null) {
                items.add(new Broken(where, "line is " + lines.length() + " bytes; the limit is " + MAX_LINE));
                continue;
            }
            String line = new String(bytes, StandardCharsets.UTF_8); // as osqueryd wrote it; a stray byte stays one character
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = mapper.readTree(line);
            } catch (JsonProcessingException e) {
                items.add(new Broken(where, "malformed results log line (not JSON: " + problem(e) + ")"));
                continue;
            }
            if (node == null || !node.isObject()) {
                items.add(new Broken(where, "malformed results log line (not a JSON object)"));
                continue;
            }
            if (line(where, node)) {
                read++;
            }
        }
        if (read == 0 && items.size() - first > 1) {
            // not a results log at all (a symptom file, batch output): one error for the file, not one per line
            Broken one = (Broken) items.get(first);
            items.subList(first, items.size()).clear();
            items.add(new Broken(name, "no line is an osqueryd results log line (" + lineNo + " lines; line "
                    + one.name().substring(name.length() + 1) + ": " + one.problem() + "); symptom files (YAML or JSON)"
                    + " are given to batch as PATHs, without --osquery, and batch results to 'rdp-doctor report'"));
        }
    }

    /** Jackson's message without its location clause, which says only that the source is not shown. */
    private static String problem(JsonProcessingException e) {
        String m = e.getOriginalMessage().split("\n")[0];
        int at = m.indexOf(" (start marker at [Source:");
        return at >= 0 ? m.substring(0, at) : m;
    }

    /** Replays one line; false when it names no host (then it is an error item). */
    private boolean line(String where, JsonNode node) {
        String hostId = text(node.get("hostIdentifier"));
        if (hostId == null) {
            hostId = text(node.get("hostname"));
        }
        if (hostId == null) {
            hostId = text(node.path("decorations").get("hostname"));
        }
        if (hostId == null) {
            items.add(new Broken(where, "results log line without hostIdentifier"));
            return false;
        }
        String name = text(node.get("name"));
        OsqueryHost known = hosts.get(hostId);
        if (name == null) {
            host(hostId).warn(where + ": line without a query name skipped");
            return true;
        }
        String query = OsqueryQueries.resolve(name);
        if (query == null) {
            ignoredQueries.merge(name, 1L, Long::sum);
            if (known == null) {
                otherQueriesOnly(hostId, name);
            }
            return true;
        }
        OsqueryHost h = known != null ? known : host(hostId);
        h.time(unixTime(node.get("unixTime")));
        String action = text(node.get("action"));
        if (node.has("snapshot") || "snapshot".equals(action)) {
            JsonNode snap = node.get("snapshot");
            if (snap == null || !snap.isArray()) {
                h.warn(where + ": snapshot of " + query + " is not a list; line skipped");
                return true;
            }
            h.snapshot(query, objects(snap, h, where));
            return true;
        }
        long counter = number(node.get("counter"));
        String batch = text(node.get("epoch")) + "/" + counter + "/" + text(node.get("unixTime"));
        if (node.has("diffResults")) {
            JsonNode diff = node.get("diffResults");
            if (!diff.isObject()) {
                h.warn(where + ": diffResults of " + query + " is not an object; line skipped");
                return true;
            }
            h.differential(query, batch, counter == 0);
            objects(diff.path("removed"), h, where).forEach(row -> h.removed(query, row));
            objects(diff.path("added"), h, where).forEach(row -> h.added(query, row));
            return true;
        }
        JsonNode columns = node.get("columns");
        if (columns == null || !columns.isObject()) {
            h.warn(where + ": " + query + " line has neither snapshot, columns nor diffResults; skipped");
            return true;
        }
        if ("added".equals(action)) {
            h.differential(query, batch, counter == 0);
            h.added(query, columns);
        } else if ("removed".equals(action)) {
            h.differential(query, batch, counter == 0);
            h.removed(query, columns);
        } else {
            h.warn(where + ": unknown action '" + action + "' for " + query + "; line skipped");
        }
        return true;
    }

    private List<JsonNode> objects(JsonNode array, OsqueryHost h, String where) {
        List<JsonNode> out = new ArrayList<>();
        if (array == null || array.isMissingNode() || array.isNull()) {
            return out;
        }
        if (!array.isArray()) {
            h.warn(where + ": rows are not a list; skipped");
            return out;
        }
        for (JsonNode r : array) {
            if (r.isObject()) {
                out.add(r);
            } else {
                h.warn(where + ": a row that is not an object was skipped");
            }
        }
        return out;
    }

    private OsqueryHost host(String id) {
        return hosts.computeIfAbsent(id, k -> {
            OsqueryHost h = new OsqueryHost(k);
            Integer place = withoutPackRows.remove(k);
            if (place != null) {
                items.set(place, new HostItem(h)); // its first lines were of other queries: keep its place
            } else {
                items.add(new HostItem(h));
            }
            return h;
        });
    }

    /**
     * A host seen so far only in lines of other queries: an error item at its place (replaced by the host once a line
     * of the pack comes), so no host in the input is left out without a word.
     */
    private void otherQueriesOnly(String hostId, String query) {
        Integer place = withoutPackRows.get(hostId);
        java.util.Set<String> names = otherNames.computeIfAbsent(hostId, k -> new java.util.LinkedHashSet<>());
        names.add(query);
        Broken b = new Broken(OsqueryBatchSource.PREFIX + hostId, "no results of the rdp-doctor pack's queries for this"
                + " host, only of " + String.join(", ", names.stream().limit(3).toList()) + (names.size() > 3 ? ", ..." : "")
                + " (is kb/osquery/rdp-doctor.conf in its osquery configuration?)");
        if (place == null) {
            withoutPackRows.put(hostId, items.size());
            items.add(b);
        } else {
            items.set(place, b);
        }
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull() || !n.isValueNode()) {
            return null;
        }
        String s = n.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static long number(JsonNode n) {
        String t = text(n);
        if (t == null) {
            return -1;
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Instant unixTime(JsonNode n) {
        long t = number(n);
        return t > 0 ? Instant.ofEpochSecond(t) : null;
    }
}
