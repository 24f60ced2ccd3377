package io.github.rdpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rdpdoctor.knowledge.Cause;
import io.github.rdpdoctor.symptoms.SymptomDefinition;
import io.github.rdpdoctor.symptoms.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled rules as data: coverage of the contract, naming and source comments. */
class BundledRulesTest {
    static final List<Integer> CONTRACT_EVENTS = List.of(1057, 1058, 36870, 36871, 36874, 36887, 36888,
            1511, 1515, 1502, 1508, 1006, 1003, 1004, 71, 1149);
    static final Pattern RULE = Pattern.compile("^rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);

    static RdpDoctor doctor;
    static String allDrl;

    @BeforeAll
    static void build() {
        doctor = RdpDoctor.builder().build();
        StringBuilder sb = new StringBuilder();
        doctor.ruleSources().forEach(s -> sb.append(s.drl()).append('\n'));
        allDrl = sb.toString();
    }

    @Test
    void bundledRulesCompileInGroupsByArea() {
        List<String> files = doctor.ruleSources().stream().map(RuleSource::name).toList();
        assertTrue(files.size() >= 6, files.toString());
        assertTrue(files.stream().allMatch(f -> f.startsWith("rules/") && f.endsWith(".drl")), files.toString());
    }

    /**
     * Every contract name has a rule. Extension names ({@code extension: true}, added beyond contract v1, e.g.
     * per-request probe details) need none: rules read them only where they are evidence of a cause.
     */
    @Test
    void everyVocabularyNameIsUsedByARule() {
        List<String> unused = new ArrayList<>();
        int contract = 0;
        for (SymptomDefinition d : Vocabulary.bundled().definitions()) {
            if (d.extension()) {
                continue;
            }
            contract++;
            if (!allDrl.contains("name == \"" + d.name() + "\"")) {
                unused.add(d.name());
            }
        }
        assertTrue(unused.isEmpty(), "symptoms no rule reads: " + unused);
        assertEquals(60, contract, "contract v1 has 60 names; new names must be marked extension: true");
    }

    @Test
    void everyContractEventIdIsUsedByARule() {
        List<Integer> unused = new ArrayList<>();
        for (int id : CONTRACT_EVENTS) {
            if (!Pattern.compile("\\bid\\s*==\\s*" + id + "\\b").matcher(allDrl).find()) {
                unused.add(id);
            }
        }
        assertTrue(unused.isEmpty(), "events no rule reads: " + unused);
    }

    @Test
    void everyCauseIsConcludedByARuleNamedAfterIt() {
        List<String> names = new ArrayList<>();
        Matcher m = RULE.matcher(allDrl);
        while (m.find()) {
            names.add(m.group(1));
        }
        assertTrue(names.size() >= 80, "only " + names.size() + " rules");
        List<String> ids = doctor.knowledge().causes().stream().map(Cause::id).toList();
        for (String name : names) {
            assertTrue(ids.stream().anyMatch(id -> name.startsWith(id + ": ")),
                    "rule name should start with the cause it concludes: " + name);
        }
        for (String id : ids) {
            assertTrue(allDrl.contains("\"" + id + "\","), "no rule concludes " + id);
        }
    }

    @Test
    void everyRuleCitesItsSourceInTheCommentAboveIt() {
        for (RuleSource src : doctor.ruleSources()) {
            String[] lines = src.drl().split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].startsWith("rule ")) {
                    boolean cited = false;
                    for (int j = i - 1; j >= 0 && lines[j].trim().startsWith("//"); j--) {
                        cited |= lines[j].contains("Source:");
                    }
                    assertTrue(cited, src.name() + ":" + (i + 1) + " has no '// Source:' comment: " + lines[i]);
                }
            }
        }
    }

    @Test
    void consequencesOnlyReportFindings() {
        assertEquals(-1, allDrl.indexOf("insert("), "bundled rules must not insert facts");
        assertEquals(-1, allDrl.indexOf("modify("), "bundled rules must not modify facts");
    }
}
