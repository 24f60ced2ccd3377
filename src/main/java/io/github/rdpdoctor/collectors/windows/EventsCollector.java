package io.github.rdpdoctor.collectors.windows;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rdpdoctor.symptoms.HostEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Host: the events the bundled rules read, from the last 7 days (Get-WinEvent -FilterHashtable, one
 * query per log and provider): RemoteConnectionManager 1056, 1057, 1058, 1006, 1003, 1004, 1069, 1128, 1149 and 261,
 * LocalSessionManager 21 (session logon succeeded: which failures a later logon followed, HostEvent.followedByLogon),
 * Schannel 36870, 36871, 36874, 36887, 36888, User Profile Service 1511, 1515, 1502, 1508, the
 * legacy TermService 71, Security 4625 (a failed logon), and Service Control Manager 7011, 7022, 7031, 7034 whose message names
 * Remote Desktop Services. No symptoms; each event becomes a {@link HostEvent}. No events at all is
 * normal (PowerShell then prints nothing).
 */
public final class EventsCollector extends WindowsCollector {
    /** Longest message kept per event. */
    static final int MAX_MESSAGE = 1000;

    public EventsCollector() {
    }

    public EventsCollector(CommandRunner runner, Supplier<String> osName, Clock clock) {
        super(runner, osName, clock);
    }

    @Override
    public String name() {
        return "windows-events";
    }

    @Override
    public String snippet() {
        return "events.ps1";
    }

    @Override
    public Set<Side> sides() {
        return hostOnly();
    }

    @Override
    public Set<String> produces() {
        return Set.of();
    }

    @Override
    protected void parse(JsonNode root, WinFacts facts) {
        int unreadable = 0;
        for (JsonNode row : PsJson.rows(root)) {
            OptionalLong id = PsJson.integer(row, "Id");
            if (!row.isObject() || id.isEmpty() || id.getAsLong() < 0 || id.getAsLong() > 65535) {
                unreadable++;
                continue;
            }
            Optional<Instant> time = PsJson.instant(row, "TimeCreated");
            String message = PsJson.text(row, "Message").orElse("");
            if (message.length() > MAX_MESSAGE) {
                message = message.substring(0, MAX_MESSAGE);
            }
            facts.event(new HostEvent(PsJson.text(row, "LogName").orElse(""), PsJson.text(row, "ProviderName").orElse(""),
                    (int) id.getAsLong(), time.map(PsJson::iso).orElse(null), message.replaceAll("\\s+", " ").strip()));
        }
        if (unreadable > 0) {
            facts.warn(unreadable + " event(s) without a readable Id were left out");
        }
    }
}
