package io.github.rdpdoctor.collectors;

import io.github.rdpdoctor.symptoms.HexCode;
import io.github.rdpdoctor.symptoms.Symptom;
import io.github.rdpdoctor.symptoms.SymptomFileException;
import io.github.rdpdoctor.symptoms.SymptomLoader;
import io.github.rdpdoctor.symptoms.SymptomSet;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The symptom-file loader as a collector: reads the contract file named by the target option
 * {@value #OPTION} (YAML or JSON, {@code rdp-symptoms/v1}) and hands on its symptoms, events and sessions,
 * e.g. host-side facts collected earlier, so that one run combines them with live probes.
 *
 * <p>It runs first ({@link #order()} {@value #ORDER}); collectors that run later and observe the same name
 * replace the file's value (a live observation is newer than the file). A file that cannot be read or does not
 * follow the contract becomes a warning, as does a file written for another host; the loader's own warnings
 * (unknown names, ignored fields) are passed on.
 */
public final class SymptomFileCollector implements SymptomCollector {
    /** Target option holding the path of the symptom file. */
    public static final String OPTION = "symptom-file";
    static final int ORDER = 50;

    private final SymptomLoader loader;

    /** Reads files with the bundled vocabulary (the ServiceLoader constructor). */
    public SymptomFileCollector() {
        this(new SymptomLoader());
    }

    public SymptomFileCollector(SymptomLoader loader) {
        this.loader = loader;
    }

    @Override
    public String name() {
        return "symptom-file";
    }

    @Override
    public Set<String> produces() {
        return Set.of("*");
    }

    @Override
    public int order() {
        return ORDER;
    }

    /** Applies when the target names a symptom file. */
    @Override
    public boolean appliesTo(CollectionTarget target, Map<String, Object> soFar) {
        return target.option(OPTION).isPresent();
    }

    @Override
    public CollectorResult collect(CollectionContext context) {
        String file = context.target().option(OPTION).orElseThrow();
        SymptomSet set;
        try {
            set = loader.load(Path.of(file));
        } catch (SymptomFileException e) {
            return CollectorResult.warning(e.getMessage());
        } catch (InvalidPathException e) {
            return CollectorResult.warning("'" + file + "' is not a file path: " + e.getMessage());
        }
        CollectorResult.Builder out = CollectorResult.builder();
        CollectionTarget target = context.target();
        if (!set.host().equalsIgnoreCase(target.host()) && !set.host().equalsIgnoreCase(target.display())) {
            out.warn(file + " describes host '" + set.host() + "', not '" + target.display() + "'; its facts are used anyway");
        }
        for (Symptom s : set.symptoms()) {
            Object v = s.getValue();
            out.put(s.getName(), v instanceof HexCode h ? h.toString() : v);
        }
        set.events().forEach(out::event);
        set.sessions().forEach(out::session);
        set.warnings().forEach(out::warn);
        return out.build();
    }
}
