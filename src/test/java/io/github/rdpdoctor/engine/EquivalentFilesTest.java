package io.github.rdpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.rdpdoctor.symptoms.SymptomLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The same facts written another way the contract allows get the same diagnosis: a YAML file saved as JSON (what
 * scripts and fleet tools write), hex codes as numbers (2308 for "0x904"), an extra name the vocabulary does not know, and the symptoms, events and sessions listed in
 * another order (collectors list them as they come). Checked on every scenario file — examples and blind holdout cases —
 * because a rule or a loader path that depends on the spelling would change a real admin's ranking without any
 * scenario noticing.
 */
class EquivalentFilesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    static RdpDoctor doctor;
    static SymptomLoader loader;

    @BeforeAll
    static void build() {
        doctor = RdpDoctor.builder().build();
        loader = doctor.loader();
    }

    @TestFactory
    Stream<DynamicTest> asJson() throws Exception {
        return each("as JSON", UnaryOperator.identity());
    }

    @TestFactory
    Stream<DynamicTest> hexCodesAsNumbers() throws Exception {
        return each("hex codes as numbers", doc -> {
            JsonNode symptoms = doc.get("symptoms");
            if (symptoms instanceof ObjectNode s) {
                for (String name : List.of("client.error_code", "client.extended_error_code")) {
                    JsonNode v = s.get(name);
                    if (v != null && v.isTextual() && v.asText().toLowerCase(Locale.ROOT).startsWith("0x")) {
                        s.put(name, Long.parseLong(v.asText().substring(2), 16));
                    }
                }
            }
            return doc;
        });
    }

    /** A name the vocabulary does not know passes to the rules with a warning; no bundled rule reads it. */
    @TestFactory
    Stream<DynamicTest> anUnknownNameAdded() throws Exception {
        return each("with an unknown name", doc -> {
            if (!(doc.get("symptoms") instanceof ObjectNode)) {
                doc.set("symptoms", JSON.createObjectNode());
            }
            ((ObjectNode) doc.get("symptoms")).put("site.ticket_note", "user says it worked on Monday");
            return doc;
        });
    }

    @TestFactory
    Stream<DynamicTest> factsInReverseOrder() throws Exception {
        return each("facts in reverse order", doc -> {
            if (doc.get("symptoms") instanceof ObjectNode s) {
                List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
                s.fields().forEachRemaining(entries::add);
                ObjectNode reversed = JSON.createObjectNode();
                for (int i = entries.size() - 1; i >= 0; i--) {
                    reversed.set(entries.get(i).getKey(), entries.get(i).getValue());
                }
                doc.set("symptoms", reversed);
            }
            for (String list : List.of("events", "sessions")) {
                if (doc.get(list) instanceof ArrayNode a) {
                    ArrayNode reversed = JSON.createArrayNode();
                    for (int i = a.size() - 1; i >= 0; i--) {
                        reversed.add(a.get(i));
                    }
                    doc.set(list, reversed);
                }
            }
            return doc;
        });
    }

    private Stream<DynamicTest> each(String how, UnaryOperator<ObjectNode> change) throws Exception {
        List<Path> files = new ArrayList<>(ScenarioRunner.scenarioFiles(Path.of("examples")));
        files.addAll(ScenarioRunner.scenarioFiles(Path.of("src/test/resources/holdout")));
        assertTrue(files.size() > 150, "scenario files missing: " + files.size());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName() + " " + how, () -> {
            byte[] original = Files.readAllBytes(f);
            ObjectNode doc = (ObjectNode) (f.toString().endsWith(".json") ? JSON : YAML).readTree(original);
            byte[] rewritten = JSON.writeValueAsBytes(change.apply(doc));
            Diagnosis expected = doctor.diagnose(loader.parse(f.toString(), original));
            Diagnosis actual = doctor.diagnose(loader.parse(f + ".json", rewritten));
            assertEquals(summary(expected), summary(actual), f + " " + how);
        }));
    }

    /** Ranked ids, confidences to 1e-9 (the combination's floating-point order may differ), evidence as a sorted list. */
    private static List<String> summary(Diagnosis d) {
        List<String> out = new ArrayList<>();
        out.add("host " + d.host());
        for (RankedCause c : d.causes()) {
            out.add(String.format(Locale.ROOT, "%s %.9f", c.id(), c.confidence()));
            List<String> evidence = new ArrayList<>();
            for (Iterator<Evidence> it = c.evidence().iterator(); it.hasNext();) {
                Evidence e = it.next();
                evidence.add(String.format(Locale.ROOT, "  %s %.4f %s", e.rule(), e.weight(), e.detail()));
            }
            evidence.sort(null);
            out.addAll(evidence);
        }
        return out;
    }
}
