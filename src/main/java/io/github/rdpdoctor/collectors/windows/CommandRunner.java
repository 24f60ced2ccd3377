package io.github.rdpdoctor.collectors.windows;

import java.time.Duration;
import java.util.List;

/**
 * Runs one external command and captures what it printed. The Windows collectors run PowerShell
 * through this interface, so that their parsers can be tested with recorded outputs on any OS.
 *
 * <p>Implementations must be thread-safe.
 */
public interface CommandRunner {

    /**
     * Runs {@code command} (program and arguments, no shell) and waits at most {@code timeout}.
     * A command that does not finish in time is killed and reported with {@link CommandResult#timedOut()}.
     *
     * @return what the command printed and its exit code, never null
     * @throws java.io.IOException  when the program cannot be started (e.g. not installed)
     * @throws InterruptedException when the calling thread is interrupted while waiting; the command is killed
     */
    CommandResult run(List<String> command, Duration timeout) throws java.io.IOException, InterruptedException;
}
