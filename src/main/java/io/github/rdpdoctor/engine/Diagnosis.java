package io.github.rdpdoctor.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.github.rdpdoctor.knowledge.Placeholders;
import io.github.rdpdoctor.knowledge.RemediationStep;
import java.util.List;
import java.util.Optional;

/**
 * The result of diagnosing one failed connection: causes ranked best first, and warnings about the input.
 *
 * <p>The remediation steps are the knowledge base's, with its placeholders: {@code HOST} stands for {@code host} and
 * {@code PORT} for {@code port}; {@link Placeholders#fill(RemediationStep, String, int)} puts them in, as the text and
 * Markdown output do.
 *
 * @param host     the RDP target
 * @param port     the RDP port of the connection, which the knowledge base's {@code PORT} stands for: the facts'
 *                 {@code network.rdp_port}, else the port in {@code host} ({@code name:port}), else 3389
 * @param source   where the facts came from (file name, "probe", ...)
 * @param causes   best first; only causes with supporting evidence and a positive confidence
 * @param warnings unknown symptom names, collector failures, merge conflicts, ...
 */
public record Diagnosis(String host, int port, String source, List<RankedCause> causes, List<String> warnings) {
    /**
     * Holds unmodifiable copies of the lists.
     *
     * @throws IllegalArgumentException when {@code port} is not 1 to 65535
     */
    public Diagnosis {
        if (!Placeholders.isPort(port)) {
            throw new IllegalArgumentException("not a port: " + port);
        }
        causes = List.copyOf(causes);
        warnings = List.copyOf(warnings);
    }

    /** The most likely cause, if any cause has supporting evidence. */
    @JsonIgnore
    public Optional<RankedCause> top() {
        return causes.isEmpty() ? Optional.empty() : Optional.of(causes.get(0));
    }

    /**
     * A cause's remediation steps with {@code HOST} and {@code PORT} filled in for this connection (see
     * {@link Placeholders#fill(String, String, int)}: {@code HOST} only when the host is a plain DNS name or IPv4
     * address).
     */
    public List<RemediationStep> remediation(RankedCause cause) {
        String name = Placeholders.hostName(host);
        return cause.remediation().stream().map(s -> Placeholders.fill(s, name, port)).toList();
    }

    /** The listed cause with this id, if any. */
    public Optional<RankedCause> cause(String id) {
        return causes.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
