package io.github.rdpdoctor.collectors;

import java.util.Map;
import java.util.Set;

/**
 * A source of symptom facts, found with {@link java.util.ServiceLoader}.
 *
 * <p>Register an implementation in
 * {@code META-INF/services/io.github.rdpdoctor.collectors.SymptomCollector}; it needs a public
 * no-argument constructor. A {@link CollectorRunner} calls the collectors in ascending
 * {@link #order()} (then by {@link #name()}), each with a timeout, and passes each one the facts
 * collected so far, so a collector can build on earlier ones (the TLS probe runs only after the
 * RDP negotiation selected TLS).
 *
 * <p>Implementations must be thread-safe or stateless: one instance serves concurrent
 * collections. A collector that throws, or does not finish in time, adds a warning naming it;
 * it never aborts the collection.
 */
public interface SymptomCollector {

    /** Short stable name, used in warnings and reports, e.g. {@code "rdp-negotiation"}. */
    String name();

    /**
     * Symptom names this collector can produce. {@code "*"} means "any name" (e.g. a collector
     * that reads a symptom file). A produced name that is not declared is kept, with a warning.
     */
    Set<String> produces();

    /** Position in the run: lower runs earlier. Network probes use 100..500. */
    default int order() {
        return 1000;
    }

    /**
     * Whether this collector has anything to do for the target, given the facts so far.
     * A collector that does not apply is skipped without a warning.
     *
     * @param target    what is being diagnosed
     * @param soFar     symptoms collected by the collectors that ran before (unmodifiable)
     */
    default boolean appliesTo(CollectionTarget target, Map<String, Object> soFar) {
        return true;
    }

    /**
     * Collects symptoms. May block on I/O; must honour {@link CollectionContext#ioTimeout()} and
     * should register sockets with {@link CollectionContext#closeOnTimeout} so that the runner can
     * unblock it when the collector's time is up.
     *
     * @return symptoms (values: Boolean, Long, Double or String) and warnings, never null
     * @throws Exception any failure; the runner turns it into a warning
     */
    CollectorResult collect(CollectionContext context) throws Exception;
}
