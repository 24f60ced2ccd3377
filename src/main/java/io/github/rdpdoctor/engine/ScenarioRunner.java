package io.github.rdpdoctor.engine;

import io.github.rdpdoctor.symptoms.Spelling;
import io.github.rdpdoctor.knowledge.Cause;
import io.github.rdpdoctor.symptoms.Expectation;
import io.github.rdpdoctor.symptoms.SymptomSet;
import io.github.rdpdoctor.symptoms.SymptomLoader;
import io.github.rdpdoctor.symptoms.ReadProblem;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs rule scenarios: symptom files with an {@code expect:} block (top_cause, listed, not_listed, min_confidence,
 * max_confidence).
 * Used by {@code rdp-doctor rules test} and by the project's own tests.
 */
public final class ScenarioRunner {
    /**
     * Outcome of one scenario.
     *
     * @param failures why it failed; empty when it passed
     */
    public record Result(Path file, Diagnosis diagnosis, List<String> failures) {
        public Result {
            failures = List.copyOf(failures);
        }

        public boolean passed() {
            return failures.isEmpty();
        }
    }

    private final RdpDoctor doctor;

    public ScenarioRunner(RdpDoctor doctor) {
        this.doctor = doctor;
    }

    /**
     * Scenario files under a directory (recursive, through links as batch walks): *.yaml, *.yml and *.json, sorted by
     * path. Every such name that is not a directory counts, also a link to a missing file: running it reports why it
     * cannot be read.
     */
    public static List<Path> scenarioFiles(Path dir) throws IOException {
        Map<Path, String> problems = new HashMap<>();
        return walk(dir, problems).stream().filter(p -> !problems.containsKey(p)).toList();
    }

    /**
     * The scenario files and, in their place, the directories that could not be walked, with why in {@code problems}: a
     * subdirectory without read permission ended the whole run with no result for any file, and a linked subdirectory
     * was left out without a word.
     *
     * @throws IOException when {@code dir} itself cannot be read
     */
    private static List<Path> walk(Path dir, Map<Path, String> problems) throws IOException {
        if (Files.isRegularFile(dir)) {
            return List.of(dir);
        }
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!attrs.isDirectory() && SymptomLoader.isSymptomFile(file)) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (file.equals(dir)) {
                    throw e;
                }
                found.add(file);
                problems.put(file, e instanceof FileSystemLoopException ? "directory loop: leads back to "
                        + realPath(file) + " (already being walked); not followed"
                        : (Files.isDirectory(file) ? "cannot list directory: " : "cannot read: ") + ReadProblem.of(file, e));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) {
                if (e != null) {
                    found.add(d);
                    problems.put(d, "cannot list directory: " + ReadProblem.of(d, e));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(null);
        return found;
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    /** Runs every scenario under {@code dir}; a directory that cannot be walked is a failed entry of its own. */
    public List<Result> runAll(Path dir) throws IOException {
        Map<Path, String> problems = new HashMap<>();
        List<Result> out = new ArrayList<>();
        for (Path f : walk(dir, problems)) {
            String problem = problems.get(f);
            out.add(problem != null ? new Result(f, null, List.of(f + ": " + problem)) : run(f));
        }
        return out;
    }

    /** Runs one scenario; bad input or a misbehaving rule is a failure of that scenario, not an exception. */
    public Result run(Path file) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            return new Result(file, null, List.of(file + ": not a regular file")); // a pipe would wait for a writer
        }
        SymptomSet facts;
        Diagnosis d;
        try {
            facts = doctor.loader().load(file);
            d = doctor.diagnose(facts);
        } catch (RdpDoctorException e) {
            return new Result(file, null, List.of(e.getMessage()));
        }
        return new Result(file, d, check(facts.expect(), d));
    }

    private List<String> check(Expectation expect, Diagnosis d) {
        List<String> failures = new ArrayList<>();
        if (expect == null) {
            failures.add("no 'expect:' block (top_cause, listed, not_listed, min_confidence, max_confidence)");
            return failures;
        }
        List<String> ids = new ArrayList<>();
        if (expect.topCause() != null) {
            ids.add(expect.topCause());
        }
        ids.addAll(expect.listed());
        ids.addAll(expect.notListed());
        for (Map<String, Double> bounds : List.of(expect.minConfidence(), expect.maxConfidence())) {
            bounds.keySet().stream().filter(id -> !id.equals(Expectation.TOP)).forEach(ids::add);
        }
        for (String id : ids) {
            if (doctor.knowledge().cause(id).isEmpty()) {
                failures.add("line " + expect.line() + ": expect names unknown cause '" + id + "'"
                        + Spelling.hint(id, doctor.knowledge().causes().stream().map(Cause::id)));
            }
        }
        List<String> listed = d.causes().stream().map(RankedCause::id).toList();
        if (expect.topCause() != null) {
            String top = listed.isEmpty() ? "(nothing listed)" : listed.get(0) + " " + d.causes().get(0).confidence();
            if (listed.isEmpty() || !listed.get(0).equals(expect.topCause())) {
                failures.add("top cause is " + top + ", expected " + expect.topCause()
                        + d.cause(expect.topCause()).map(c -> " (ranked " + (listed.indexOf(c.id()) + 1) + ", " + c.confidence() + ")").orElse(" (not listed)"));
            }
        }
        for (String id : expect.listed()) {
            if (!listed.contains(id)) {
                failures.add("expected " + id + " to be listed; listed: " + listed);
            }
        }
        for (String id : expect.notListed()) {
            if (listed.contains(id)) {
                failures.add("expected " + id + " not to be listed, but it is ranked " + (listed.indexOf(id) + 1));
            }
        }
        expect.minConfidence().forEach((id, min) -> checkBound(d, id, min, true, failures));
        expect.maxConfidence().forEach((id, max) -> checkBound(d, id, max, false, failures));
        return failures;
    }

    /**
     * One confidence bound: on cause {@code id}, or on the first-ranked cause for {@link Expectation#TOP}; a cause not
     * listed has confidence 0.
     */
    private static void checkBound(Diagnosis d, String id, double bound, boolean atLeast, List<String> failures) {
        boolean top = id.equals(Expectation.TOP);
        Optional<RankedCause> cause = top ? d.top() : d.cause(id);
        double c = cause.map(RankedCause::confidence).orElse(0.0);
        if (atLeast ? c >= bound : c <= bound) {
            return;
        }
        String subject = top ? "the top cause" + cause.map(x -> " (" + x.id() + ")").orElse("") : id;
        String found = cause.isEmpty() ? (top ? "nothing is listed" : "it is not listed (0)")
                : "it has " + c + (top ? "" : " (ranked " + (d.causes().indexOf(cause.get()) + 1) + ")");
        failures.add("expected " + subject + " to have confidence " + bound + (atLeast ? " or more" : " or less") + ", but " + found);
    }
}
