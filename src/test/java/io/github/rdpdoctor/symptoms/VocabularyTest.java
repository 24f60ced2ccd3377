package io.github.rdpdoctor.symptoms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** An embedder's replacement vocabulary ({@code RdpDoctor.builder().vocabulary(...)}). */
class VocabularyTest {
    static Vocabulary parse(String yaml) throws IOException {
        return Vocabulary.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "my-symptoms.yaml");
    }

    @Test
    void aMalformedDocumentNamesItsFileAndLineNotTheParsersException() {
        IOException e = assertThrows(IOException.class, () -> parse("symptoms:\n  a.b: {type: int\n"));
        assertEquals(IOException.class, e.getClass());
        assertTrue(e.getMessage().startsWith("my-symptoms.yaml:3: malformed YAML: while parsing a flow mapping: "),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    /** A range bound that is not a number used to be read as 0, so "min: abc" quietly refused every negative value. */
    @Test
    void aRangeBoundThatIsNotANumberIsRefused() {
        IOException e = assertThrows(IOException.class, () -> parse("symptoms:\n  a.b: {type: int, min: abc}\n"));
        assertEquals("my-symptoms.yaml: symptom a.b: 'min' must be a number, got 'abc'", e.getMessage());
        IOException quoted = assertThrows(IOException.class, () -> parse("symptoms:\n  a.b: {type: number, max: \"9\"}\n"));
        assertEquals("my-symptoms.yaml: symptom a.b: 'max' must be a number, got '9'", quoted.getMessage());
    }

    @Test
    void aWellFormedDocumentStillParses() throws IOException {
        Vocabulary v = parse("symptoms:\n  a.b: {type: int, min: 1, max: 9}\n");
        assertEquals(1.0, v.definition("a.b").orElseThrow().min());
        assertEquals(9.0, v.definition("a.b").orElseThrow().max());
        assertTrue(Double.isNaN(parse("symptoms:\n  a.b: {type: int}\n").definition("a.b").orElseThrow().min()));
    }
}
