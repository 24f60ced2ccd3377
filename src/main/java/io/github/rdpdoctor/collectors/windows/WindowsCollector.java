package io.github.rdpdoctor.collectors.windows;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rdpdoctor.collectors.CollectionContext;
import io.github.rdpdoctor.collectors.CollectionTarget;
import io.github.rdpdoctor.collectors.CollectorResult;
import io.github.rdpdoctor.collectors.SymptomCollector;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Base of the Windows collectors: each runs one PowerShell 5.1 snippet (see {@link Snippets}) through a
 * {@link CommandRunner} and turns its JSON output into symptoms, events, sessions and warnings.
 *
 * <p>A Windows collector applies only when Java runs on Windows and the target names the side with the
 * option {@value #SIDE_OPTION} ({@code host} or {@code client}); {@code rdp-doctor collect} sets it.
 * {@link #interpret} never throws: a failed, timed-out or garbled run becomes warnings, and whatever
 * could be read still counts.
 */
public abstract class WindowsCollector implements SymptomCollector {
    /** Target option naming the side: {@code host} or {@code client}. */
    public static final String SIDE_OPTION = "windows.side";
    /** Longest a snippet may run, also when the collector's own budget is longer. */
    public static final Duration MAX_RUN = Duration.ofSeconds(120);
    /** Warnings kept from one run's standard error. */
    static final int MAX_STDERR_WARNINGS = 10;

    private final CommandRunner runner;
    private final Supplier<String> osName;
    private final Clock clock;

    /** For ServiceLoader: real processes, this JVM's os.name, the system clock. */
    protected WindowsCollector() {
        this(new ProcessCommandRunner(), () -> System.getProperty("os.name", ""), Clock.systemUTC());
    }

    /**
     * @param runner runs powershell.exe
     * @param osName the OS name to check (tests pretend to be Windows)
     * @param clock  time of collection (ages, expiry)
     */
    protected WindowsCollector(CommandRunner runner, Supplier<String> osName, Clock clock) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.osName = Objects.requireNonNull(osName, "osName");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Resource name of the snippet, one of {@link Snippets#ALL}. */
    public abstract String snippet();

    /** The sides this collector serves. */
    public abstract Set<Side> sides();

    /** Reads the snippet's output; {@code root} is a missing node when it printed nothing. Must not throw. */
    protected abstract void parse(JsonNode root, WinFacts facts);

    /** After the network probes (100..500). */
    @Override
    public int order() {
        return 2000;
    }

    /** True when {@code os.name} names Windows. */
    public static boolean isWindows(String osName) {
        return osName != null && osName.toLowerCase(Locale.ROOT).startsWith("windows");
    }

    @Override
    public boolean appliesTo(CollectionTarget target, Map<String, Object> soFar) {
        return isWindows(osName.get()) && Side.of(target).map(sides()::contains).orElse(false);
    }

    @Override
    public CollectorResult collect(CollectionContext context) throws InterruptedException {
        CollectionTarget target = context.target();
        Side side = Side.of(target).orElse(Side.HOST);
        Duration timeout = context.remaining();
        if (timeout.compareTo(MAX_RUN) > 0) {
            timeout = MAX_RUN;
        }
        if (timeout.isZero() || timeout.isNegative()) {
            return CollectorResult.warning("no time left to run PowerShell");
        }
        CommandResult result;
        try {
            result = runner.run(Snippets.command(Snippets.runnerScript(snippet())), timeout);
        } catch (IOException e) {
            return CollectorResult.warning("cannot start Windows PowerShell: " + e.getMessage());
        }
        return interpret(result, side, side == Side.CLIENT ? target.host() : null, clock.instant());
    }

    /**
     * Turns one run's output into facts. Never throws.
     *
     * @param targetHost the RDP host the client connects to (client side), or null
     */
    public CollectorResult interpret(CommandResult run, Side side, String targetHost, Instant now) {
        WinFacts facts = new WinFacts(side, targetHost, now);
        if (run.timedOut()) {
            facts.warn("PowerShell did not finish in time and was stopped; facts may be missing");
        }
        List<String> errors = run.stderrLines();
        if (!run.timedOut() && run.exitCode() != 0) {
            facts.warn("PowerShell failed (exit code " + run.exitCode() + ")"
                    + (errors.isEmpty() ? "" : ": " + String.join(" / ", errors.subList(0, Math.min(3, errors.size())))));
        } else {
            errors.stream().limit(MAX_STDERR_WARNINGS).forEach(facts::warn);
            if (errors.size() > MAX_STDERR_WARNINGS) {
                facts.warn("... and " + (errors.size() - MAX_STDERR_WARNINGS) + " more problems");
            }
        }
        JsonNode root;
        try {
            root = PsJson.parse(run.stdout());
        } catch (PsJson.NotJsonException e) {
            facts.warn(e.getMessage());
            return facts.result();
        }
        if (root.isMissingNode() && !run.succeeded()) {
            return facts.result();
        }
        try {
            parse(root, facts);
        } catch (RuntimeException e) {
            // a parser bug must not lose the other collectors' facts
            facts.warn("could not read the output: " + e);
        }
        return facts.result();
    }

    /** The sides of a collector that only reads the host. */
    protected static Set<Side> hostOnly() {
        return EnumSet.of(Side.HOST);
    }

    protected static Set<Side> clientOnly() {
        return EnumSet.of(Side.CLIENT);
    }

    protected static Set<Side> bothSides() {
        return EnumSet.allOf(Side.class);
    }
}
