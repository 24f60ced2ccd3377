package io.github.rdpdoctor.collectors;

import static io.github.rdpdoctor.collectors.CollectorRunnerTest.fake;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rdpdoctor.engine.Diagnosis;
import io.github.rdpdoctor.engine.RankedCause;
import io.github.rdpdoctor.engine.RdpDoctor;
import io.github.rdpdoctor.symptoms.HexCode;
import io.github.rdpdoctor.symptoms.SymptomSet;
import io.github.rdpdoctor.symptoms.UserSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The symptom-file loader as one collector among others. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SymptomFileCollectorTest {

    static final Duration IO = Duration.ofMillis(300);

    static final String HOST_FACTS = """
            schema: rdp-symptoms/v1
            host: rdsh-02.corp.example
            collected_at: 2026-11-20T09:14:00Z
            symptoms:
              client.error_code: "0x904"
              client.extended_error_code: 7
              server.cert_expired: true
              network.rdp_port_state: filtered
              site.rack: B7
            events:
              - { log: System, source: Microsoft-Windows-TerminalServices-RemoteConnectionManager, id: 1058, message: "cannot replace the expired self-signed certificate" }
            sessions:
              - { user: alice, state: disconnected, idle_minutes: 720 }
            """;

    private static CollectionTarget target(String host, Path file) {
        return CollectionTarget.of(host).withOptions(Map.of(SymptomFileCollector.OPTION, file.toString()));
    }

    private static CollectionReport run(CollectionTarget t, SymptomCollector... more) {
        List<SymptomCollector> all = new java.util.ArrayList<>(List.of(more));
        all.add(new SymptomFileCollector());
        return new CollectorRunner(all, IO, Duration.ofSeconds(2)).run(t);
    }

    @Test
    void symptomsEventsAndSessionsOfTheFileReachTheDiagnosis(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("host.yaml"), HOST_FACTS);
        CollectionReport r = run(target("rdsh-02.corp.example", f));
        assertEquals("0x904", r.get("client.error_code"), "hex codes travel as contract text");
        assertEquals(1, r.events().size());
        assertEquals(List.of(new UserSession("alice", "disconnected", 720)), r.sessions());
        SymptomSet set = CollectedSymptoms.toSymptomSet(r);
        assertEquals(new HexCode(0x904), set.symptom("client.error_code").orElseThrow().getValue());
        assertEquals(new HexCode(7), set.symptom("client.extended_error_code").orElseThrow().getValue());
        // the unknown name is reported once, by the loader, with file and line
        assertEquals(List.of("symptom-file: " + f + ":9: unknown symptom name 'site.rack' (kept and passed to the rules)"),
                set.warnings());
        Diagnosis d = RdpDoctor.builder().build().diagnose(set);
        assertEquals("rdp-certificate-problem", d.top().map(RankedCause::id).orElse(null), d::toString);
        assertTrue(d.top().orElseThrow().evidence().stream().anyMatch(e -> e.rule().contains("event 1058")), d::toString);
    }

    @Test
    void aLaterLiveObservationReplacesTheFilesValue(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("host.yaml"), HOST_FACTS);
        SymptomCollector tcp = fake("tcp", 200, Set.of("network.rdp_port_state"),
                ctx -> CollectorResult.builder().put("network.rdp_port_state", "open:" + ctx.fact("network.rdp_port_state")).build());
        CollectionReport r = run(target("rdsh-02.corp.example", f), tcp);
        assertEquals("open:filtered", r.get("network.rdp_port_state"), "runs after the file and sees its value");
        assertEquals(List.of("symptom-file", "tcp"), r.outcomes().stream().map(CollectorOutcome::collector).toList());
    }

    @Test
    void aBrokenFileIsAWarningAndTheOtherCollectorsStillCount(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("bad.yaml"), "host: h\nsymptoms:\n  network.rdp_port: many\n");
        SymptomCollector tcp = fake("tcp", 200, Set.of("network.rdp_port_state"),
                ctx -> CollectorResult.builder().put("network.rdp_port_state", "closed").build());
        CollectionReport r = run(target("h", f), tcp);
        assertEquals(List.of("symptom-file: " + f + ":3: symptoms.network.rdp_port: expected an integer 1..65535, got \"many\""),
                r.warnings());
        Diagnosis d = RdpDoctor.builder().build().diagnose(CollectedSymptoms.toSymptomSet(r));
        assertEquals(r.warnings(), d.warnings());
        assertEquals("rdp-disabled", d.top().map(RankedCause::id).orElse(null));
    }

    @Test
    void aMissingFileOrAFileAboutAnotherHostIsAWarning(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.yaml");
        assertEquals(List.of("symptom-file: " + missing + ": no such file"), run(target("h", missing)).warnings());
        Path other = Files.writeString(dir.resolve("other.yaml"), "host: other-host\nsymptoms:\n  server.rdp_enabled: false\n");
        CollectionReport r = run(target("h", other));
        assertEquals(List.of("symptom-file: " + other + " describes host 'other-host', not 'h:3389'; its facts are used anyway"),
                r.warnings());
        assertEquals(false, r.get("server.rdp_enabled"));
    }

    @Test
    void withoutTheOptionItDoesNotApply() {
        CollectionReport r = run(CollectionTarget.of("h"));
        assertEquals(CollectorOutcome.Status.SKIPPED, r.outcomes().get(0).status());
        assertEquals(List.of(), r.warnings());
        assertEquals(Map.of(), r.symptoms());
    }

    @Test
    void serviceLoaderFindsItBeforeTheNetworkProbes() {
        List<String> names = CollectorRunner.discover().collectors().stream().map(SymptomCollector::name).toList();
        assertTrue(names.contains("symptom-file"), names::toString);
        assertTrue(names.indexOf("symptom-file") < names.indexOf("dns"), names::toString);
    }
}
