package io.github.rdpdoctor.engine;

import java.util.List;

/**
 * Combines weighted evidence into a confidence, MYCIN-style certainty factors.
 *
 * <p>Supporting weights s_i combine as S = 1 - Π(1 - s_i); weights against, a_j, as A = 1 - Π(1 - a_j).
 * The confidence is CF = (S - A) / (1 - min(S, A)). Properties the ranking relies on:
 * <ul>
 *   <li>more supporting evidence never lowers CF (∂CF/∂s_i ≥ 0), evidence against never raises it;</li>
 *   <li>CF ≤ S ≤ 1 and CF = S without evidence against;</li>
 *   <li>several weak hints stay weak: three hints of 0.2 give 0.49.</li>
 * </ul>
 * A cause is listed only when S &gt; 0 and CF &gt; 0.
 */
public final class ConfidenceModel {
    private ConfidenceModel() {
    }

    /** Combined strength of independent weights in (0, 1]: 1 - Π(1 - w). */
    public static double combine(List<Double> weights) {
        double rest = 1.0;
        for (double w : weights) {
            rest *= 1.0 - Math.min(1.0, Math.abs(w));
        }
        return 1.0 - rest;
    }

    /** Certainty factor from combined support {@code s} and combined counter-evidence {@code a}. */
    public static double certainty(double s, double a) {
        double m = Math.min(s, a);
        if (m >= 1.0) {
            return 0.0;
        }
        return (s - a) / (1.0 - m);
    }
}
