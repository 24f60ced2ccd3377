package io.github.rdpdoctor.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Rewrites a rule that joins symptoms into a rule with one pattern, before Drools compiles it. A file has one
 * symptom per name, so
 * <pre>
 *     Symptom(name == "client.saved_credentials", flag == true)
 *     $w : Symptom(name == "test.by_ip_works", flag == true)
 *     not Symptom(name == "client.other_hosts_work", flag == false)
 * </pre>
 * means the same as
 * <pre>
 *     Symptom(name == "client.saved_credentials", flag == true,
 *             has("test.by_ip_works"), other("test.by_ip_works").flag == true, $w : other("test.by_ip_works"),
 *             (!has("client.other_hosts_work") || other("client.other_hosts_work").flag != false))
 * </pre>
 * where {@link io.github.rdpdoctor.symptoms.Symptom#other other} reads a symptom of the same file. Drools still
 * finds the first symptom by hashing its name, but no longer builds a join: a diagnosis costs about a quarter less.
 *
 * <p>Only rules whose conditions are all plain {@code Symptom(name == "...", ...)} patterns (or {@code not} of
 * one) and whose other patterns refer to no variable are folded; everything else is left as written. The text
 * outside the conditions is kept byte for byte and the conditions keep their line count, so line numbers in
 * problems and stack traces still point into the author's file.
 */
final class JoinFolding {
    private static final Pattern NAME = Pattern.compile("^\\s*name\\s*==\\s*\"([^\"\\\\]+)\"\\s*$");
    /** A DRL string literal, escapes included. */
    static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    /** A property of the pattern's own symptom: not after a dot, a $variable or another identifier. */
    private static final Pattern OWN_PROPERTY = Pattern.compile("(?<![\\w.$])(flag|number|text|value|line)\\b");
    /**
     * What a folded pattern may not refer to: variables, bindings, {@code this}, its name, and the symptom's methods
     * called without a property ({@code getText()}, {@code toString()}), which would run on the first symptom.
     */
    private static final Pattern NOT_FOLDABLE = Pattern.compile(
            "[$:]|\\b(this|name)\\b|(?<![\\w.])(get[A-Z]\\w*|toString|equals|hashCode)\\s*\\(");

    /** The rewritten DRL and the names of the rules that were folded. */
    record Result(String drl, List<String> foldedRules) {
    }

    private JoinFolding() {
    }

    static Result fold(RuleSource src) {
        return fold(src, RuleCompiler.parse(src));
    }

    /** Folds with the DRL already parsed ({@code pkg} empty when it does not parse: then nothing is folded). */
    static Result fold(RuleSource src, Optional<PackageDescr> pkg) {
        if (pkg.isEmpty()) {
            return new Result(src.drl(), List.of());
        }
        String drl = src.drl();
        StringBuilder out = new StringBuilder(drl.length());
        List<String> folded = new ArrayList<>();
        int copied = 0;
        for (RuleDescr rule : pkg.get().getRules()) {
            Optional<Region> region = foldable(rule, drl);
            if (region.isEmpty() || region.get().start < copied) {
                continue;
            }
            out.append(drl, copied, region.get().start).append(region.get().replacement);
            copied = region.get().end;
            folded.add(rule.getName());
        }
        out.append(drl, copied, drl.length());
        return new Result(folded.isEmpty() ? drl : out.toString(), List.copyOf(folded));
    }

    /** A stretch of the DRL text and what replaces it. */
    private record Region(int start, int end, String replacement) {
    }

    private record Part(String name, String identifier, List<String> constraints, boolean negated) {
    }

    private static Optional<Region> foldable(RuleDescr rule, String drl) {
        AndDescr lhs = rule.getLhs();
        if (lhs == null || lhs.getDescrs().size() < 2) {
            return Optional.empty();
        }
        PatternDescr anchor = null;
        List<Part> others = new ArrayList<>();
        int start = Integer.MAX_VALUE;
        int end = -1;
        for (BaseDescr d : lhs.getDescrs()) {
            boolean negated = d instanceof NotDescr;
            if (negated && ((NotDescr) d).getDescrs().size() != 1) {
                return Optional.empty();
            }
            BaseDescr inner = negated ? (BaseDescr) ((NotDescr) d).getDescrs().get(0) : d;
            if (!(inner instanceof PatternDescr p) || !isPlainSymptom(p) || d.getStartCharacter() < 0
                    || d.getEndCharacter() <= d.getStartCharacter()) {
                return Optional.empty();
            }
            start = Math.min(start, d.getStartCharacter());
            end = Math.max(end, d.getEndCharacter());
            if (anchor == null && !negated) {
                anchor = p;
                continue;
            }
            Optional<Part> part = part(p, negated);
            if (part.isEmpty()) {
                return Optional.empty();
            }
            others.add(part.get());
        }
        if (anchor == null || others.isEmpty()) {
            return Optional.empty();
        }
        // the anchor's text includes its binding ("$s : Symptom(...)"); the others go before its closing parenthesis
        String anchorText = drl.substring(anchor.getStartCharacter(), anchor.getEndCharacter());
        int close = anchorText.lastIndexOf(')');
        StringBuilder extra = new StringBuilder();
        for (Part p : others) {
            String has = "has(\"" + p.name + "\")";
            String other = "other(\"" + p.name + "\")";
            if (p.negated) {
                // not (has && c1 && c2) = !has || !c1 || !c2, an equality negated as the opposite equality
                StringBuilder any = new StringBuilder("(!").append(has);
                p.constraints.forEach(c -> any.append(" || ").append(qualify(negate(c), other)));
                extra.append(", ").append(any).append(')');
            } else {
                extra.append(", ").append(has);
                p.constraints.forEach(c -> extra.append(", ").append(qualify(c, other)));
                if (p.identifier != null) {
                    extra.append(", ").append(p.identifier).append(" : ").append(other);
                }
            }
        }
        String merged = anchorText.substring(0, close) + extra + anchorText.substring(close);
        long lines = drl.substring(start, end).chars().filter(ch -> ch == '\n').count();
        return Optional.of(new Region(start, end, merged + "\n".repeat((int) lines)));
    }

    private static boolean isPlainSymptom(PatternDescr p) {
        return isSymptomType(p.getObjectType()) && p.getSource() == null
                && !p.isQuery() && !p.getDescrs().isEmpty() && p.getDescrs().get(0) instanceof ExprConstraintDescr e
                && NAME.matcher(e.getExpression()).matches();
    }

    /** Whether a pattern's type names the symptom fact ({@code Symptom} or its qualified name). */
    static boolean isSymptomType(String objectType) {
        return objectType != null && (objectType.equals("Symptom") || objectType.endsWith(".Symptom"));
    }

    private static Optional<Part> part(PatternDescr p, boolean negated) {
        if (negated && p.getIdentifier() != null) {
            return Optional.empty();
        }
        String name = null;
        List<String> constraints = new ArrayList<>();
        for (BaseDescr c : p.getDescrs()) {
            if (!(c instanceof ExprConstraintDescr e)) {
                return Optional.empty();
            }
            if (name == null) {
                Matcher m = NAME.matcher(e.getExpression());
                m.matches();
                name = m.group(1);
                continue;
            }
            String code = STRING_LITERAL.matcher(e.getExpression()).replaceAll("\"\"");
            if (NOT_FOLDABLE.matcher(code).find()) {
                return Optional.empty();
            }
            constraints.add(e.getExpression());
        }
        return Optional.of(new Part(name, p.getIdentifier(), constraints, negated));
    }

    private static final Pattern EQUALITY = Pattern.compile(
            "^([^&|!=<>]+?)\\s*(==|!=)\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|true|false|-?\\d+(?:\\.\\d+)?)$");

    /**
     * {@code !(c)}; an equality with a literal is turned around instead ({@code x != v} for {@code x == v}), which
     * means the same also for null and NaN.
     */
    static String negate(String constraint) {
        Matcher m = EQUALITY.matcher(constraint.strip());
        if (m.matches() && !STRING_LITERAL.matcher(m.group(1)).find()) {
            return m.group(1) + (m.group(2).equals("==") ? " != " : " == ") + m.group(3);
        }
        return "!(" + constraint + ")";
    }

    /** {@code number > 365} of the symptom {@code other} becomes {@code other("...").number > 365}. */
    static String qualify(String constraint, String other) {
        String prefix = Matcher.quoteReplacement(other) + ".$1";
        StringBuilder out = new StringBuilder();
        Matcher literal = STRING_LITERAL.matcher(constraint);
        int at = 0;
        while (literal.find()) {
            out.append(OWN_PROPERTY.matcher(constraint.substring(at, literal.start())).replaceAll(prefix));
            out.append(literal.group());
            at = literal.end();
        }
        out.append(OWN_PROPERTY.matcher(constraint.substring(at)).replaceAll(prefix));
        return out.toString();
    }
}
