package io.github.rdpdoctor.collectors.windows;

import io.github.rdpdoctor.collectors.CollectedSymptoms;
import io.github.rdpdoctor.collectors.CollectionReport;
import io.github.rdpdoctor.collectors.CollectionTarget;
import io.github.rdpdoctor.collectors.CollectorRunner;
import io.github.rdpdoctor.collectors.SymptomCollector;
import io.github.rdpdoctor.symptoms.SymptomSet;
import io.github.rdpdoctor.symptoms.Vocabulary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One collection on this Windows machine, for {@code rdp-doctor collect}: runs the Windows collectors of
 * one side through a {@link CollectorRunner} and returns a contract {@link SymptomSet} with their
 * symptoms, events, sessions and warnings.
 */
public final class WindowsCollection {
    /** Default budget of one collector (one PowerShell run). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);

    private WindowsCollection() {
    }

    /** Every Windows collector of this package, sharing one runner, OS name and clock. */
    public static List<WindowsCollector> collectors(CommandRunner runner, Supplier<String> osName, Clock clock) {
        return List.of(new ServicesCollector(runner, osName, clock), new RdpSettingsCollector(runner, osName, clock),
                new FirewallCollector(runner, osName, clock), new CertificateCollector(runner, osName, clock),
                new SessionsCollector(runner, osName, clock), new EventsCollector(runner, osName, clock),
                new LicensingCollector(runner, osName, clock), new UpdatesCollector(runner, osName, clock),
                new SecurityProductsCollector(runner, osName, clock), new OsCollector(runner, osName, clock),
                new DomainCollector(runner, osName, clock), new EntraCollector(runner, osName, clock),
                new ClientRdpCollector(runner, osName, clock), new VpnCollector(runner, osName, clock));
    }

    /** The Windows collectors registered with ServiceLoader (this package's, and any other WindowsCollector). */
    public static List<SymptomCollector> discovered() {
        List<SymptomCollector> out = new ArrayList<>();
        for (SymptomCollector c : CollectorRunner.discover().collectors()) {
            if (c instanceof WindowsCollector) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Collects one side.
     *
     * @param host       the name written as the symptom file's host (the RDP host; on the client side the
     *                   host the user connects to, used to find saved credentials)
     * @param collectors the collectors to run (those that do not serve the side are skipped)
     * @param timeout    budget of each collector
     */
    public static SymptomSet collect(Side side, String host, List<? extends SymptomCollector> collectors, Duration timeout,
                                     Clock clock) {
        CollectionTarget target = new CollectionTarget(host, CollectionTarget.DEFAULT_PORT, null,
                Map.of(WindowsCollector.SIDE_OPTION, side.optionValue()));
        Instant started = clock.instant();
        CollectionReport report = new CollectorRunner(collectors, Duration.ofSeconds(5), timeout).run(target);
        return CollectedSymptoms.toSymptomSet(report, Vocabulary.bundled(), host, "collect:" + side.optionValue(), started);
    }
}
