package io.github.rdpdoctor.engine;

import io.github.rdpdoctor.symptoms.Spelling;
import io.github.rdpdoctor.symptoms.SymptomDefinition;
import io.github.rdpdoctor.symptoms.SymptomType;
import io.github.rdpdoctor.symptoms.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Finds symptom patterns that compile but can never match as the author meant, checked against the vocabulary:
 * a name that is not in it (usually a typo), a typed view that the symptom never has ({@code flag} of a number,
 * {@code number} of a text), and an enum compared with a value it cannot take. Drools accepts all of these
 * silently; the rule would just never fire.
 */
final class VocabularyCheck {
    private static final Pattern NAME = Pattern.compile("^\\s*name\\s*==\\s*\"([^\"]+)\"\\s*$");
    /** A typed view read on the pattern's own symptom (not {@code $x.text} and not inside a string). */
    private static final Pattern VIEW = Pattern.compile("(?<![\\w.$])(flag|number|text)\\b");
    private static final Pattern TEXT_COMPARED = Pattern.compile("(?<![\\w.$])text\\s*(==|!=)\\s*\"([^\"]*)\"");
    /** Not in the vocabulary: the engine adds it to every diagnosis. */
    private static final SymptomDefinition TARGET_HOST = new SymptomDefinition(RdpDoctor.TARGET_HOST, SymptomType.STRING,
            Double.NaN, Double.NaN, List.of(), "the RDP target as the user typed it");

    private VocabularyCheck() {
    }

    /** Warnings for every symptom pattern of {@code sources} that cannot match as written. */
    static List<RuleProblem> warnings(List<RuleSource> sources, Vocabulary vocabulary) {
        return warnings(sources, vocabulary, RuleCompiler::parse);
    }

    static List<RuleProblem> warnings(List<RuleSource> sources, Vocabulary vocabulary, java.util.function.Function<RuleSource, Optional<PackageDescr>> parsed) {
        List<RuleProblem> out = new ArrayList<>();
        java.util.Set<String> derived = derivedNames(sources, parsed);
        for (RuleSource src : sources) {
            Optional<PackageDescr> pkg = parsed.apply(src);
            if (pkg.isEmpty()) {
                continue; // a syntax error: compiling reports it
            }
            for (RuleDescr rule : pkg.get().getRules()) {
                if (rule.getLhs() != null) {
                    walk(rule.getLhs(), src, rule, vocabulary, derived, out);
                }
            }
        }
        return out;
    }

    /** {@code new Symptom("NAME", ...)} in a consequence: a name some rule derives. */
    private static final Pattern DERIVED = Pattern.compile("\\bnew\\s+(?:[\\w.]+\\.)?Symptom\\s*\\(\\s*\"([^\"]+)\"");

    /** The symptom names the rules' consequences create. */
    private static java.util.Set<String> derivedNames(List<RuleSource> sources, java.util.function.Function<RuleSource, Optional<PackageDescr>> parsed) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (RuleSource src : sources) {
            parsed.apply(src).ifPresent(pkg -> pkg.getRules().forEach(rule -> {
                Matcher m = DERIVED.matcher(String.valueOf(rule.getConsequence()));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }));
        }
        return names;
    }

    private static void walk(BaseDescr d, RuleSource src, RuleDescr rule, Vocabulary vocabulary, java.util.Set<String> derived,
                             List<RuleProblem> out) {
        if (d instanceof PatternDescr p) {
            if (JoinFolding.isSymptomType(p.getObjectType())) {
                checkPattern(p, src, rule, vocabulary, derived, out);
            }
            if (p.getSource() instanceof AccumulateDescr acc && acc.getInput() != null) {
                walk(acc.getInput(), src, rule, vocabulary, derived, out);
            } else if (p.getSource() instanceof CollectDescr col && col.getInputPattern() != null) {
                walk(col.getInputPattern(), src, rule, vocabulary, derived, out);
            }
        } else if (d instanceof ConditionalElementDescr ce) {
            for (BaseDescr child : ce.getDescrs()) {
                walk(child, src, rule, vocabulary, derived, out);
            }
        }
    }

    private static void checkPattern(PatternDescr p, RuleSource src, RuleDescr rule, Vocabulary vocabulary,
                                     java.util.Set<String> derived, List<RuleProblem> out) {
        String name = null;
        List<ExprConstraintDescr> others = new ArrayList<>();
        for (BaseDescr c : p.getDescrs()) {
            if (c instanceof ExprConstraintDescr e) {
                Matcher m = NAME.matcher(e.getExpression());
                if (name == null && m.matches()) {
                    name = m.group(1);
                } else {
                    others.add(e);
                }
            }
        }
        if (name == null) {
            return; // no literal name: nothing to check against
        }
        String where = "rule \"" + rule.getName() + "\": ";
        Optional<SymptomDefinition> def = name.equals(RdpDoctor.TARGET_HOST) ? Optional.of(TARGET_HOST)
                : vocabulary.definition(name);
        if (def.isEmpty() && derived.contains(name)) {
            return; // a rule inserts symptoms of this name: the name is the rule author's own
        }
        if (def.isEmpty()) {
            String hint = Spelling.hint(name, vocabulary.definitions().stream().map(SymptomDefinition::name));
            out.add(problem(src, p, where + "symptom '" + name + "' is not in the vocabulary (kb/symptoms.yaml), "
                    + "so only files that carry this unknown name match" + hint));
            return;
        }
        SymptomType type = def.get().type();
        for (ExprConstraintDescr e : others) {
            String code = JoinFolding.STRING_LITERAL.matcher(e.getExpression()).replaceAll("\"\"");
            Matcher v = VIEW.matcher(code);
            while (v.find()) {
                String view = v.group(1);
                if (view.equals("flag") && type != SymptomType.BOOL
                        || view.equals("number") && (type == SymptomType.BOOL || type == SymptomType.STRING
                        || type == SymptomType.ENUM || type == SymptomType.THUMBPRINT)) {
                    out.add(problem(src, e, where + name + " is a " + type.name().toLowerCase(java.util.Locale.ROOT)
                            + " symptom and has no '" + view + "', so '" + e.getExpression() + "' does not test it; use '"
                            + viewFor(type) + "'"));
                    break;
                }
            }
            if (type == SymptomType.ENUM) {
                Matcher t = TEXT_COMPARED.matcher(e.getExpression());
                while (t.find()) {
                    if (!def.get().values().contains(t.group(2))) {
                        out.add(problem(src, e, where + "\"" + t.group(2) + "\" is not a value of " + name + " ("
                                + String.join(", ", def.get().values()) + "), so 'text " + t.group(1) + " \""
                                + t.group(2) + "\"' is " + (t.group(1).equals("==") ? "never" : "always") + " true"));
                    }
                }
            }
        }
    }

    private static String viewFor(SymptomType type) {
        return switch (type) {
            case BOOL -> "flag";
            case INT, NUMBER -> "number";
            case HEX -> "text (\"0x904\") or number";
            case STRING, ENUM, THUMBPRINT -> "text";
        };
    }

    private static RuleProblem problem(RuleSource src, BaseDescr at, String message) {
        return new RuleProblem(src.name(), Math.max(at.getLine(), 0), Math.max(at.getColumn() + 1, 0), message);
    }
}
