package io.github.rdpdoctor.symptoms;

import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean ...?" for a misspelt symptom name or cause id (loader warnings, rule and scenario checks). */
public final class Spelling {
    /** At most four edits apart: further than that, a suggestion is a guess. */
    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(4);

    private Spelling() {
    }

    /** The known word closest to {@code word} (the first in alphabetical order on a tie), if one is close enough. */
    public static Optional<String> closest(String word, Stream<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : (Iterable<String>) known::iterator) {
            int distance = DISTANCE.apply(candidate, word); // -1: more than the threshold apart
            if (distance >= 0 && (distance < bestDistance || distance == bestDistance && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code "; did you mean 'x'?"} or nothing. */
    public static String hint(String word, Stream<String> known) {
        return closest(word, known).map(c -> "; did you mean '" + c + "'?").orElse("");
    }
}
