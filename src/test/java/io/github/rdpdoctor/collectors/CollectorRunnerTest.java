package io.github.rdpdoctor.collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class CollectorRunnerTest {

    static final CollectionTarget TARGET = CollectionTarget.of("host.example");
    static final Duration IO = Duration.ofMillis(300);

    /** A collector made of lambdas. */
    record Fake(String name, int order, Set<String> produces, Function<Map<String, Object>, Boolean> applies,
                Collect body) implements SymptomCollector {
        interface Collect {
            CollectorResult run(CollectionContext ctx) throws Exception;
        }

        @Override
        public boolean appliesTo(CollectionTarget target, Map<String, Object> soFar) {
            return applies.apply(soFar);
        }

        @Override
        public CollectorResult collect(CollectionContext context) throws Exception {
            return body.run(context);
        }
    }

    static Fake fake(String name, int order, Set<String> produces, Fake.Collect body) {
        return new Fake(name, order, produces, f -> true, body);
    }

    @Test
    void runsInDeclaredOrderAndLaterCollectorsSeeEarlierFacts() {
        List<String> seen = new CopyOnWriteArrayList<>();
        Fake second = fake("second", 20, Set.of("b"), ctx -> {
            seen.add("second saw a=" + ctx.facts().get("a"));
            return CollectorResult.builder().put("b", 2).build();
        });
        Fake first = fake("first", 10, Set.of("a"), ctx -> {
            seen.add("first");
            return CollectorResult.builder().put("a", "x").warn("note").build();
        });
        CollectionReport r = new CollectorRunner(List.of(second, first), IO, Duration.ofSeconds(2)).run(TARGET);
        assertEquals(List.of("first", "second saw a=x"), seen);
        assertEquals(Map.of("a", "x", "b", 2L), r.symptoms());
        assertEquals(List.of("first: note"), r.warnings());
        assertEquals(List.of("first", "second"), r.outcomes().stream().map(CollectorOutcome::collector).toList());
    }

    @Test
    void aFailingCollectorBecomesAWarningAndTheRunGoesOn() {
        Fake boom = fake("boom", 1, Set.of("x"), ctx -> {
            throw new IllegalStateException("kaputt");
        });
        Fake after = fake("after", 2, Set.of("y"), ctx -> CollectorResult.builder().put("y", true).build());
        CollectionReport r = new CollectorRunner(List.of(boom, after), IO, Duration.ofSeconds(2)).run(TARGET);
        assertEquals(List.of("boom: failed: IllegalStateException: kaputt"), r.warnings());
        assertEquals(Map.of("y", true), r.symptoms());
        assertEquals(CollectorOutcome.Status.FAILED, r.outcomes().get(0).status());
        assertEquals(CollectorOutcome.Status.OK, r.outcomes().get(1).status());
    }

    @Test
    void anErrorInAppliesToIsAWarningToo() {
        Fake bad = new Fake("bad", 1, Set.of(), f -> {
            throw new UnsupportedOperationException("no");
        }, ctx -> CollectorResult.empty());
        CollectionReport r = new CollectorRunner(List.of(bad), IO, Duration.ofSeconds(2)).run(TARGET);
        assertEquals(List.of("bad: failed: UnsupportedOperationException: no"), r.warnings());
    }

    @Test
    void aHangingCollectorTimesOutAndItsSocketIsClosed() throws Exception {
        List<Throwable> afterClose = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Fake hang = fake("hang", 1, Set.of("z"), ctx -> {
                Socket s = ctx.closeOnTimeout(new Socket());
                s.connect(server.getLocalSocketAddress(), 1000);
                try {
                    s.getInputStream().read(); // nobody ever writes: only the runner's close ends this
                } catch (IOException e) {
                    afterClose.add(e);
                }
                return CollectorResult.builder().put("z", "too late").build();
            });
            Fake next = fake("next", 2, Set.of("n"), ctx -> CollectorResult.builder().put("n", 1.5f).build());
            long start = System.nanoTime();
            CollectionReport r = new CollectorRunner(List.of(hang, next), IO, Duration.ofMillis(400)).run(TARGET);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms < 2000, "took " + ms);
            assertEquals(List.of("hang: timed out after 400 ms"), r.warnings());
            assertEquals(Map.of("n", 1.5d), r.symptoms(), "late result discarded, Float widened");
            assertEquals(CollectorOutcome.Status.TIMED_OUT, r.outcomes().get(0).status());
            long end = System.nanoTime() + 2_000_000_000L;
            while (afterClose.isEmpty() && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertEquals(1, afterClose.size(), "the blocked read was ended by closing the socket");
        }
    }

    @Test
    void skippedCollectorsLeaveNoWarning() {
        Fake never = new Fake("never", 1, Set.of(), f -> false, ctx -> {
            throw new AssertionError("must not run");
        });
        CollectionReport r = new CollectorRunner(List.of(never), IO, Duration.ofSeconds(1)).run(TARGET);
        assertEquals(List.of(), r.warnings());
        assertEquals(CollectorOutcome.Status.SKIPPED, r.outcomes().get(0).status());
    }

    @Test
    void undeclaredSymptomsAreKeptWithAWarningUnlessTheCollectorDeclaresStar() {
        Fake loose = fake("loose", 1, Set.of("a"), ctx -> CollectorResult.builder().put("a", 1).put("b", 2).build());
        Fake file = fake("file", 2, Set.of("*"), ctx -> CollectorResult.builder().put("c", "3").build());
        CollectionReport r = new CollectorRunner(List.of(loose, file), IO, Duration.ofSeconds(1)).run(TARGET);
        assertEquals(List.of("loose: produced undeclared symptom b"), r.warnings());
        assertEquals(Map.of("a", 1L, "b", 2L, "c", "3"), r.symptoms());
    }

    @Test
    void unsupportedValueTypesFailTheCollectorNotTheRun() {
        Fake odd = fake("odd", 1, Set.of("a"), ctx -> CollectorResult.builder().put("a", List.of()).build());
        CollectionReport r = new CollectorRunner(List.of(odd), IO, Duration.ofSeconds(1)).run(TARGET);
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).startsWith("odd: failed: IllegalArgumentException: symptom a: unsupported value"));
    }

    @Test
    void initialFactsAreVisibleAndMayBeOverridden() {
        Fake c = fake("c", 1, Set.of("a"), ctx -> CollectorResult.builder().put("a", "new:" + ctx.fact("a")).build());
        CollectionReport r = new CollectorRunner(List.of(c), IO, Duration.ofSeconds(1)).run(TARGET, Map.of("a", "old", "k", 7));
        assertEquals(Map.of("a", "new:old", "k", 7L), r.symptoms());
    }

    @Test
    void aSecondCollectorWithTheSameNameIsIgnored() {
        Fake a = fake("same", 1, Set.of("a"), ctx -> CollectorResult.builder().put("a", 1).build());
        Fake b = fake("same", 2, Set.of("b"), ctx -> CollectorResult.builder().put("b", 1).build());
        CollectorRunner runner = new CollectorRunner(List.of(a, b), IO, Duration.ofSeconds(1));
        assertEquals(1, runner.collectors().size());
        CollectionReport r = runner.run(TARGET);
        assertEquals(Map.of("a", 1L), r.symptoms());
        assertTrue(r.warnings().get(0).startsWith("same: a second collector with this name"));
    }

    @Test
    void serviceLoaderFindsTheNetworkCollectorsInOrder() {
        List<String> names = CollectorRunner.discover().collectors().stream().map(SymptomCollector::name).toList();
        List<String> network = new ArrayList<>(names);
        network.retainAll(List.of("dns", "tcp-connect", "rdp-negotiation", "tls", "host-identity"));
        assertEquals(List.of("dns", "tcp-connect", "rdp-negotiation", "tls", "host-identity"), network);
    }

    @Test
    void aBrokenServiceEntryIsAWarning(@TempDir Path dir) throws Exception {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve(SymptomCollector.class.getName()), "com.example.DoesNotExist\n");
        try (URLClassLoader cl = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            CollectorRunner runner = CollectorRunner.discover(cl, IO, Duration.ofSeconds(1));
            assertTrue(runner.collectors().size() >= 5, "the good entries still load");
            assertTrue(runner.setupWarnings().stream().anyMatch(w -> w.startsWith("collector discovery:")
                    && w.contains("com.example.DoesNotExist")), runner.setupWarnings()::toString);
            Fake quiet = fake("quiet", 1, Set.of(), ctx -> CollectorResult.empty());
            assertEquals(List.of(), new CollectorRunner(List.of(quiet), IO, Duration.ofSeconds(1)).run(TARGET).warnings());
        }
    }

    @Test
    void targetsParseLikeTheCliTypesThem() {
        assertEquals(new CollectionTarget("fin-app-07", 3389, null, Map.of()), CollectionTarget.parse("fin-app-07"));
        assertEquals(new CollectionTarget("10.1.2.3", 3390, null, Map.of()), CollectionTarget.parse(" 10.1.2.3:3390 "));
        assertEquals(new CollectionTarget("::1", 3389, null, Map.of()), CollectionTarget.parse("::1"));
        assertEquals(new CollectionTarget("fe80::1", 443, null, Map.of()), CollectionTarget.parse("[fe80::1]:443"));
        assertEquals("[fe80::1]:443", CollectionTarget.parse("[fe80::1]:443").display());
        assertThrows(IllegalArgumentException.class, () -> CollectionTarget.parse("host:0"));
        assertThrows(IllegalArgumentException.class, () -> CollectionTarget.parse("host:x"));
        assertThrows(IllegalArgumentException.class, () -> CollectionTarget.parse(""));
        assertEquals(null, new CollectionTarget("h", 1, " ", null).expectedIp());
    }
}
