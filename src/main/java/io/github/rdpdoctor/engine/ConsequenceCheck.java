package io.github.rdpdoctor.engine;

import io.github.rdpdoctor.symptoms.Spelling;
import io.github.rdpdoctor.knowledge.Cause;
import io.github.rdpdoctor.knowledge.KnowledgeBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Finds what {@link Findings} would refuse when the rule fires, before it fires: a {@code findings.support(...)} or
 * {@code findings.against(...)} call in a consequence whose cause id is a literal that is not a cause of the
 * knowledge base, or whose weight is a literal outside (0, 1]. Computed ids and weights are left to the check at
 * run time. {@link RdpDoctor.Builder#build()} runs it on the added rules.
 */
final class ConsequenceCheck {
    private static final Pattern CALL = Pattern.compile("(?<![\\w.$])findings\\s*\\.\\s*(support|against)\\s*\\(");
    private static final Pattern STRING = Pattern.compile("\"([^\"\\\\]*)\"|'([^'\\\\]*)'");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?[dDfF]?");

    private ConsequenceCheck() {
    }

    /** Problems, as {@code FILE:LINE:COL} of the literal, of every call with a literal id or weight that would fail. */
    static List<RuleProblem> problems(List<RuleSource> sources, KnowledgeBase knowledge) {
        return problems(sources, knowledge, RuleCompiler::parse);
    }

    static List<RuleProblem> problems(List<RuleSource> sources, KnowledgeBase knowledge, java.util.function.Function<RuleSource, Optional<PackageDescr>> parsed) {
        List<RuleProblem> out = new ArrayList<>();
        for (RuleSource src : sources) {
            Optional<PackageDescr> pkg = parsed.apply(src);
            if (pkg.isEmpty()) {
                continue; // a syntax error: compiling reports it
            }
            for (RuleDescr rule : pkg.get().getRules()) {
                if (rule.getConsequence() instanceof String code) {
                    check(src, rule, code, knowledge, out);
                }
            }
        }
        return out;
    }

    /** Where a rule's consequence starts in its file, or -1 when it cannot be found there. */
    private static int consequenceStart(RuleSource src, RuleDescr rule, String code) {
        // the parser hands out the consequence as written but with 'strings' in double quotes; should it differ more,
        // the rule's own line is named
        return src.drl().replace('\'', '"').indexOf(code.replace('\'', '"'), Math.max(rule.getStartCharacter(), 0));
    }

    /**
     * A problem the Java compiler found in a rule's consequence, placed at the first use of {@code token} in the
     * consequence (Drools names only the rule's first line); at the rule when there is no token or it is not found.
     */
    static RuleProblem inConsequence(RuleSource src, RuleDescr rule, String token, String message) {
        String text = "rule \"" + rule.getName() + "\": " + message;
        if (token == null || !(rule.getConsequence() instanceof String code)) {
            return at(src, rule, -1, 0, text);
        }
        Matcher m = Pattern.compile("(?<![\\w$])" + Pattern.quote(token) + "(?![\\w$])").matcher(mask(code));
        return m.find() ? at(src, rule, consequenceStart(src, rule, code), m.start(), text) : at(src, rule, -1, 0, text);
    }

    private static void check(RuleSource src, RuleDescr rule, String code, KnowledgeBase knowledge, List<RuleProblem> out) {
        int base = consequenceStart(src, rule, code);
        String masked = mask(code);
        Matcher call = CALL.matcher(masked);
        while (call.find()) {
            List<int[]> args = arguments(masked, call.end());
            if (args.size() != 4) {
                continue; // not the method's shape: compiling reports it
            }
            String where = "rule \"" + rule.getName() + "\": ";
            int[] id = args.get(1);
            Matcher s = STRING.matcher(code.substring(id[0], id[1]));
            String cause = s.matches() ? (s.group(1) != null ? s.group(1) : s.group(2)) : null;
            if (cause != null && knowledge.cause(cause).isEmpty()) {
                String hint = Spelling.hint(cause, knowledge.causes().stream().map(Cause::id));
                out.add(at(src, rule, base, id[0], where + "'" + cause
                        + "' is not a cause id of the knowledge base (kb/causes.yaml)" + hint));
            }
            int[] weight = args.get(2);
            String w = code.substring(weight[0], weight[1]);
            if (NUMBER.matcher(w).matches()) {
                double value = Double.parseDouble(w);
                if (!(value > 0 && value <= 1)) {
                    out.add(at(src, rule, base, weight[0], where + "weight " + w + (cause == null ? "" : " for '" + cause + "'")
                            + " is outside (0, 1]"));
                }
            }
        }
    }

    /** The code with comments blanked and string contents replaced by letters, same length and line breaks. */
    private static String mask(String code) {
        StringBuilder out = new StringBuilder(code);
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            int end;
            if (c == '"' || c == '\'') {
                end = i + 1;
                while (end < code.length() && code.charAt(end) != c) {
                    end += code.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end, code.length() - 1);
                fill(out, i + 1, end, 'x');
                i = end + 1;
            } else if (code.startsWith("//", i)) {
                end = code.indexOf('\n', i);
                end = end < 0 ? code.length() : end;
                fill(out, i, end, ' ');
                i = end;
            } else if (code.startsWith("/*", i)) {
                end = code.indexOf("*/", i + 2);
                end = end < 0 ? code.length() : end + 2;
                fill(out, i, end, ' ');
                i = end;
            } else {
                i++;
            }
        }
        return out.toString();
    }

    private static void fill(StringBuilder b, int from, int to, char with) {
        for (int i = from; i < to; i++) {
            if (b.charAt(i) != '\n') {
                b.setCharAt(i, with);
            }
        }
    }

    /** Start and end (trimmed) of each top-level argument of the call whose '(' ends before {@code from}. */
    private static List<int[]> arguments(String masked, int from) {
        List<int[]> args = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < masked.length(); i++) {
            char c = masked.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (depth == 0 && (c == ',' || c == ')')) {
                args.add(trimmed(masked, start, i));
                if (c == ')') {
                    return args;
                }
                start = i + 1;
            }
        }
        return List.of(); // unbalanced: compiling reports it
    }

    private static int[] trimmed(String s, int from, int to) {
        while (from < to && Character.isWhitespace(s.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
            to--;
        }
        return new int[] {from, to};
    }

    private static RuleProblem at(RuleSource src, RuleDescr rule, int base, int inCode, String message) {
        if (base < 0) {
            return new RuleProblem(src.name(), Math.max(rule.getLine(), 0), Math.max(rule.getColumn() + 1, 0), message);
        }
        String drl = src.drl();
        int offset = base + inCode;
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (drl.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new RuleProblem(src.name(), line, offset - lineStart + 1, message);
    }
}
