package io.github.rdpdoctor.collectors.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Host and client: the Microsoft Entra ID join state from {@code dsregcmd /status} (extension names):
 * {@code server.entra_join} / {@code client.entra_join} — {@code joined} (AzureAdJoined YES), {@code hybrid_joined}
 * (AzureAdJoined and DomainJoined YES), {@code registered} (WorkplaceJoined YES: an Entra registered device, for the
 * user who runs it) or {@code none}; and {@code server.entra_tenant_id} / {@code client.entra_tenant_id}, the tenant of
 * the join (TenantId) or of the registration (WorkplaceTenantId). Microsoft Learn, "Connect to remote Microsoft Entra
 * joined device": without Microsoft Entra authentication the connecting PC must be joined, hybrid joined or registered
 * in the same tenant as the remote PC. A machine without dsregcmd (before Windows 10 / Server 2016) gets a warning.
 */
public final class EntraCollector extends WindowsCollector {

    public EntraCollector() {
    }

    public EntraCollector(CommandRunner runner, Supplier<String> osName, Clock clock) {
        super(runner, osName, clock);
    }

    @Override
    public String name() {
        return "windows-entra";
    }

    @Override
    public String snippet() {
        return "entra.ps1";
    }

    @Override
    public Set<Side> sides() {
        return bothSides();
    }

    @Override
    public Set<String> produces() {
        return Set.of("server.entra_join", "client.entra_join", "server.entra_tenant_id", "client.entra_tenant_id");
    }

    @Override
    protected void parse(JsonNode root, WinFacts facts) {
        if (!root.isObject()) {
            facts.warn("unexpected output: expected an object with AzureAdJoined and WorkplaceJoined");
            return;
        }
        Optional<Boolean> joined = yesNo(root, "AzureAdJoined");
        if (joined.isEmpty()) {
            return; // dsregcmd missing or unreadable: already a warning
        }
        boolean domain = yesNo(root, "DomainJoined").orElse(false);
        boolean registered = yesNo(root, "WorkplaceJoined").orElse(false);
        String state = joined.get() ? (domain ? "hybrid_joined" : "joined") : registered ? "registered" : "none";
        facts.put(facts.sided("entra_join"), state);
        Optional<String> tenant = joined.get() ? tenant(root, "TenantId") : registered ? tenant(root, "WorkplaceTenantId") : Optional.empty();
        tenant.ifPresent(t -> facts.put(facts.sided("entra_tenant_id"), t));
    }

    private static Optional<Boolean> yesNo(JsonNode root, String field) {
        return PsJson.text(root, field).map(v -> v.strip().toUpperCase(Locale.ROOT)).filter(v -> v.equals("YES") || v.equals("NO"))
                .map(v -> v.equals("YES"));
    }

    private static Optional<String> tenant(JsonNode root, String field) {
        return PsJson.text(root, field).map(String::strip).filter(t -> !t.isEmpty()).map(t -> t.toLowerCase(Locale.ROOT));
    }
}
