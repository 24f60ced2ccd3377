package io.github.rdpdoctor.symptoms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.rdpdoctor.engine.Diagnosis;
import io.github.rdpdoctor.engine.RdpDoctor;
import io.github.rdpdoctor.engine.ScenarioRunner;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Files damaged the ways files get damaged — cut off by a full disk or a killed copy, a line lost or doubled, a value
 * replaced by text of another type, stray bytes from a terminal, a tab for an indent — are either read and diagnosed or
 * rejected with a {@link SymptomFileException} that names the file and a line inside it; never another exception (a
 * stack trace for the admin, a lost record in a batch). Every scenario file is damaged in {@code PER_FILE} ways (12; more with -Dmangled.rounds=N) drawn
 * from a fixed seed, so a failure repeats.
 */
class MangledFilesTest {
    static final int PER_FILE = Integer.getInteger("mangled.rounds", 12);
    static RdpDoctor doctor;

    @BeforeAll
    static void build() {
        doctor = RdpDoctor.builder().build();
    }

    @TestFactory
    Stream<DynamicTest> damagedFilesAreDiagnosedOrRejectedWithTheirLine() throws Exception {
        List<Path> files = new ArrayList<>(ScenarioRunner.scenarioFiles(Path.of("examples")));
        files.addAll(ScenarioRunner.scenarioFiles(Path.of("src/test/resources/holdout")));
        assertTrue(files.size() > 150, "scenario files missing: " + files.size());
        SplittableRandom seeds = new SplittableRandom(20261126);
        return files.stream().map(f -> {
            long seed = seeds.nextLong();
            return DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                byte[] original = Files.readAllBytes(f);
                SplittableRandom random = new SplittableRandom(seed);
                for (int i = 0; i < PER_FILE; i++) {
                    Damage d = Damage.values()[random.nextInt(Damage.values().length)];
                    byte[] damaged = d.apply(original, random);
                    String name = f + " (" + d + ", seed " + seed + ", round " + i + ")";
                    check(name, damaged);
                }
            });
        });
    }

    /** Read and diagnosed, or rejected naming the file and a line within it (0 = the whole file). */
    private static void check(String name, byte[] content) {
        SymptomSet facts;
        try {
            facts = doctor.loader().parse(name, content);
        } catch (SymptomFileException e) {
            assertEquals(name, e.file(), e.getMessage());
            int lines = 1;
            for (byte b : content) {
                lines += b == '\n' ? 1 : 0;
            }
            assertTrue(e.line() >= 0 && e.line() <= lines, "line " + e.line() + " outside the file's " + lines + ": " + e.getMessage());
            assertFalse(e.problem().isBlank(), e.getMessage());
            assertFalse(e.getMessage().contains("\tat "), "a stack trace in the message: " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            fail(name + ": " + e + "\n--- content ---\n" + new String(content, StandardCharsets.UTF_8), e);
            return;
        }
        try {
            Diagnosis d = doctor.diagnose(facts);
            assertEquals(facts.host(), d.host());
        } catch (RuntimeException e) {
            fail(name + " was read but not diagnosed: " + e + "\n--- content ---\n" + new String(content, StandardCharsets.UTF_8), e);
        }
    }

    enum Damage {
        /** A copy or write cut off. */
        TRUNCATED {
            @Override
            byte[] apply(byte[] in, SplittableRandom r) {
                return java.util.Arrays.copyOf(in, 1 + r.nextInt(in.length));
            }
        },
        /** A line lost. */
        LINE_DROPPED {
            @Override
            byte[] apply(byte[] in, SplittableRandom r) {
                List<String> lines = lines(in);
                lines.remove(r.nextInt(lines.size()));
                return join(lines);
            }
        },
        /** A line pasted twice (a duplicate key or list item). */
        LINE_DOUBLED {
            @Override
            byte[] apply(byte[] in, SplittableRandom r) {
                List<String> lines = lines(in);
                int i = r.nextInt(lines.size());
                lines.add(i, lines.get(i));
                return join(lines);
            }
        },
        /** A value replaced by one of another type or an edge value. */
        VALUE_REPLACED {
            private static final String[] VALUES = {"", "~", "null", "yes", "-1", "1e309", "NaN", ".nan", "0x", "0xZZ",
                    "99999999999999999999", "[1, 2]", "{a: 1}", "\"unterminated", "'", "&anchor x", "*alias", "!!binary aGk=",
                    "2026-13-45T99:99:99Z", "-.inf", "0o17", "\u00e9\u00e8", "\ud83d\ude00", "!!float 3"};

            @Override
            byte[] apply(byte[] in, SplittableRandom r) {
                return changeALine(in, r, line -> line.indexOf(": ") > 0 && !line.trim().startsWith("#"),
                        line -> line.substring(0, line.indexOf(": ") + 2) + VALUES[r.nextInt(VALUES.length)]);
            }
        },
        /** Stray bytes: a control character, an escape sequence, invalid UTF-8, a NUL. */
        BYTES_INSERTED {
            private static final byte[][] BYTES = {{0x1b, '[', '3', '1', 'm'}, {0x07}, {(byte) 0xff, (byte) 0xfe}, {(byte) 0xc3},
                    {0}, {'\t'}, {'\r'}, {'{'}, {'-', ' '}, {':'}, {'"'}};

            @Override
            byte[] apply(byte[] in, SplittableRandom r) {
                byte[] add = BYTES[r.nextInt(BYTES.length)];
                int at = r.nextInt(in.length + 1);
                ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + add.length);
                out.write(in, 0, at);
                out.write(add, 0, add.length);
                out.write(in, at, in.length - at);
                return out.toByteArray();
            }
        },
        /** An indent changed: a tab for spaces, or one space more or less. */
        INDENT_CHANGED {
            @Override
            byte[] apply(byte[] in, SplittableRandom r) {
                return changeALine(in, r, line -> line.startsWith("  "), line -> {
                    String[] indents = {"\t" + line.substring(2), " " + line, line.substring(1)};
                    return indents[r.nextInt(indents.length)];
                });
            }
        };

        abstract byte[] apply(byte[] in, SplittableRandom r);

        /** One random line that {@code fits} (up to 20 draws) replaced by {@code change} of it; else the input as it is. */
        static byte[] changeALine(byte[] in, SplittableRandom r, java.util.function.Predicate<String> fits,
                                  java.util.function.UnaryOperator<String> change) {
            List<String> lines = lines(in);
            for (int tries = 0; tries < 20; tries++) {
                int i = r.nextInt(lines.size());
                if (fits.test(lines.get(i))) {
                    lines.set(i, change.apply(lines.get(i)));
                    return join(lines);
                }
            }
            return in;
        }

        static List<String> lines(byte[] in) {
            return new ArrayList<>(List.of(new String(in, StandardCharsets.UTF_8).split("\n", -1)));
        }

        static byte[] join(List<String> lines) {
            return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        }
    }
}
