package io.github.rdpdoctor.engine;

import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean ...?" for a misspelt symptom name or cause id. */
final class Spelling {
    /** At most four edits apart: further than that, a suggestion is a guess. */
    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(4);

    private Spelling() {
    }

    /** The known word closest to {@code word} (the first in alphabetical order on a tie), if one is close enough. */
    static Optional<String> closest(String word, Stream<String> known) {
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
    static String hint(String word, Stream<String> known) {
        return closest(word, known).map(c -> "; did you mean '" + c + "'?").orElse("");
    }
}
