package io.github.rdpdoctor.collectors.freerdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rdpdoctor.collectors.CollectedSymptoms;
import io.github.rdpdoctor.collectors.CollectionReport;
import io.github.rdpdoctor.collectors.CollectionTarget;
import io.github.rdpdoctor.collectors.CollectorRunner;
import io.github.rdpdoctor.engine.RdpDoctor;
import io.github.rdpdoctor.symptoms.SymptomSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a FreeRDP client's output. The lines are FreeRDP 2.11's own format (what xfreerdp prints; ProbeCliTest runs
 * the real client against real servers); the ERRINFO line is rdp_print_errinfo's "%s (0x%08X):%s".
 */
class FreerdpLogCollectorTest {

    static final String DENIED = """
            [09:12:01:101] [4711:4712] [INFO][com.freerdp.client.common.cmdline] - loading channelEx rdpdr
            [09:12:01:350] [4711:4712] [ERROR][com.freerdp.core] - freerdp_set_last_error_ex ERRCONNECT_SUCCESS [0x00000000]
            [09:12:02:020] [4711:4712] [ERROR][com.freerdp.core] - ERRINFO_SERVER_DENIED_CONNECTION (0x00000007):The server denied the connection.
            [09:12:02:021] [4711:4712] [ERROR][com.freerdp.core] - rdp_recv_callback:freerdp_set_last_error_ex ERRCONNECT_CONNECT_TRANSPORT_FAILED [0x0002000D]
            [09:12:02:022] [4711:4712] [ERROR][com.freerdp.core] - nla_recv_pdu:freerdp_set_last_error_ex ERRCONNECT_ACCOUNT_LOCKED_OUT [0x00020016]
            """;

    private static CollectionReport collect(Path log) {
        CollectionTarget t = CollectionTarget.of("erp-ts-02").withOptions(Map.of(FreerdpLogCollector.OPTION, log.toString()));
        return new CollectorRunner(List.of(new FreerdpLogCollector()), Duration.ofMillis(300), Duration.ofSeconds(2)).run(t);
    }

    @Test
    void theLastErrconnectCodeAndTheServersErrinfoCodeBecomeClientFacts(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("xfreerdp.log"), DENIED);
        FreerdpLogCollector.Reading r = FreerdpLogCollector.read(log);
        assertEquals("ERRCONNECT_ACCOUNT_LOCKED_OUT", r.errconnect(), "the last code, not SUCCESS");
        assertEquals("ERRINFO_SERVER_DENIED_CONNECTION", r.errinfoName());
        CollectionReport report = collect(log);
        assertEquals("ERRCONNECT_ACCOUNT_LOCKED_OUT", report.get("client.freerdp_error"));
        assertEquals("0x7", report.get("client.extended_error_code"), "FreeRDP's errorInfo is mstsc's extended code");
        assertTrue(report.warnings().isEmpty(), report.warnings().toString());

        RdpDoctor doctor = RdpDoctor.builder().build();
        SymptomSet facts = CollectedSymptoms.toSymptomSet(report, doctor.loader().vocabulary(), "erp-ts-02", "probe", Instant.now());
        assertTrue(facts.warnings().isEmpty(), facts.warnings().toString());
        assertEquals("account-locked-or-expired", doctor.diagnose(facts).causes().get(0).id());
    }

    @Test
    void aLogWithoutAFreerdpCodeIsAWarningNotAnEmptyFact(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("remmina.log"), "Remmina 1.4.29 started\nconnecting to erp-ts-02\n");
        CollectionReport report = collect(log);
        assertNull(report.get("client.freerdp_error"));
        assertNull(report.get("client.extended_error_code"));
        assertEquals(List.of("freerdp-log: " + log + ": no FreeRDP ERRCONNECT_ or ERRINFO_ code in it; give the client's whole output"
                + " of the failed attempt (xfreerdp ... 2>&1 | tee FILE)"), report.warnings());
    }

    @Test
    void aMissingOrUnreadableLogIsAWarningNamingIt(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("none.log");
        assertEquals(List.of("freerdp-log: " + missing + ": no such file"), collect(missing).warnings());
        Path binary = Files.write(dir.resolve("core.bin"), new byte[] {0, (byte) 0xFF, (byte) 0xFE, 'E', 'R', 'R'});
        FreerdpLogCollector.Reading r = FreerdpLogCollector.read(binary);
        assertNull(r.errconnect(), "bytes that are not text are read without a code, not an exception");
    }

    @Test
    void anErrinfoOfZeroAndAnUnknownNameAreNotCodes(@TempDir Path dir) throws Exception {
        Path log = Files.write(dir.resolve("x.log"), ("ERRINFO_SUCCESS (0x00000000):Success.\n"
                + "freerdp_set_last_error_ex ERRCONNECT_NONE [0x00000000]\n").getBytes(StandardCharsets.UTF_8));
        FreerdpLogCollector.Reading r = FreerdpLogCollector.read(log);
        assertNull(r.errconnect());
        assertNull(r.errinfoCode());
        Path newer = Files.writeString(dir.resolve("y.log"), "freerdp_set_last_error_ex ERRCONNECT_SOMETHING_NEW [0x00020030]\n");
        CollectionReport report = collect(newer);
        RdpDoctor doctor = RdpDoctor.builder().build();
        SymptomSet facts = CollectedSymptoms.toSymptomSet(report, doctor.loader().vocabulary(), "erp-ts-02", "probe", Instant.now());
        assertFalse(facts.symptom("client.freerdp_error").isPresent(), "a code this vocabulary does not list is left out");
        assertTrue(facts.warnings().stream().anyMatch(w -> w.startsWith("freerdp-log: ") && w.contains("ERRCONNECT_SOMETHING_NEW")),
                facts.warnings().toString());
    }
}
