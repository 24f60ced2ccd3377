package io.github.rdpdoctor.collectors;

import io.github.rdpdoctor.symptoms.HostEvent;
import io.github.rdpdoctor.symptoms.UserSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs collectors one after another in ascending {@link SymptomCollector#order()}, each on its own
 * daemon thread with a time budget. A collector that throws or runs out of time becomes a warning
 * naming it; the run always goes on. Later collectors see the facts of earlier ones.
 *
 * <p>Instances are immutable and thread-safe: one runner may serve many targets at once.
 */
public final class CollectorRunner {

    /** Default timeout of one network operation. */
    public static final Duration DEFAULT_IO_TIMEOUT = Duration.ofSeconds(3);
    /** Default budget of one collector. */
    public static final Duration DEFAULT_COLLECTOR_TIMEOUT = Duration.ofSeconds(12);

    private final List<SymptomCollector> collectors;
    private final List<String> setupWarnings;
    private final Duration ioTimeout;
    private final Duration collectorTimeout;

    /**
     * @param collectors       the collectors; sorted here by order then name; a repeated name
     *                         is dropped with a warning
     * @param ioTimeout        timeout of one network operation
     * @param collectorTimeout budget of one collector
     */
    public CollectorRunner(List<? extends SymptomCollector> collectors, Duration ioTimeout, Duration collectorTimeout) {
        this(collectors, List.of(), ioTimeout, collectorTimeout);
    }

    private CollectorRunner(List<? extends SymptomCollector> collectors, List<String> setupWarnings,
                            Duration ioTimeout, Duration collectorTimeout) {
        this.ioTimeout = positive(ioTimeout, "ioTimeout");
        this.collectorTimeout = positive(collectorTimeout, "collectorTimeout");
        List<String> warnings = new ArrayList<>(setupWarnings);
        List<SymptomCollector> sorted = new ArrayList<>(collectors);
        sorted.forEach(c -> Objects.requireNonNull(c, "collector"));
        sorted.sort(Comparator.comparingInt(SymptomCollector::order).thenComparing(SymptomCollector::name));
        Set<String> names = new HashSet<>();
        List<SymptomCollector> unique = new ArrayList<>();
        for (SymptomCollector c : sorted) {
            if (names.add(c.name())) {
                unique.add(c);
            } else {
                warnings.add(c.name() + ": a second collector with this name (" + c.getClass().getName()
                        + ") was ignored");
            }
        }
        this.collectors = List.copyOf(unique);
        this.setupWarnings = List.copyOf(warnings);
    }

    /** A runner with every collector registered with ServiceLoader on the class loader. */
    public static CollectorRunner discover(ClassLoader loader, Duration ioTimeout, Duration collectorTimeout) {
        List<SymptomCollector> found = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Iterator<SymptomCollector> it = ServiceLoader.load(SymptomCollector.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError e) {
                warnings.add("collector discovery: " + e.getMessage());
            }
        }
        return new CollectorRunner(found, warnings, ioTimeout, collectorTimeout);
    }

    /** A runner with the collectors found by ServiceLoader on this library's class loader and default timeouts. */
    public static CollectorRunner discover() {
        return discover(CollectorRunner.class.getClassLoader(), DEFAULT_IO_TIMEOUT, DEFAULT_COLLECTOR_TIMEOUT);
    }

    /** The collectors in run order. */
    public List<SymptomCollector> collectors() {
        return collectors;
    }

    /** Problems found while setting up (broken ServiceLoader entries, repeated names); every report repeats them. */
    public List<String> setupWarnings() {
        return setupWarnings;
    }

    public Duration ioTimeout() {
        return ioTimeout;
    }

    public Duration collectorTimeout() {
        return collectorTimeout;
    }

    public CollectionReport run(CollectionTarget target) {
        return run(target, Map.of());
    }

    /**
     * Runs every collector against the target.
     *
     * @param initialFacts symptoms known before the run (e.g. from a file); collectors may override them
     */
    public CollectionReport run(CollectionTarget target, Map<String, Object> initialFacts) {
        Objects.requireNonNull(target, "target");
        long start = System.nanoTime();
        Map<String, Object> facts = new LinkedHashMap<>();
        initialFacts.forEach((k, v) -> facts.put(k, CollectorResult.normalize(k, v)));
        List<String> warnings = new ArrayList<>(setupWarnings);
        List<CollectorOutcome> outcomes = new ArrayList<>();
        List<HostEvent> events = new ArrayList<>();
        List<UserSession> sessions = new ArrayList<>();
        boolean interrupted = false;
        for (SymptomCollector c : collectors) {
            if (interrupted) {
                outcomes.add(new CollectorOutcome(c.name(), CollectorOutcome.Status.SKIPPED, Duration.ZERO,
                        List.of(), "interrupted"));
                continue;
            }
            try {
                interrupted = runOne(c, target, facts, warnings, outcomes, events, sessions);
            } catch (RuntimeException | LinkageError e) {
                // appliesTo() or produces() threw on the calling thread
                warnings.add(c.name() + ": failed: " + describe(e));
                outcomes.add(new CollectorOutcome(c.name(), CollectorOutcome.Status.FAILED, Duration.ZERO,
                        List.of(), describe(e)));
            }
        }
        if (interrupted) {
            warnings.add("collection interrupted; remaining collectors did not run");
            Thread.currentThread().interrupt();
        }
        return new CollectionReport(target, facts, warnings, outcomes, Duration.ofNanos(System.nanoTime() - start),
                events, sessions);
    }

    /** @return true when the calling thread was interrupted */
    private boolean runOne(SymptomCollector c, CollectionTarget target, Map<String, Object> facts,
                           List<String> warnings, List<CollectorOutcome> outcomes, List<HostEvent> events,
                           List<UserSession> sessions) {
        String name = c.name();
        Map<String, Object> snapshot = Map.copyOf(facts);
        if (!c.appliesTo(target, snapshot)) {
            outcomes.add(new CollectorOutcome(name, CollectorOutcome.Status.SKIPPED, Duration.ZERO, List.of(), ""));
            return false;
        }
        // the collector's own deadline comes a little before the runner gives up on it, so that a
        // collector that watches its time returns partial results instead of being cut off
        Duration margin = collectorTimeout.dividedBy(20);
        if (margin.compareTo(Duration.ofMillis(500)) > 0) {
            margin = Duration.ofMillis(500);
        }
        CollectionContext ctx = new CollectionContext(target, snapshot, ioTimeout, collectorTimeout.minus(margin));
        CompletableFuture<CollectorResult> future = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                future.complete(c.collect(ctx));
            } catch (Throwable t) { // NOPMD: every failure becomes a warning
                future.completeExceptionally(t);
            }
        }, "rdp-doctor-collector-" + name);
        worker.setDaemon(true);
        long start = System.nanoTime();
        worker.start();
        CollectorResult result;
        try {
            result = future.get(collectorTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            ctx.expire();
            worker.interrupt();
            String msg = "timed out after " + collectorTimeout.toMillis() + " ms";
            warnings.add(name + ": " + msg);
            outcomes.add(new CollectorOutcome(name, CollectorOutcome.Status.TIMED_OUT, elapsed(start), List.of(), msg));
            return false;
        } catch (ExecutionException e) {
            String msg = describe(e.getCause());
            warnings.add(name + ": failed: " + msg);
            outcomes.add(new CollectorOutcome(name, CollectorOutcome.Status.FAILED, elapsed(start), List.of(), msg));
            return false;
        } catch (InterruptedException e) {
            ctx.expire();
            worker.interrupt();
            warnings.add(name + ": interrupted");
            outcomes.add(new CollectorOutcome(name, CollectorOutcome.Status.FAILED, elapsed(start), List.of(), "interrupted"));
            return true;
        }
        if (result == null) {
            warnings.add(name + ": returned no result");
            outcomes.add(new CollectorOutcome(name, CollectorOutcome.Status.FAILED, elapsed(start), List.of(), "null result"));
            return false;
        }
        Set<String> declared = c.produces();
        boolean any = declared.contains("*");
        for (String key : result.symptoms().keySet()) {
            if (!any && !declared.contains(key)) {
                warnings.add(name + ": produced undeclared symptom " + key);
            }
        }
        facts.putAll(result.symptoms());
        events.addAll(result.events());
        sessions.addAll(result.sessions());
        result.warnings().forEach(w -> warnings.add(name + ": " + w));
        outcomes.add(new CollectorOutcome(name, CollectorOutcome.Status.OK, elapsed(start),
                List.copyOf(result.symptoms().keySet()), ""));
        return false;
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static String describe(Throwable t) {
        if (t == null) {
            return "unknown error";
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    private static Duration positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
        return d;
    }
}
