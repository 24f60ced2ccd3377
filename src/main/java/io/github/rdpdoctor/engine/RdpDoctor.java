package io.github.rdpdoctor.engine;

import io.github.rdpdoctor.knowledge.Cause;
import io.github.rdpdoctor.knowledge.KnowledgeBase;
import io.github.rdpdoctor.knowledge.Placeholders;
import io.github.rdpdoctor.symptoms.FileFacts;
import io.github.rdpdoctor.symptoms.HostEvent;
import io.github.rdpdoctor.symptoms.Symptom;
import io.github.rdpdoctor.symptoms.SymptomLoader;
import io.github.rdpdoctor.symptoms.SymptomSet;
import io.github.rdpdoctor.symptoms.Times;
import io.github.rdpdoctor.symptoms.UserSession;
import io.github.rdpdoctor.symptoms.Vocabulary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drools.drl.ast.descr.PackageDescr;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.conf.DirectFiringOption;
import org.kie.api.runtime.rule.ConsequenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: diagnoses failed RDP connections. Build one with {@link #builder()}, keep it, and share it
 * between threads; it is immutable and thread-safe. The rules are compiled once, in {@link Builder#build()};
 * every diagnosis runs in its own rule session.
 *
 * <pre>
 * RdpDoctor doctor = RdpDoctor.builder().build();
 * Diagnosis d = doctor.diagnose(Path.of("examples/credssp-nla-mismatch-may-2018-update.yaml"));
 * d.top().ifPresent(c -&gt; System.out.println(c.title() + " " + c.confidence()));
 * </pre>
 */
public final class RdpDoctor {
    /** The symptom every diagnosis gets besides the file's: the target host as typed. */
    public static final String TARGET_HOST = "target.host";
    /** Rule firings allowed per diagnosis unless {@link Builder#firingLimit(int)} says otherwise. */
    public static final int DEFAULT_FIRING_LIMIT = 10_000;
    /** Firings allowed per input fact on top of the firing limit. */
    public static final int FIRINGS_PER_FACT = 16;

    private static final Logger LOG = LoggerFactory.getLogger(RdpDoctor.class);

    private final KieBase kieBase;
    private final KieSessionsPool sessions;
    private final boolean usesFindings;
    private final KnowledgeBase knowledge;
    private final SymptomLoader loader;
    private final int firingLimit;
    private final List<RuleSource> ruleSources;
    private final List<RuleProblem> ruleWarnings;
    /** Rules whose consequence may insert, modify or delete facts: the ones a runaway is blamed on first. */
    private final java.util.Set<String> factChangingRules;

    private RdpDoctor(Builder b, KieBase kieBase, List<RuleSource> sources, List<RuleProblem> ruleWarnings,
                      java.util.Set<String> factChangingRules) {
        this.factChangingRules = java.util.Set.copyOf(factChangingRules);
        this.kieBase = kieBase;
        this.sessions = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
        this.usesFindings = kieBase.getKiePackages().stream()
                .anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals("findings")));
        this.knowledge = b.knowledge;
        this.loader = new SymptomLoader(b.vocabulary);
        this.firingLimit = b.firingLimit;
        this.ruleSources = List.copyOf(sources);
        this.ruleWarnings = List.copyOf(ruleWarnings);
    }

    /** A builder with the bundled rules, knowledge base and vocabulary, and the default firing limit. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a symptom file (YAML or JSON, contract {@code rdp-symptoms/v1}) and diagnoses it.
     *
     * @throws io.github.rdpdoctor.symptoms.SymptomFileException naming file, line and field when the file cannot be
     *                                                           read or breaks the contract
     * @throws RuleAuthoringException when a rule misbehaves (unknown cause id, bad weight, runaway firing)
     */
    public Diagnosis diagnose(Path symptomFile) {
        return diagnose(loader.load(symptomFile));
    }

    /**
     * Diagnoses one set of facts.
     *
     * @throws RuleAuthoringException when a rule misbehaves (unknown cause id, bad weight, runaway firing)
     */
    public Diagnosis diagnose(SymptomSet facts) {
        Findings findings = new Findings();
        EventWindow window = EventWindow.of(facts);
        List<HostEvent> events = window.recent();
        KieSession session = sessions.newKieSession();
        int limit = limitFor(facts);
        int fired;
        try {
            if (usesFindings) {
                session.setGlobal("findings", findings);
            }
            insertFacts(session, facts, events);
            fired = session.fireAllRules(limit);
        } catch (ConsequenceException e) {
            throw failedRule(e);
        } catch (RuntimeException e) {
            throw failedCondition(e, facts);
        } finally {
            session.dispose();
        }
        if (fired >= limit) {
            throw runaway(facts, events, limit);
        }
        List<String> warnings = facts.warnings();
        if (!window.warnings().isEmpty()) {
            warnings = new ArrayList<>(warnings);
            warnings.addAll(window.warnings());
            warnings = List.copyOf(warnings);
        }
        return new Diagnosis(facts.host(), portOf(facts), facts.source(), rank(findings.all()), warnings);
    }

    /** The symptom that names the connection's RDP port (a probe's target port, a host's RDP-Tcp PortNumber). */
    static final String RDP_PORT = "network.rdp_port";

    /**
     * The RDP port of the diagnosed connection, which the knowledge base's {@code PORT} stands for: the facts'
     * {@code network.rdp_port} when it is a port number, else the port in the host as typed ({@code name:port}),
     * else {@value Placeholders#DEFAULT_PORT}.
     */
    static int portOf(SymptomSet facts) {
        double n = facts.symptom(RDP_PORT).map(Symptom::getNumber).orElse(Double.NaN);
        if (n == Math.rint(n) && Placeholders.isPort((long) n)) {
            return (int) n;
        }
        int typed = facts.host() == null ? -1 : Symptom.portAfterHost(facts.host()); // name:port, 1.2.3.4:port, [IPv6]:port
        return typed > 0 ? typed : Placeholders.DEFAULT_PORT;
    }

    /**
     * How long before the facts were collected an event still counts: the collectors read the event logs of the last
     * seven days, and an older event (a certificate renewal that failed in May) says little about a failure now.
     */
    static final long EVENT_WINDOW_SECONDS = 7 * 86_400L;

    /**
     * The events the rules see — all of them, except those logged more than {@link #EVENT_WINDOW_SECONDS} before the
     * facts' {@code collected_at} (when both times are known) — and the warnings about the events outside the window:
     * those left out, and those logged more than the window after {@code collected_at} (the other facts, services,
     * settings, sessions, then describe the host as it was before them). One pass over the events.
     */
    private record EventWindow(List<HostEvent> recent, List<String> warnings) {
        static EventWindow of(SymptomSet facts) {
            List<HostEvent> all = facts.events();
            long collected = all.isEmpty() ? Times.UNKNOWN : Times.epochSecond(facts.collectedAt());
            if (collected == Times.UNKNOWN) {
                return new EventWindow(all, List.of());
            }
            List<HostEvent> recent = null;
            List<String> old = new ArrayList<>();
            int later = 0;
            HostEvent newest = null;
            for (int i = 0; i < all.size(); i++) {
                HostEvent e = all.get(i);
                long at = e.getEpochSecond();
                boolean tooOld = at != Times.UNKNOWN && at < collected - EVENT_WINDOW_SECONDS;
                if (tooOld) {
                    old.add(e.getId() + " at " + e.getTime());
                    if (recent == null) {
                        recent = new ArrayList<>(all.subList(0, i));
                    }
                } else if (recent != null) {
                    recent.add(e);
                }
                if (at != Times.UNKNOWN && at > collected + EVENT_WINDOW_SECONDS) {
                    later++;
                    newest = newest == null || at > newest.getEpochSecond() ? e : newest;
                }
            }
            List<String> warnings = new ArrayList<>(2);
            int n = old.size();
            if (n > 0) {
                warnings.add(n + (n == 1 ? " event was" : " events were") + " logged more than 7 days before the facts were"
                        + " collected (" + facts.collectedAt() + ") and " + (n == 1 ? "is" : "are") + " not used: "
                        + String.join(", ", old.subList(0, Math.min(n, 10))) + (n > 10 ? ", ..." : ""));
            }
            if (later > 0) {
                warnings.add(later + (later == 1 ? " event was" : " events were") + " logged more than 7 days after the"
                        + " facts were collected (" + facts.collectedAt() + "; the newest at " + newest.getTime()
                        + "): the other facts may describe the host as it was before them");
            }
            return new EventWindow(recent == null ? all : recent, List.copyOf(warnings));
        }
    }

    private static void insertFacts(KieSession session, SymptomSet facts, List<HostEvent> events) {
        List<Symptom> symptoms = new ArrayList<>(facts.symptoms().size() + 1);
        if (facts.symptom(TARGET_HOST).isEmpty()) {
            symptoms.add(new Symptom(TARGET_HOST, facts.host()));
        }
        symptoms.addAll(facts.symptoms());
        // copies that see their file: rules that join facts are compiled as one pattern (JoinFolding)
        FileFacts file = FileFacts.link(symptoms, events, facts.sessions(), facts.collectedAt());
        for (Symptom s : file.symptoms()) {
            session.insert(s);
        }
        for (HostEvent e : file.events()) {
            session.insert(e);
        }
        for (UserSession u : file.sessions()) {
            session.insert(u);
        }
    }

    /**
     * The firing limit for these facts: the configured limit plus {@value #FIRINGS_PER_FACT} per fact, so that a file
     * within the loader's limits (up to 10,000 events or sessions, each matched by several rules) is never cut off,
     * while a rule that keeps inserting or modifying facts is still stopped after a bounded number of firings.
     */
    private int limitFor(SymptomSet facts) {
        long n = 1L + facts.symptoms().size() + facts.events().size() + facts.sessions().size();
        return (int) Math.min(Integer.MAX_VALUE, firingLimit + FIRINGS_PER_FACT * n);
    }

    /** A rule's condition threw while facts were matched (e.g. a method call on a null field). */
    private static RuntimeException failedCondition(RuntimeException e, SymptomSet facts) {
        if (e instanceof RdpDoctorException || !e.getClass().getName().startsWith("org.drools.")) {
            return e;
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = root == e ? "" : ": " + root;
        return new RuleAuthoringException(e.getMessage() + " on " + facts.source() + why);
    }

    private RuleAuthoringException failedRule(ConsequenceException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause instanceof RuleAuthoringException rae) {
            return rae;
        }
        String rule = e.getMatch() != null ? e.getMatch().getRule().getName() : "?";
        return new RuleAuthoringException("rule \"" + rule + "\" failed: " + cause);
    }

    /** Runs the facts again with a listener to name the rule that keeps firing. */
    private RuleAuthoringException runaway(SymptomSet facts, List<HostEvent> events, int limit) {
        Map<String, Integer> counts = new HashMap<>();
        // through the agenda, so the listener hears every firing (direct firing does not report them)
        KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
        conf.setOption(DirectFiringOption.NO);
        KieSession session = kieBase.newKieSession(conf, null);
        try {
            if (usesFindings) {
                session.setGlobal("findings", new Findings());
            }
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    counts.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
                }
            });
            insertFacts(session, facts, events);
            session.fireAllRules(limit);
        } finally {
            session.dispose();
        }
        // a rule that re-fires because another keeps changing its fact fires as often: blame a rule that changes facts
        var suspects = counts.entrySet().stream().filter(e -> factChangingRules.contains(e.getKey())).toList();
        var worst = (suspects.isEmpty() ? counts.entrySet().stream().toList() : suspects).stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .orElseThrow();
        return new RuleAuthoringException("rule \"" + worst.getKey() + "\" fired " + worst.getValue()
                + " times on " + facts.source() + " and the firing limit of " + limit + " was reached (" + firingLimit
                + " plus " + FIRINGS_PER_FACT + " per input fact); does it insert or modify facts on every firing?");
    }

    private List<RankedCause> rank(List<Findings.Finding> all) {
        // group by cause; a rule matching several facts counts once, with its strongest weight (on a tie, the
        // smallest detail), so what is listed never depends on the order in which the matches fired
        Map<String, List<Findings.Finding>> byCause = new HashMap<>();
        for (Findings.Finding f : all) {
            List<Findings.Finding> list = byCause.computeIfAbsent(f.causeId(), k -> new ArrayList<>(4));
            int same = indexOfRule(list, f.rule());
            if (same < 0) {
                list.add(f);
            } else if (stronger(f, list.get(same))) {
                list.set(same, f);
            }
        }
        List<Scored> scored = new ArrayList<>(byCause.size());
        for (List<Findings.Finding> findings : byCause.values()) {
            String causeId = findings.get(0).causeId();
            Cause cause = knowledge.cause(causeId).orElseThrow(() -> new RuleAuthoringException(
                    "rule \"" + findings.get(0).rule() + "\" concluded unknown cause '" + causeId
                            + "'; known causes are in kb/causes.yaml"));
            // a product does not depend on the order of its factors, but its last bit does: combine in a fixed
            // order (strongest first, then by rule), the order the evidence is listed in
            findings.sort(RdpDoctor::strongestFirst);
            double restFor = 1.0;
            double restAgainst = 1.0;
            for (Findings.Finding f : findings) {
                double w = f.weight();
                if (w > 0) {
                    restFor *= 1.0 - w;
                } else {
                    restAgainst *= 1.0 + w;
                }
            }
            if (restFor == 1.0) {
                continue; // no supporting evidence
            }
            double cf = ConfidenceModel.certainty(1.0 - restFor, 1.0 - restAgainst);
            if (cf <= 0) {
                continue; // evidence against outweighs evidence for
            }
            Evidence[] evidence = new Evidence[findings.size()];
            for (int i = 0; i < evidence.length; i++) {
                Findings.Finding f = findings.get(i);
                evidence[i] = new Evidence(f.rule(), f.detail(), f.weight());
            }
            scored.add(new Scored(cf, new RankedCause(cause.id(), cause.title(), round(cf), List.of(evidence),
                    cause.remediation(), cause.sources())));
        }
        scored.sort(Scored::bestFirst);
        List<RankedCause> out = new ArrayList<>(scored.size());
        for (Scored s : scored) {
            out.add(s.cause);
        }
        return out;
    }

    private static int indexOfRule(List<Findings.Finding> list, String rule) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).rule().equals(rule)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code f} replaces {@code kept} as the one finding of its rule: a larger weight, or the same and a smaller detail. */
    private static boolean stronger(Findings.Finding f, Findings.Finding kept) {
        int c = Double.compare(Math.abs(f.weight()), Math.abs(kept.weight()));
        return c > 0 || c == 0 && f.detail().compareTo(kept.detail()) < 0;
    }

    /** Evidence order: largest weight first (support before evidence against), then by rule name. */
    private static int strongestFirst(Findings.Finding a, Findings.Finding b) {
        int c = Double.compare(b.weight(), a.weight());
        return c != 0 ? c : a.rule().compareTo(b.rule());
    }

    private record Scored(double cf, RankedCause cause) {
        /** Cause order: highest confidence first, then by id. */
        static int bestFirst(Scored a, Scored b) {
            int c = Double.compare(b.cf, a.cf);
            return c != 0 ? c : a.cause.id().compareTo(b.cause.id());
        }
    }

    private static double round(double cf) {
        return Math.max(0.001, Math.round(cf * 1000) / 1000.0);
    }

    /** The causes this doctor ranks, with their titles and remediation (the bundled ones unless replaced). */
    public KnowledgeBase knowledge() {
        return knowledge;
    }

    /** The loader this doctor reads symptom files with (same vocabulary). */
    public SymptomLoader loader() {
        return loader;
    }

    /** The DRL sources compiled into this doctor, bundled first. */
    public List<RuleSource> ruleSources() {
        return ruleSources;
    }

    /**
     * Symptom patterns in the added rules (not the bundled ones) that compile but cannot match as written: a symptom
     * name that is not in the vocabulary, {@code flag} or {@code number} of a symptom that never has one, an enum
     * compared with a value it cannot take. Empty when there are none.
     */
    public List<RuleProblem> ruleWarnings() {
        return ruleWarnings;
    }

    /** Tests: the compiled rule base. */
    KieBase kieBase() {
        return kieBase;
    }

    /** The configured firing limit (before the allowance per input fact). */
    public int firingLimit() {
        return firingLimit;
    }

    /** Configures and builds an {@link RdpDoctor}. Not thread-safe; {@link #build()} may be called repeatedly. */
    public static final class Builder {
        private boolean bundledRules = true;
        private final List<Path> rulePaths = new ArrayList<>();
        private final List<RuleSource> ruleTexts = new ArrayList<>();
        private int firingLimit = DEFAULT_FIRING_LIMIT;
        private KnowledgeBase knowledge;
        private Vocabulary vocabulary = Vocabulary.bundled();
        private boolean usePrecompiled = true;
        private boolean foldJoins = true;

        private Builder() {
        }

        /** Leaves out the rules shipped in the jar (for testing your own rules alone). */
        public Builder withoutBundledRules() {
            this.bundledRules = false;
            return this;
        }

        /**
         * Adds a .drl file or every .drl file under a directory. Read when {@link #build()} runs, which throws an
         * {@link RdpDoctorException} when the path is missing or a directory holds no .drl file.
         */
        public Builder addRules(Path fileOrDirectory) {
            rulePaths.add(fileOrDirectory);
            return this;
        }

        /** Adds DRL text under a name used in problems and evidence. */
        public Builder addRules(String name, String drl) {
            ruleTexts.add(new RuleSource(name, drl));
            return this;
        }

        /**
         * Maximum rule firings per diagnosis, plus {@value RdpDoctor#FIRINGS_PER_FACT} per input fact; reaching it is an
         * error naming the runaway rule.
         */
        public Builder firingLimit(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("firing limit must be at least 1");
            }
            this.firingLimit = limit;
            return this;
        }

        /**
         * Replaces the bundled knowledge base (causes, titles, remediation). With the bundled rules it must have every
         * bundled cause id; {@link #build()} refuses one that lacks any.
         */
        public Builder knowledgeBase(KnowledgeBase knowledge) {
            this.knowledge = knowledge;
            return this;
        }

        /** Tests: compile the bundled DRL even when the jar has them precompiled. */
        Builder usePrecompiled(boolean use) {
            this.usePrecompiled = use;
            return this;
        }

        /** Tests: compile the rules as written, without folding joins of symptoms into one pattern. */
        Builder foldJoins(boolean fold) {
            this.foldJoins = fold;
            return this;
        }

        /** Replaces the bundled symptom vocabulary. */
        public Builder vocabulary(Vocabulary vocabulary) {
            this.vocabulary = java.util.Objects.requireNonNull(vocabulary, "vocabulary");
            return this;
        }

        /**
         * Compiles the rules and returns the doctor.
         *
         * @throws RuleCompilationException listing every problem as FILE:LINE:COL: message
         * @throws RdpDoctorException when there are no rules, or the knowledge base lacks a cause the bundled rules conclude
         */
        public RdpDoctor build() {
            List<RuleSource> bundled = bundledRules ? RuleSource.bundled() : List.of();
            List<RuleSource> extra = new ArrayList<>();
            for (Path p : rulePaths) {
                extra.addAll(RuleSource.fromPath(p));
            }
            extra.addAll(ruleTexts);
            if (bundled.isEmpty() && extra.isEmpty()) {
                throw new RdpDoctorException("no rules: the bundled rules are off and no rule file was given");
            }
            if (knowledge == null) {
                knowledge = KnowledgeBase.bundled();
            } else if (!bundled.isEmpty()) {
                requireBundledCauses(knowledge);
            }
            long t0 = System.nanoTime();
            // every check below reads the parsed DRL: each source is parsed once
            Map<RuleSource, java.util.Optional<PackageDescr>> parsedOnce = new java.util.IdentityHashMap<>();
            java.util.function.Function<RuleSource, java.util.Optional<PackageDescr>> parsed =
                    src -> parsedOnce.computeIfAbsent(src, RuleCompiler::parse);
            // the bundled rules only report; added rules that insert or modify facts need Drools as written
            boolean reportOnly = !RuleCompiler.updatesFacts(extra, parsed);
            boolean fold = foldJoins && reportOnly;
            // literal cause ids and weights of the added rules are checked before anything fires, with the compile problems
            List<RuleProblem> literals = ConsequenceCheck.problems(extra, knowledge, parsed);
            // reported with the problems too: the author sees every finding in one run
            List<RuleProblem> warnings = VocabularyCheck.warnings(extra, vocabulary, parsed);
            List<KiePackage> packages = new ArrayList<>();
            try {
                compileInto(packages, bundled, extra, fold, !reportOnly, parsed);
            } catch (RuleCompilationException e) {
                throw new RuleCompilationException(sorted(e.problems(), literals), warnings);
            }
            if (!literals.isEmpty()) {
                throw new RuleCompilationException(sorted(literals, List.of()), warnings);
            }
            KieBase kb = RuleCompiler.kieBase(packages, reportOnly);
            LOG.debug("rules ready in {} ms", (System.nanoTime() - t0) / 1_000_000);
            List<RuleSource> sources = new ArrayList<>(bundled);
            sources.addAll(extra);
            return new RdpDoctor(this, kb, sources, warnings,
                    reportOnly ? java.util.Set.of() : RuleCompiler.rulesThatChangeFacts(extra, parsed));
        }

        /**
         * The bundled rules conclude every cause of the bundled knowledge base: a replacement without one of them would
         * fail only at the first diagnosis whose facts fire such a rule.
         */
        private static void requireBundledCauses(KnowledgeBase knowledge) {
            List<String> missing = KnowledgeBase.bundled().causes().stream().map(Cause::id)
                    .filter(id -> knowledge.cause(id).isEmpty()).toList();
            if (!missing.isEmpty()) {
                throw new RdpDoctorException("the knowledge base lacks " + missing.size() + " cause"
                        + (missing.size() == 1 ? "" : "s") + " that the bundled rules conclude: " + String.join(", ", missing)
                        + "; add them, or build without the bundled rules (withoutBundledRules())");
            }
        }

        private static List<RuleProblem> sorted(List<RuleProblem> a, List<RuleProblem> b) {
            List<RuleProblem> all = new ArrayList<>(a);
            all.addAll(b);
            all.sort(java.util.Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line)
                    .thenComparingInt(RuleProblem::column));
            return all;
        }

        /** The bundled rules precompiled when they can be, plus the added ones compiled; or everything compiled. */
        private void compileInto(List<KiePackage> packages, List<RuleSource> bundled, List<RuleSource> extra, boolean fold,
                                 boolean changesFacts,
                                 java.util.function.Function<RuleSource, java.util.Optional<PackageDescr>> parsed) {
            var precompiled = bundled.isEmpty() || !usePrecompiled || !fold ? java.util.Optional.<java.util.Collection<KiePackage>>empty()
                    : PrecompiledRules.load(bundled);
            if (precompiled.isPresent()) {
                packages.addAll(precompiled.get());
                if (!extra.isEmpty()) {
                    packages.addAll(RuleCompiler.packages(extra, bundled, fold, changesFacts, parsed));
                }
            } else {
                List<RuleSource> all = new ArrayList<>(bundled);
                all.addAll(extra);
                packages.addAll(RuleCompiler.packages(all, List.of(), fold, changesFacts, parsed));
            }
        }
    }
}
