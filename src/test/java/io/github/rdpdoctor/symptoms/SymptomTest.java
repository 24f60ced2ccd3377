package io.github.rdpdoctor.symptoms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SymptomTest {
    private final Symptom port = new Symptom("network.rdp_port_state", "filtered", 4);
    private final Symptom ping = new Symptom("network.ping_ok", false, 5);

    @Test
    void symptomsOfOneFileSeeEachOther() {
        List<Symptom> file = Symptom.ofOneFile(List.of(port, ping));
        assertEquals(List.of(port, ping), file); // equal copies, same line
        assertEquals(4, file.get(0).getLine());
        assertTrue(file.get(0).has("network.ping_ok"));
        assertSame(file.get(1), file.get(0).other("network.ping_ok"));
        assertEquals(Boolean.FALSE, file.get(0).other("network.ping_ok").getFlag());
        assertSame(file.get(0), file.get(1).other("network.rdp_port_state"));
        assertFalse(file.get(0).has("tls.handshake_ok"));
        Symptom none = file.get(0).other("tls.handshake_ok");
        assertEquals("tls.handshake_ok", none.getName());
        assertNull(none.getFlag());
        assertTrue(Double.isNaN(none.getNumber()));
        assertEquals("", none.getText());
    }

    @Test
    void aSymptomOutsideADiagnosisSeesNoOther() {
        assertFalse(port.has("network.ping_ok"));
        assertEquals("", port.other("network.ping_ok").getText());
        Symptom.ofOneFile(List.of(port, ping));
        assertFalse(port.has("network.ping_ok"), "the originals are not changed");
    }

    @Test
    void aNameTwiceInOneFileIsRejected() {
        Symptom again = new Symptom("network.ping_ok", true, 9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Symptom.ofOneFile(List.of(ping, port, again)));
        assertEquals("symptom network.ping_ok is given twice", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SymptomSet("f.yaml", "h", null,
                List.of(ping, port, again), List.of(), List.of(), List.of(), null));
        assertEquals("symptom network.ping_ok is given twice", e.getMessage());
    }
}
