package io.github.rdpdoctor.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The global through which rules report what they conclude. One instance per diagnosis.
 *
 * <pre>
 * global io.github.rdpdoctor.engine.Findings findings;
 * ...
 * then
 *     findings.support(kcontext, "firewall-blocking", 0.5, "TCP connect to the RDP port got no answer");
 * </pre>
 *
 * Weights are in (0, 1]: how strongly this one fact alone speaks for ({@link #support}) or against
 * ({@link #against}) the cause. They are combined per cause as certainty factors (see {@link ConfidenceModel}).
 */
public final class Findings {
    /** One raw finding of one rule firing. */
    public record Finding(String causeId, double weight, String rule, String detail) {
    }

    private final List<Finding> findings = new ArrayList<>();

    /** The rule that fired adds evidence for {@code causeId} with strength {@code weight} in (0, 1]. */
    public void support(RuleContext ctx, String causeId, double weight, String detail) {
        add(ctx, causeId, weight, weight, detail);
    }

    /** The rule that fired adds evidence against {@code causeId} with strength {@code weight} in (0, 1]. */
    public void against(RuleContext ctx, String causeId, double weight, String detail) {
        add(ctx, causeId, weight, -weight, detail);
    }

    /** {@code weight} as the rule gave it (checked: a negative weight does not turn support into evidence against). */
    private void add(RuleContext ctx, String causeId, double weight, double signedWeight, String detail) {
        String rule = ctx == null ? "?" : ctx.getRule().getName();
        if (!(weight > 0 && weight <= 1)) {
            throw new RuleAuthoringException("rule \"" + rule + "\" gave weight " + weight
                    + " for cause '" + causeId + "'; weights must be in (0, 1]");
        }
        findings.add(new Finding(causeId, signedWeight, rule, detail == null ? "" : detail));
    }

    /** What the rules reported so far, in firing order. */
    public List<Finding> all() {
        return Collections.unmodifiableList(findings);
    }

    void clear() {
        findings.clear();
    }
}
