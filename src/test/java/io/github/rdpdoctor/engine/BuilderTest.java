package io.github.rdpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.rdpdoctor.symptoms.SymptomLoader;
import org.junit.jupiter.api.Test;

/** Mistakes an embedder can make with the builder, reported where they are made. */
class BuilderTest {
    /**
     * A null vocabulary used to be accepted and to surface only at the first diagnose, as a SymptomFileException that
     * called the caller's good file "malformed YAML" (the NullPointerException inside the loader was taken for a
     * parser error).
     */
    @Test
    void aNullVocabularyIsRefusedWhereItIsGiven() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> RdpDoctor.builder().vocabulary(null));
        assertEquals("vocabulary", e.getMessage());
        NullPointerException loader = assertThrows(NullPointerException.class, () -> new SymptomLoader(null));
        assertEquals("vocabulary", loader.getMessage());
    }
}
