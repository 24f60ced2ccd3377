package io.github.rdpdoctor.collectors.osquery;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the results logs say about one osquery host: for each rdp-doctor query the rows as they stand
 * after replaying the log (a snapshot replaces the rows, "added"/"removed" change them), the queries that
 * were seen at all (an empty snapshot still says "nothing there"), the newest collection time, and
 * warnings about lines of this host that could not be used. Built by {@link OsqueryIngest}; not thread-safe
 * while it is being built.
 */
public final class OsqueryHost {
    private final String identifier;
    private final Map<String, List<JsonNode>> rows = new LinkedHashMap<>();
    private final Map<String, String> lastBatch = new LinkedHashMap<>();
    private final Set<String> seen = new LinkedHashSet<>();
    private final List<String> warnings = new ArrayList<>();
    private Instant collectedAt;

    OsqueryHost(String identifier) {
        this.identifier = identifier;
    }

    /** The hostIdentifier of the results log (the host name unless osqueryd runs with --host_identifier). */
    public String identifier() {
        return identifier;
    }

    /** The rows of one rdp-doctor query (name without pack prefix), empty when none. */
    public List<JsonNode> rows(String query) {
        return Collections.unmodifiableList(rows.getOrDefault(query, List.of()));
    }

    /** Whether the query's results appeared for this host (possibly with no rows). */
    public boolean saw(String query) {
        return seen.contains(query);
    }

    public Set<String> queriesSeen() {
        return Collections.unmodifiableSet(seen);
    }

    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** The newest unixTime of this host's lines, or null when no line had one. */
    public Instant collectedAt() {
        return collectedAt;
    }

    void warn(String warning) {
        if (warnings.size() < 50 && !warnings.contains(warning)) {
            warnings.add(warning);
        } else if (warnings.size() == 50) {
            warnings.add("... further problems with this host's lines left out");
        }
    }

    void time(Instant t) {
        if (t != null && (collectedAt == null || t.isAfter(collectedAt))) {
            collectedAt = t;
        }
    }

    void snapshot(String query, List<JsonNode> snapshotRows) {
        seen.add(query);
        rows.put(query, new ArrayList<>(snapshotRows));
    }

    /**
     * Starts a differential batch: a counter of 0 marks the first run of an epoch (all rows "added"), so the
     * rows from before are dropped once, when that run's first line arrives.
     */
    void differential(String query, String batchKey, boolean firstRunOfEpoch) {
        seen.add(query);
        String previous = lastBatch.put(query, batchKey);
        if (firstRunOfEpoch && !batchKey.equals(previous)) {
            rows.put(query, new ArrayList<>());
        }
    }

    void added(String query, JsonNode row) {
        seen.add(query);
        rows.computeIfAbsent(query, q -> new ArrayList<>()).add(row);
    }

    void removed(String query, JsonNode row) {
        seen.add(query);
        List<JsonNode> list = rows.get(query);
        if (list != null) {
            list.remove(row);
        }
    }
}
