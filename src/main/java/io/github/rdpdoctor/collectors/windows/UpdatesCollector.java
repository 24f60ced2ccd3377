package io.github.rdpdoctor.collectors.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Host and client: installed updates (Get-HotFix).
 * <ul>
 *   <li>{@code server.last_update_days} / {@code client.last_update_days}: days since the newest InstalledOn;</li>
 *   <li>{@code server.recent_update}: the HotFixID of that update;</li>
 *   <li>{@code server.credssp_patched}: see {@link WindowsFacts#credsspPatched}.</li>
 * </ul>
 * Updates without an InstalledOn date (Get-HotFix leaves some empty) count only for the CredSSP check.
 */
public final class UpdatesCollector extends WindowsCollector {

    public UpdatesCollector() {
    }

    public UpdatesCollector(CommandRunner runner, Supplier<String> osName, Clock clock) {
        super(runner, osName, clock);
    }

    @Override
    public String name() {
        return "windows-updates";
    }

    @Override
    public String snippet() {
        return "updates.ps1";
    }

    @Override
    public Set<Side> sides() {
        return bothSides();
    }

    @Override
    public Set<String> produces() {
        return Set.of("server.last_update_days", "server.recent_update", "server.credssp_patched",
                "client.last_update_days");
    }

    /** One installed update. */
    public record HotFix(String id, Instant installedOn) {
    }

    @Override
    protected void parse(JsonNode root, WinFacts facts) {
        if (!root.isObject()) {
            facts.warn("unexpected output: expected an object with HotFixes");
            return;
        }
        Instant now = PsJson.instant(root, "Now").orElse(facts.now());
        List<HotFix> fixes = new ArrayList<>();
        for (JsonNode h : PsJson.rows(PsJson.field(root, "HotFixes"))) {
            Optional<String> id = PsJson.text(h, "HotFixID");
            if (id.isPresent()) {
                fixes.add(new HotFix(id.get(), PsJson.instant(h, "InstalledOn").orElse(null)));
            }
        }
        OptionalLong build = PsJson.integer(root, "CurrentBuild");
        OptionalLong ubr = PsJson.integer(root, "UBR");
        boolean listed = PsJson.field(root, "HotFixes").isArray() || PsJson.field(root, "HotFixes").isObject();
        apply(fixes, listed, build.isPresent() ? build.getAsLong() : null, ubr.isPresent() ? ubr.getAsLong() : null, now, facts);
    }

    /** Decides the symptoms; shared with the osquery ingester. {@code listed}: the update list could be read. */
    public static void apply(List<HotFix> fixes, boolean listed, Long build, Long ubr, Instant now, WinFacts facts) {
        HotFix newest = fixes.stream().filter(f -> f.installedOn() != null)
                .max(java.util.Comparator.comparing(HotFix::installedOn)).orElse(null);
        if (newest != null) {
            facts.put(facts.sided("last_update_days"), WindowsFacts.daysSince(newest.installedOn(), now));
            if (facts.side() == Side.HOST && newest.id().matches("(?i)KB\\d+")) {
                facts.put("server.recent_update", newest.id().toUpperCase(java.util.Locale.ROOT));
            }
        } else if (listed) {
            facts.warn(fixes.isEmpty() ? "no installed updates listed" : "no installed update has an install date");
        }
        if (facts.side() == Side.HOST) {
            WindowsFacts.credsspPatched(build, ubr, fixes.stream().map(HotFix::id).toList(),
                    newest == null ? null : newest.installedOn()).ifPresent(p -> facts.put("server.credssp_patched", p));
        }
    }
}
