package io.github.rdpdoctor.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Rewrites a rule that joins facts into a rule with fewer patterns, before Drools compiles it. A file has one
 * symptom per name, and every fact of a diagnosis sees its file ({@link io.github.rdpdoctor.symptoms.FileFacts}), so
 * <pre>
 *     Symptom(name == "client.saved_credentials", flag == true)
 *     $w : Symptom(name == "test.by_ip_works", flag == true)
 *     not Symptom(name == "client.other_hosts_work", flag == false)
 *     HostEvent(id == 1149)
 * </pre>
 * means the same as
 * <pre>
 *     Symptom(name == "client.saved_credentials", flag == true,
 *             hasSymptom("test.by_ip_works"), symptom("test.by_ip_works").flag == true, $w : symptom("test.by_ip_works"),
 *             (!hasSymptom("client.other_hosts_work") || symptom("client.other_hosts_work").flag != false),
 *             hasEvent(1149))
 * </pre>
 * Drools still finds the first symptom by hashing its name, but no longer builds a join.
 *
 * <p>What is folded: plain {@code Symptom(name == "...", ...)} patterns (or {@code not} of one), and {@code HostEvent}
 * patterns without a binding that only test ids ({@code id == 1149 || id == 261}, or {@code not} of one). They are
 * folded into the rule's one other {@code HostEvent} or {@code UserSession} pattern when it has exactly one and
 * nothing else (so a rule still fires once per session or event), otherwise into its first plain symptom pattern; any
 * other condition ({@code accumulate}, {@code exists}, {@code or}, a second session pattern, ...) stays as written.
 * A folded pattern may refer to the properties of the anchor's and of other folded symptoms' variables
 * ({@code $u.text}); anything else it refers to, and bindings inside it, leave the rule as written. An event pattern
 * without a binding matched by two events fired the rule twice with the same detail; folded it fires once, which
 * the ranking counts the same (a rule counts once per cause).
 *
 * <p>The text outside the conditions is kept byte for byte and every line keeps its place, so line numbers in
 * problems and stack traces still point into the author's file.
 */
