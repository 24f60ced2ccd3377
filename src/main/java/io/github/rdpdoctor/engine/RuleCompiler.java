package io.github.rdpdoctor.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieServices;
import org.kie.api.runtime.conf.DirectFiringOption;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.drools.compiler.compiler.DescrBuildError;
import org.drools.drl.parser.ParserError;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.conf.PropertySpecificOption;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;
import org.kie.internal.builder.conf.LanguageLevelOption;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Compiles DRL sources into one KieBase, turning every problem into a {@link RuleProblem}. */
final class RuleCompiler {
    private static final Logger LOG = LoggerFactory.getLogger(RuleCompiler.class);
    private static final String NULL_PACKAGE = "Parser returned a null Package";
    /** Drools on a rule name used twice in a package: said outright, or as a clash of the classes it generates. */
    private static final Pattern DROOLS_DUPLICATE = Pattern.compile(
            "Duplicate rule name: .*|Rule Compilation error\\s*(The type Rule_\\S+ is already defined\\s*)+");
    private static final String DUPLICATE = "duplicate rule name";

    private RuleCompiler() {
    }

    static KieBase compile(List<RuleSource> sources) {
        return kieBase(packages(sources, List.of()), !updatesFacts(sources));
    }

    /**
     * Compiles DRL sources into knowledge packages, with joins of symptoms folded (see {@link JoinFolding}). Rule
     * names must be unique across {@code sources} and the rules of {@code alreadyLoaded} (sources whose packages
     * were loaded precompiled), and so must the names of the sources: a file given twice is one problem. A source
     * that is not DRL text ({@link RuleSource#unreadable()}) is listed with the other problems.
     */
    static Collection<KiePackage> packages(List<RuleSource> sources, List<RuleSource> alreadyLoaded) {
        return packages(sources, alreadyLoaded, true);
    }

    static Collection<KiePackage> packages(List<RuleSource> sources, List<RuleSource> alreadyLoaded, boolean foldJoins) {
        return packages(sources, alreadyLoaded, foldJoins, false, RuleCompiler::parse);
    }

