package io.github.rdpdoctor.collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rdpdoctor.engine.RdpDoctor;
import io.github.rdpdoctor.engine.RuleSource;
import io.github.rdpdoctor.symptoms.HostEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The host collectors fetch every event a bundled rule reads: an event id that a rule tests but neither the
 * Windows events script nor the osquery pack asks for can only come from a hand-written file.
 */
class CollectedEventsTest {
    /** An event id a rule tests: {@code id == 1149}, {@code hasEvent(1149)}, {@code hasEventOf(1149, $u.text)}. */
    static final Pattern EVENT_ID = Pattern.compile("\\bid\\s*==\\s*(\\d+)|\\bhasEvent(?:Of)?\\(\\s*(\\d+)\\s*[,)]");
    static final Pattern ID_LIST = Pattern.compile("Id = @\\(([0-9, ]+)\\)");

    static Set<Integer> eventsTheRulesRead() {
        Set<Integer> ids = new TreeSet<>();
        for (RuleSource s : RuleSource.bundled()) {
            String code = s.drl().replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
            Matcher m = EVENT_ID.matcher(code);
            while (m.find()) {
                ids.add(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
            }
        }
        assertTrue(ids.size() > 15, "event ids found in the bundled rules: " + ids);
        return ids;
    }

    @Test
    void theRulesEventIdsAreFoundInEveryFormARuleWritesThem() {
        for (String code : List.of("HostEvent(id == 7031 || id == 7034)", "hasEvent(7031) || hasEvent(7034)",
                "UserSession(hasEventOf(7031, $u.text) || hasEventOf( 7034 , \"x\"))")) {
            Matcher m = EVENT_ID.matcher(code);
            Set<Integer> ids = new TreeSet<>();
            while (m.find()) {
                ids.add(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
            }
            assertEquals(Set.of(7031, 7034), ids, code);
        }
    }

    @Test
    void theWindowsEventsScriptAsksForEveryEventARuleReads() throws IOException {
        assertMissing(eventsTheRulesRead(), ids(ID_LIST, eventsScript()), "events.ps1");
    }

    @Test
    void theOsqueryEventsQueryAsksForEveryEventARuleReads() throws IOException {
        String sql = osqueryEventsQuery();
        Set<Integer> asked = ids(Pattern.compile("eventid IN \\(([0-9, ]+)\\)"), sql);
        assertTrue(!asked.isEmpty(), sql);
        assertMissing(eventsTheRulesRead(), asked, "the osquery events query");
    }

    /**
     * Service Control Manager events are logged for every service; both collectors keep only Remote Desktop Services',
     * named in English or by its German, French or Spanish display name, as HostEvent.namesRemoteDesktopServices() reads
     * them (the script in ASCII: Windows PowerShell 5.1 reads a script without a byte order mark in the ANSI code page).
     */
    @Test
    void serviceControlManagerEventsAreNarrowedToRemoteDesktopServices() throws IOException {
        String sql = osqueryEventsQuery();
        assertTrue(sql.contains("'Service Control Manager'") && sql.contains("provider_name != 'Service Control Manager' OR data LIKE '%TermService%'"), sql);
        for (String name : List.of("Remote Desktop Services", "Remotedesktopdienste", "Services Bureau % distance", "Servicios de Escritorio remoto")) {
            assertTrue(sql.contains("OR data LIKE '%" + name + "%'"), name + ": " + sql);
        }
        String script = eventsScript();
        assertTrue(script.matches("(?s).*Match = 'TermService\\|Remote Desktop Services\\|Remotedesktopdienste\\|Services Bureau \\. distance"
                + "\\|Servicios de Escritorio remoto'; Filter = @\\{ LogName = 'System'; ProviderName = 'Service Control Manager'.*"), script);
        Pattern match = Pattern.compile("TermService|Remote Desktop Services|Remotedesktopdienste|Services Bureau . distance|Servicios de Escritorio remoto",
                Pattern.CASE_INSENSITIVE);
        for (String message : List.of("Der Dienst \"Remotedesktopdienste\" wurde unerwartet beendet. Dies ist bereits 1 Mal passiert.",
                "Le service Services Bureau à distance s'est terminé de manière inattendue. Il s'est produit 1 fois.",
                "El servicio Servicios de Escritorio remoto terminó de manera inesperada. Esto ha sucedido 1 veces.")) {
            assertTrue(match.matcher(message).find() && new HostEvent("System", "Service Control Manager", 7034, null, message)
                    .namesRemoteDesktopServices(), message);
        }
    }

    private static String eventsScript() throws IOException {
        try (InputStream in = RdpDoctor.class.getResourceAsStream("/io/github/rdpdoctor/collectors/windows/events.ps1")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String osqueryEventsQuery() throws IOException {
        return new ObjectMapper().readTree(Path.of("kb", "osquery", "rdp-doctor.conf").toFile())
                .get("queries").get("rdp_events").get("query").asText();
    }

    /** The ids of every comma-separated list that {@code list}'s group 1 finds in {@code text}. */
    private static Set<Integer> ids(Pattern list, String text) {
        Set<Integer> ids = new TreeSet<>();
        Matcher m = list.matcher(text);
        while (m.find()) {
            for (String id : m.group(1).split(",\\s*")) {
                ids.add(Integer.parseInt(id.strip()));
            }
        }
        return ids;
    }

    private static void assertMissing(Set<Integer> read, Set<Integer> asked, String collector) {
        List<Integer> missing = new ArrayList<>(read);
        missing.removeAll(asked);
        assertEquals(List.of(), missing, "events a rule reads that " + collector + " does not ask for");
    }
}