final class JoinFolding {
    private static final Pattern NAME = Pattern.compile("^\\s*name\\s*==\\s*\"([^\"\\\\]+)\"\\s*$");
    /** A DRL string literal, escapes included. */
    static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    /**
     * A property of the pattern's own symptom, or a method of it called bare ({@code textIsAddress()}, {@code count("day")}):
     * not after a dot, a $variable or another identifier; {@code in (...)}, {@code not in (...)}, {@code contains (...)} and
     * Drools' other operators are not calls. (A DRL function called in a folded pattern would be qualified too: that folded
     * form does not compile, and the rule is compiled as written.)
     */
    private static final Pattern OWN_PROPERTY = Pattern.compile(
            "(?<![\\w.$])(flag|number|text|value|line)\\b|(?<![\\w.$])(?!(?:in|not|new|instanceof|contains|excludes|matches|memberOf|soundslike|str)\\b)([a-z_]\\w*)(?=\\s*\\()");
    /** A property or method of a variable: {@code $u.text}. */
    private static final Pattern VARIABLE_PROPERTY = Pattern.compile("(\\$[\\w$]*)\\.(?=[A-Za-z_])");
    /**
     * What a folded pattern may not refer to (once its variables' properties are set aside): variables, bindings,
     * {@code this}, its name, and the symptom's methods called without a property ({@code getText()},
     * {@code toString()}), which would run on the anchor.
     */
    private static final Pattern NOT_FOLDABLE = Pattern.compile(
            "[$:]|\\b(this|name)\\b|(?<![\\w.])(get[A-Z]\\w*|toString|equals|hashCode|hasSymptom|symptom|hasEvent)\\s*\\(");
    /** An event pattern that only tests ids. */
    private static final Pattern EVENT_IDS = Pattern.compile(
            "^\\s*id\\s*==\\s*\\d+(\\s*\\|\\|\\s*id\\s*==\\s*\\d+)*\\s*$");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

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
            Optional<List<Edit>> edits = foldable(rule, drl);
            if (edits.isEmpty() || edits.get().get(0).start < copied) {
                continue;
            }
            for (Edit e : edits.get()) {
                out.append(drl, copied, e.start).append(e.replacement);
                copied = e.end;
            }
            folded.add(rule.getName());
        }
        out.append(drl, copied, drl.length());
        return new Result(folded.isEmpty() ? drl : out.toString(), List.copyOf(folded));
    }

    /** A stretch of the DRL text and what replaces it. */
    private record Edit(int start, int end, String replacement) {
    }

    /** One condition of a rule: a pattern (maybe under {@code not}) and the text it spans. */
    private record Condition(BaseDescr descr, PatternDescr pattern, boolean negated, boolean exists) {
        boolean isSymptom() {
            return pattern != null && !exists && isPlainSymptom(pattern);
        }

        boolean isEventCheck() {
            return pattern != null && isIdCheck(pattern);
        }

        /** A plain event or session pattern: one that can anchor a fold. */
        boolean isFact() {
            return pattern != null && !negated && !exists && !isEventCheck() && pattern.getSource() == null && !pattern.isQuery()
                    && (isType(pattern.getObjectType(), "HostEvent") || isType(pattern.getObjectType(), "UserSession"));
        }
    }

    private static Optional<List<Edit>> foldable(RuleDescr rule, String drl) {
        AndDescr lhs = rule.getLhs();
        if (lhs == null || lhs.getDescrs().size() < 2) {
            return Optional.empty();
        }
        List<Condition> conditions = new ArrayList<>();
        for (BaseDescr d : lhs.getDescrs()) {
            if (d.getStartCharacter() < 0 || d.getEndCharacter() <= d.getStartCharacter()) {
                return Optional.empty();
            }
            boolean negated = d instanceof NotDescr n && n.getDescrs().size() == 1;
            boolean exists = d instanceof ExistsDescr x && x.getDescrs().size() == 1;
            BaseDescr inner = negated ? (BaseDescr) ((NotDescr) d).getDescrs().get(0)
                    : exists ? (BaseDescr) ((ExistsDescr) d).getDescrs().get(0) : d;
            conditions.add(new Condition(d, inner instanceof PatternDescr p ? p : null, negated, exists));
        }
        Condition anchor = anchor(conditions);
        if (anchor == null) {
            return Optional.empty();
        }
        String anchorVariable = anchor.pattern.getIdentifier();
        // variables of folded symptoms: their properties become symptom("name").property
        Map<String, String> symptomVariables = new HashMap<>();
        List<Condition> parts = new ArrayList<>();
        for (Condition c : conditions) {
            if (c != anchor && (c.isSymptom() || c.isEventCheck())) {
                parts.add(c);
                if (c.isSymptom() && c.pattern.getIdentifier() != null) {
                    if (c.negated) {
                        return Optional.empty();
                    }
                    symptomVariables.put(c.pattern.getIdentifier(), symptomName(c.pattern));
                }
            }
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        // the anchor's text includes its binding ("$s : UserSession(...)"); a symptom its own constraints refer to is
        // checked first, the parts go before its closing parenthesis
        String anchorText = drl.substring(anchor.descr.getStartCharacter(), anchor.descr.getEndCharacter());
        int open = anchorText.indexOf('(') + 1;
        int close = anchorText.lastIndexOf(')');
        String own = anchorText.substring(open, close);
        Set<String> checked = new LinkedHashSet<>();
        VARIABLE_PROPERTY.matcher(STRING_LITERAL.matcher(own).replaceAll("\"\"")).results()
                .map(m -> symptomVariables.get(m.group(1))).filter(Objects::nonNull).forEach(checked::add);
        StringBuilder merged = new StringBuilder(anchorText.substring(0, open));
        checked.forEach(name -> merged.append("hasSymptom(\"").append(name).append("\"), "));
        merged.append(replaceVariables(own, null, symptomVariables));
        for (Condition part : parts) {
            Optional<String> folded = part.isSymptom()
                    ? symptomPart(part, anchorVariable, symptomVariables, checked)
                    : Optional.of(eventPart(part));
            if (folded.isEmpty()) {
                return Optional.empty();
            }
            merged.append(", ").append(folded.get());
        }
        merged.append(anchorText.substring(close));
        List<Edit> edits = new ArrayList<>();
        for (Condition c : conditions) {
            int start = c.descr.getStartCharacter();
            int end = c.descr.getEndCharacter();
            if (c == anchor) {
                edits.add(new Edit(start, end, merged.toString()));
            } else if (parts.contains(c)) {
                long lines = drl.substring(start, end).chars().filter(ch -> ch == '\n').count();
                edits.add(new Edit(start, end, "\n".repeat((int) lines)));
            }
        }
        return Optional.of(edits);
    }

    /**
     * The pattern the others are folded into: the rule's one event or session pattern when everything else can be
     * folded into it, otherwise its first plain symptom pattern, otherwise (only symptoms under {@code not} and event
     * checks) its first event check; null when there is none.
     */
    private static Condition anchor(List<Condition> conditions) {
        List<Condition> facts = conditions.stream().filter(Condition::isFact).toList();
        boolean onlyFoldable = conditions.stream().allMatch(c -> c.isFact() || c.isSymptom() || c.isEventCheck());
        if (onlyFoldable && facts.size() == 1) {
            return facts.get(0);
        }
        for (Condition c : conditions) {
            if (c.isSymptom() && !c.negated) {
                return c;
            }
        }
        if (onlyFoldable && facts.isEmpty()) {
            for (Condition c : conditions) {
                if (c.isEventCheck() && !c.negated && !c.exists) {
                    return c;
                }
            }
        }
        return null;
    }

    private static boolean isPlainSymptom(PatternDescr p) {
        return isSymptomType(p.getObjectType()) && p.getSource() == null
                && !p.isQuery() && !p.getDescrs().isEmpty() && p.getDescrs().get(0) instanceof ExprConstraintDescr e
                && NAME.matcher(e.getExpression()).matches();
    }

    /** {@code HostEvent(id == 1149 || id == 261)}: no binding, only ids. */
    private static boolean isIdCheck(PatternDescr p) {
        return isType(p.getObjectType(), "HostEvent") && p.getIdentifier() == null && p.getSource() == null
                && !p.isQuery() && p.getDescrs().size() == 1 && p.getDescrs().get(0) instanceof ExprConstraintDescr e
                && EVENT_IDS.matcher(e.getExpression()).matches();
    }

    /** Whether a pattern's type names the symptom fact ({@code Symptom} or its qualified name). */
    static boolean isSymptomType(String objectType) {
        return isType(objectType, "Symptom");
    }

    private static boolean isType(String objectType, String simpleName) {
        return objectType != null && (objectType.equals(simpleName) || objectType.endsWith("." + simpleName));
    }

    private static String symptomName(PatternDescr p) {
        Matcher m = NAME.matcher(((ExprConstraintDescr) p.getDescrs().get(0)).getExpression());
        m.matches();
        return m.group(1);
    }

    /** {@code hasEvent(1149)} or {@code (hasEvent(1149) || hasEvent(261))}; under {@code not} the same with {@code !}. */
    private static String eventPart(Condition part) {
        String ids = ((ExprConstraintDescr) part.pattern.getDescrs().get(0)).getExpression();
        List<String> checks = NUMBER.matcher(ids).results().map(m -> "hasEvent(" + m.group() + ")").toList();
        String any = checks.size() == 1 ? checks.get(0) : "(" + String.join(" || ", checks) + ")";
        return part.negated ? "!" + any : any;
    }

    /**
     * A symptom pattern as constraints of the anchor: {@code hasSymptom("n")}, its constraints on
     * {@code symptom("n")}, its binding; under {@code not}, {@code (!hasSymptom("n") || !c1 || !c2)}. Without
     * {@code hasSymptom} when {@code checked} has the name already. Empty when a constraint cannot be folded.
     */
    private static Optional<String> symptomPart(Condition part, String anchorVariable, Map<String, String> symptomVariables,
                                                Set<String> checked) {
        String name = symptomName(part.pattern);
        String has = "hasSymptom(\"" + name + "\")";
        String symptom = "symptom(\"" + name + "\")";
        List<String> constraints = new ArrayList<>();
        List<? extends BaseDescr> descrs = part.pattern.getDescrs();
        for (BaseDescr c : descrs.subList(1, descrs.size())) {
            if (!(c instanceof ExprConstraintDescr e)) {
                return Optional.empty();
            }
            String code = STRING_LITERAL.matcher(e.getExpression()).replaceAll("\"\"");
            Matcher variable = VARIABLE_PROPERTY.matcher(code);
            while (variable.find()) {
                String v = variable.group(1);
                if (!v.equals(anchorVariable) && !symptomVariables.containsKey(v)) {
                    return Optional.empty();
                }
            }
            if (NOT_FOLDABLE.matcher(VARIABLE_PROPERTY.matcher(code).replaceAll("x.")).find()) {
                return Optional.empty();
            }
            String own = part.negated ? negate(e.getExpression()) : e.getExpression();
            constraints.add(replaceVariables(qualify(own, symptom), anchorVariable, symptomVariables));
        }
        if (part.negated) {
            StringBuilder any = new StringBuilder("(!").append(has);
            constraints.forEach(c -> any.append(" || ").append(c));
            return Optional.of(any.append(')').toString());
        }
        List<String> all = new ArrayList<>();
        if (!checked.contains(name)) {
            all.add(has);
        }
        all.addAll(constraints);
        if (part.pattern.getIdentifier() != null) {
            all.add(part.pattern.getIdentifier() + " : " + symptom);
        }
        return Optional.of(String.join(", ", all));
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

    /**
     * {@code number > 365} of the symptom {@code symptom} becomes {@code symptom("...").number > 365}, and a bare method
     * call {@code firstLabel() != $h.firstLabel()} becomes {@code symptom("...").firstLabel() != ...}: left bare, it would
     * run on the anchor.
     */
    static String qualify(String constraint, String symptom) {
        String prefix = Matcher.quoteReplacement(symptom + ".");
        return outsideLiterals(constraint, code -> OWN_PROPERTY.matcher(code).replaceAll(m -> prefix + m.group()));
    }

    /**
     * {@code $a.text} of the anchor's variable becomes {@code this.text}, {@code $u.text} of a folded symptom's
     * {@code symptom("client.user").text}; other variables stay.
     */
    static String replaceVariables(String constraint, String anchorVariable, Map<String, String> symptomVariables) {
        return outsideLiterals(constraint, code -> VARIABLE_PROPERTY.matcher(code).replaceAll(m -> {
            String v = m.group(1);
            String name = symptomVariables.get(v);
            String by = v.equals(anchorVariable) ? "this." : name != null ? "symptom(\"" + name + "\")." : m.group();
            return Matcher.quoteReplacement(by);
        }));
    }

    /** Applies {@code change} to the code between the string literals of {@code constraint}. */
    private static String outsideLiterals(String constraint, UnaryOperator<String> change) {
        StringBuilder out = new StringBuilder();
        Matcher literal = STRING_LITERAL.matcher(constraint);
        int at = 0;
        while (literal.find()) {
            out.append(change.apply(constraint.substring(at, literal.start())));
            out.append(literal.group());
            at = literal.end();
        }
        out.append(change.apply(constraint.substring(at)));
        return out.toString();
    }
}