    /**
     * @param changesFacts whether a rule changes facts ({@link #updatesFacts}): then patterns are property reactive, as
     *                     Drools documents ({@code modify} of a property a pattern does not test does not wake it)
     * @param parsed       the parsed DRL of a source (a builder parses each source once for all its checks)
     */
    static Collection<KiePackage> packages(List<RuleSource> sources, List<RuleSource> alreadyLoaded, boolean foldJoins,
                                           boolean changesFacts, java.util.function.Function<RuleSource, Optional<PackageDescr>> parsed) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        Set<String> files = new HashSet<>();
        for (RuleSource src : alreadyLoaded) {
            files.add(src.name());
            checkDuplicateNames(src, parsed.apply(src), seen, problems);
        }
        List<RuleSource> written = new ArrayList<>(sources.size());
        List<RuleSource> folded = new ArrayList<>(sources.size());
        for (RuleSource src : sources) {
            if (!files.add(src.name())) {
                // its rules would all be reported as duplicates of themselves
                problems.add(new RuleProblem(src.name(), 1, 1, "rule file given twice; add each rule file once"));
                continue;
            }
            if (src.unreadable() != null) {
                problems.add(src.unreadable());
                continue;
            }
            written.add(src);
            Optional<PackageDescr> pkg = parsed.apply(src);
            checkDuplicateNames(src, pkg, seen, problems);
            if (foldJoins) {
                folded.add(new RuleSource(src.name(), JoinFolding.fold(src, pkg).drl()));
            }
        }
        if (foldJoins && problems.isEmpty()) {
            KnowledgeBuilder builder = build(folded, changesFacts);
            if (!builder.hasErrors()) {
                return builder.getKnowledgePackages();
            }
            // compile the rules as written: their problems then point at the author's text, and if only the folded
            // form failed, the rules still work (unfolded)
            LOG.debug("folded rules did not compile, compiling them as written: {}", builder.getResults());
        }
        KnowledgeBuilder builder = build(written, changesFacts);
        problems.addAll(droolsProblems(builder, problems, written));
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line)
                    .thenComparingInt(RuleProblem::column));
            throw new RuleCompilationException(dedupe(problems));
        }
        return builder.getKnowledgePackages();
    }

    /**
     * Drools' errors, without those that only repeat a problem reported already: follow-on messages of a syntax error
     * ({@link #isFollowOn}; kept when they are the file's only problem), and Drools' report of a
     * duplicate rule name where {@code ours} has it with its first definition.
     */
    private static List<RuleProblem> droolsProblems(KnowledgeBuilder builder, List<RuleProblem> ours, List<RuleSource> sources) {
        List<RuleProblem> out = new ArrayList<>();
        for (KnowledgeBuilderResult r : builder.getResults(ResultSeverity.ERROR)) {
            RuleProblem p = toProblem(r);
            boolean reported = r.getMessage() != null && DROOLS_DUPLICATE.matcher(r.getMessage().trim()).matches()
                    && ours.stream().anyMatch(o -> o.file().equals(p.file()) && o.line() == p.line()
                    && o.message().startsWith(DUPLICATE));
            if (!reported) {
                List<RuleProblem> java = inConsequence(r, sources);
                out.addAll(java.isEmpty() ? List.of(p) : java);
            }
        }
        out.removeIf(p -> isFollowOn(p) && out.stream().anyMatch(o -> !isFollowOn(o) && o.file().equals(p.file())));
        return out;
    }

    /**
     * Drools' messages that only follow real syntax errors of the same file: "Parser returned a null Package", and the
     * parser's own crash ("Unexpected error: ...", line 0) after it reported what it could not read (text that is not
     * DRL at all, say).
     */
    private static boolean isFollowOn(RuleProblem p) {
        return p.message().equals(NULL_PACKAGE) || p.line() == 0 && p.message().startsWith("Unexpected error:");
    }

    private static KnowledgeBuilder build(List<RuleSource> sources, boolean changesFacts) {
        // Rules that only read facts gain nothing from property reactivity; class reactivity also avoids Drools' warnings
        // about joins it cannot watch by property. Rules that modify facts get Drools' default, property reactivity.
        KnowledgeBuilderConfiguration conf = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration();
        conf.setOption(changesFacts ? PropertySpecificOption.ALWAYS : PropertySpecificOption.ALLOWED);
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(conf);
        for (RuleSource src : sources) {
            Resource res = ResourceFactory.newByteArrayResource(src.drl().getBytes(StandardCharsets.UTF_8));
            res.setSourcePath(src.name());
            res.setResourceType(ResourceType.DRL);
            builder.add(res, ResourceType.DRL);
        }
        return builder;
    }

    /**
     * @param reportOnly true when no rule changes the facts (see {@link #updatesFacts}); only then may sessions fire
     *                   matches directly, which neither honours a firing limit nor Drools' insert/modify semantics
     */
    static KieBase kieBase(Collection<KiePackage> packages, boolean reportOnly) {
        Properties conf = new Properties();
        conf.setProperty(DirectFiringOption.PROPERTY_NAME, Boolean.toString(reportOnly && firingOrderIsFree(packages)));
        // each diagnosis runs its session on one thread from start to end: no locks around its propagation list
        conf.setProperty(ThreadSafeOption.PROPERTY_NAME, "false");
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase(KieServices.get().newKieBaseConfiguration(conf));
        base.addPackages(packages);
        return base;
    }

    /**
     * Whether no rule asks for an order of firing (salience, agenda or activation groups, no-loop, lock-on-active,
     * timers, calendars, auto-focus). Then sessions fire matches directly, bypassing the ordered agenda: about 15%
     * less time per diagnosis on the bundled rules, the same findings (rules only report; ranking sorts them).
     */
    static boolean firingOrderIsFree(Collection<KiePackage> packages) {
        for (KiePackage pkg : packages) {
            for (org.kie.api.definition.rule.Rule r : pkg.getRules()) {
                if (!(r instanceof RuleImpl rule)) {
                    return false;
                }
                boolean ordered = rule.getSalience().isDynamic() || rule.getSalience().getValue() != 0
                        || !"MAIN".equals(rule.getAgendaGroup())
                        || rule.getActivationGroup() != null || rule.getRuleFlowGroup() != null
                        || rule.isNoLoop() || rule.isLockOnActive() || rule.getTimer() != null
                        || rule.getCalendars() != null && rule.getCalendars().length > 0 || rule.getAutoFocus();
                if (ordered) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Working-memory actions in a consequence or function, and any other use of the rule context or runtime. */
    private static final Pattern CHANGES_FACTS = Pattern.compile(
            "\\b(insert|insertLogical|modify|update|delete|retract|drools|kcontext|getKieRuntime|getEntryPoint|halt)\\b");
    /** The one use of the rule context that only reports: {@code findings.support(kcontext, ...)} and its kind. */
    private static final Pattern REPORTS = Pattern.compile("\\bfindings\\s*\\.\\s*\\w+\\s*\\(\\s*kcontext\\b");

    /**
     * Whether a rule in {@code sources} may change the facts: its consequence (or a DRL function) inserts, modifies
     * or deletes facts, or uses the rule context or the runtime other than to pass it to {@code findings}. The
     * bundled rules only report. Rules that change facts get Drools' ordered agenda (direct firing would ignore
     * the firing limit and break modify chains) and are compiled as written: folded joins look only at the facts
     * of the file, not at facts a rule derives.
     */
    static boolean updatesFacts(List<RuleSource> sources) {
        return updatesFacts(sources, RuleCompiler::parse);
    }

    static boolean updatesFacts(List<RuleSource> sources, java.util.function.Function<RuleSource, Optional<PackageDescr>> parsed) {
        for (RuleSource src : sources) {
            Optional<PackageDescr> pkg = parsed.apply(src);
            if (pkg.isEmpty()) {
                return true; // does not parse: the build reports it; assume the worst meanwhile
            }
            for (RuleDescr rule : pkg.get().getRules()) {
                if (changesFacts(String.valueOf(rule.getConsequence()))) {
                    return true;
                }
            }
            for (FunctionDescr f : pkg.get().getFunctions()) {
                if (changesFacts(f.getBody())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The names of the rules whose own consequence may change facts (see {@link #updatesFacts}). */
    static Set<String> rulesThatChangeFacts(List<RuleSource> sources, java.util.function.Function<RuleSource, Optional<PackageDescr>> parsed) {
        Set<String> names = new HashSet<>();
        for (RuleSource src : sources) {
            parsed.apply(src).ifPresent(pkg -> pkg.getRules().stream()
                    .filter(rule -> changesFacts(String.valueOf(rule.getConsequence())))
                    .forEach(rule -> names.add(rule.getName())));
        }
        return names;
    }

    private static boolean changesFacts(String code) {
        String rest = code == null ? "" : REPORTS.matcher(code).replaceAll("findings(");
        return CHANGES_FACTS.matcher(rest.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")).find();
    }

    private static List<RuleProblem> dedupe(List<RuleProblem> problems) {
        return problems.stream().distinct().toList();
    }

    /** Rule names are the handle of evidence, so they must be unique across all files and packages. */
    private static void checkDuplicateNames(RuleSource src, Optional<PackageDescr> pkg, Map<String, String> seen,
                                            List<RuleProblem> problems) {
        if (pkg.isEmpty()) {
            return; // the real build reports the syntax error with its location
        }
        for (RuleDescr rule : pkg.get().getRules()) {
            String where = src.name() + ":" + rule.getLine();
            String first = seen.putIfAbsent(rule.getName(), where);
            if (first != null) {
                problems.add(new RuleProblem(src.name(), rule.getLine(), rule.getColumn() + 1,
                        DUPLICATE + " \"" + rule.getName() + "\" (first defined at " + first + ")"));
            }
        }
    }

    /** The parsed DRL, or empty when it does not parse (the build reports why, with the location). */
    static Optional<PackageDescr> parse(RuleSource src) {
        try {
            return Optional.ofNullable(new DrlParser(LanguageLevelOption.DRL6).parse(null, src.drl()));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** The name a Java compiler message about a consequence complains about (a method, variable, field or type). */
    private static final Pattern JAVA_NAME = Pattern.compile("The method (?<method>[\\w$]+)\\(.*|(?<name>[\\w$]+) cannot be "
            + "resolved.*|The field [\\w$.]*?(?<field>[\\w$]+) is not visible.*|The constructor (?<type>[\\w$]+)\\(.*");
    private static final String JAVA_PROBLEMS = "Rule Compilation error";

    /**
     * The Java compiler's problems in a consequence, one per message line, each at the line and column of the name it
     * complains about (Drools gives the rule's first line only; a message without a name stays there), with the rule's
     * name; empty for other problems.
     */
    private static List<RuleProblem> inConsequence(KnowledgeBuilderResult r, List<RuleSource> sources) {
        String file = r.getResource() != null ? r.getResource().getSourcePath() : null;
        Optional<RuleSource> src = sources.stream().filter(s -> s.name().equals(file)).findFirst();
        if (!(r instanceof DescrBuildError e && e.getDescr() instanceof RuleDescr rule) || src.isEmpty()
                || r.getMessage() == null || !r.getMessage().trim().startsWith(JAVA_PROBLEMS)) {
            return List.of();
        }
        List<RuleProblem> out = new ArrayList<>();
        r.getMessage().trim().substring(JAVA_PROBLEMS.length()).lines().map(String::strip).filter(l -> !l.isEmpty())
                .forEach(message -> {
                    Matcher m = JAVA_NAME.matcher(message);
                    String name = !m.matches() ? null : m.group("method") != null ? m.group("method")
                            : m.group("name") != null ? m.group("name") : m.group("field") != null ? m.group("field") : m.group("type");
                    out.add(ConsequenceCheck.inConsequence(src.get(), rule, name, message));
                });
        return out;
    }

    private static RuleProblem toProblem(KnowledgeBuilderResult r) {
        String file = r.getResource() != null && r.getResource().getSourcePath() != null
                ? r.getResource().getSourcePath() : "?";
        int line = 0;
        int col = 0;
        if (r instanceof ParserError pe) {
            line = pe.getRow();
            col = pe.getCol() + 1;
        } else if (r instanceof DescrBuildError de && de.getDescr() != null) {
            line = de.getDescr().getLine();
            col = de.getDescr().getColumn() + 1;
        } else if (r.getLines() != null && r.getLines().length > 0) {
            line = r.getLines()[0];
        }
        String msg = r.getMessage() == null ? "error" : r.getMessage().replaceAll("\\s+", " ").trim();
        return new RuleProblem(file, Math.max(line, 0), Math.max(col, 0), unknownProperty(msg));
    }

    /** MVEL's "unable to resolve method using strict-mode: ...Symptom.nme()", as a person would say it. */
    private static final Pattern NO_PROPERTY = Pattern.compile(
            "Unable to Analyse Expression (.*?): \\[Error: unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)\\].*");

    /**
     * A constraint on a property the fact type does not have, with the properties it has:
     * {@code Symptom has no property 'nme' (it has: flag, line, name, number, text, value) in: nme == "x"}.
     */
    static String unknownProperty(String message) {
        Matcher m = NO_PROPERTY.matcher(message);
        if (!m.matches()) {
            return message;
        }
        Class<?> type;
        try {
            type = Class.forName(m.group(2), false, RuleCompiler.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return message;
        }
        java.util.TreeSet<String> properties = new java.util.TreeSet<>();
        for (java.lang.reflect.Method method : type.getMethods()) {
            String name = method.getName();
            int prefix = name.startsWith("get") ? 3 : name.startsWith("is") ? 2 : 0;
            if (prefix > 0 && name.length() > prefix && method.getParameterCount() == 0 && !name.equals("getClass")) {
                properties.add(Character.toLowerCase(name.charAt(prefix)) + name.substring(prefix + 1));
            }
        }
        return type.getSimpleName() + " has no property '" + m.group(3) + "' (it has: " + String.join(", ", properties)
                + ") in: " + m.group(1);
    }
}
