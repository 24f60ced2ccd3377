package io.github.rdpdoctor.collectors.osquery;

import io.github.rdpdoctor.batch.BatchInput;
import io.github.rdpdoctor.symptoms.SymptomSet;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * osquery results as batch inputs: one input per host, named {@code osquery:<hostIdentifier>}, and one error
 * input per line or file that could not be read (named {@code FILE:LINE}), in the order of
 * {@link OsqueryIngest#items()}. The symptom sets are built when the batch asks for them (on its worker threads).
 */
public final class OsqueryBatchSource {
    /** Prefix of the batch input name of an osquery host. */
    public static final String PREFIX = "osquery:";

    private final OsqueryIngest ingest;
    private final Clock clock;
    private final Map<String, OsqueryHost> byName = new LinkedHashMap<>();
    private final List<BatchInput> inputs = new ArrayList<>();

    /**
     * Reads the files (results logs and osqueryi outputs) in the order given.
     *
     * @param osqueryiHost  host of osqueryi outputs, or null (file name convention)
     * @param osqueryiQuery query of osqueryi outputs, or null (file name convention)
     * @param clock         "now" for osqueryi outputs, which carry no collection time
     */
    public static OsqueryBatchSource read(List<Path> files, String osqueryiHost, String osqueryiQuery, Clock clock) {
        OsqueryIngest ingest = new OsqueryIngest(osqueryiHost, osqueryiQuery);
        files.forEach(ingest::read);
        return new OsqueryBatchSource(ingest, clock);
    }

    public OsqueryBatchSource(OsqueryIngest ingest, Clock clock) {
        this.ingest = ingest;
        this.clock = clock;
        for (OsqueryIngest.Item item : ingest.items()) {
            if (item instanceof OsqueryIngest.HostItem h) {
                String name = PREFIX + h.host().identifier();
                byName.put(name, h.host());
                inputs.add(new BatchInput(name, null, null, null));
            } else if (item instanceof OsqueryIngest.Broken b) {
                inputs.add(BatchInput.broken(b.name(), b.problem()));
            }
        }
    }

    public OsqueryIngest ingest() {
        return ingest;
    }

    /** The batch inputs, hosts and broken lines in order of first appearance. */
    public List<BatchInput> inputs() {
        return Collections.unmodifiableList(inputs);
    }

    /** True for the inputs this source made for a host. */
    public boolean owns(BatchInput in) {
        return in.path() == null && in.content() == null && in.problem() == null && byName.containsKey(in.name());
    }

    /** The symptom set of one host input. */
    public SymptomSet symptoms(BatchInput in) {
        OsqueryHost h = byName.get(in.name());
        if (h == null) {
            throw new IllegalArgumentException("not an osquery input: " + in.name());
        }
        return OsqueryMapper.toSymptomSet(h, clock.instant());
    }

    /** A batch reader: osquery hosts from this source, everything else with {@code others}. */
    public Function<BatchInput, SymptomSet> reader(Function<BatchInput, SymptomSet> others) {
        return in -> owns(in) ? symptoms(in) : others.apply(in);
    }
}
