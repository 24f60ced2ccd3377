package io.github.rdpdoctor.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rdpdoctor.symptoms.SymptomLoader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** How the batch finds its inputs: links, loops, names. */
class BatchInputsTest {
    @TempDir
    Path dir;

    static List<BatchInput> all(String... args) {
        return all(InputStream.nullInputStream(), args);
    }

    static List<BatchInput> all(InputStream stdin, String... args) {
        List<BatchInput> out = new ArrayList<>();
        new BatchInputs(List.of(args), stdin).forEachRemaining(out::add);
        return out;
    }

    /** Before: loop/self/self/... until the path was too long (41 times g.yaml); two links grew exponentially. */
    @Test
    @Timeout(30)
    void aLinkBackToADirectoryBeingWalkedIsOneErrorAndTheWalkGoesOn() throws Exception {
        Path top = Files.createDirectories(dir.resolve("fleet/site"));
        Files.writeString(top.resolve("g.yaml"), "host: g\n");
        Files.createSymbolicLink(top.resolve("self"), Path.of("."));
        Files.createSymbolicLink(top.resolve("up"), Path.of(".."));
        Files.writeString(top.resolve("z.yaml"), "host: z\n");
        List<BatchInput> inputs = all(dir.resolve("fleet").toString());
        assertEquals(List.of(top.resolve("g.yaml").toString(), top.resolve("self").toString(),
                top.resolve("up").toString(), top.resolve("z.yaml").toString()), inputs.stream().map(BatchInput::name).toList());
        assertEquals(top.resolve("g.yaml"), inputs.get(0).path());
        assertEquals("directory loop: leads back to " + top + " (already being walked); not followed", inputs.get(1).problem());
        assertEquals("directory loop: leads back to " + dir.resolve("fleet") + " (already being walked); not followed",
                inputs.get(2).problem());
        assertEquals(top.resolve("z.yaml"), inputs.get(3).path());
    }

    /**
     * A directory is walked recursively for .yaml, .yml and .json files (any case), depth-first with entries sorted by
     * name; other files (notes, archives, a results .jsonl) are not inputs. A file given as a PATH is an input whatever
     * its name.
     */
    @Test
    void directoriesGiveTheirYamlYmlAndJsonFilesInNameOrder() throws Exception {
        Path fleet = Files.createDirectories(dir.resolve("fleet/b-site/deeper"));
        for (String name : List.of("a.yml", "b-site/c.json", "b-site/deeper/d.yaml", "b-site/E.YML", "f.JSON", "notes.txt",
                "results.jsonl", "b-site/host.yaml.bak", "README.md", "z.yaml")) {
            Files.writeString(dir.resolve("fleet").resolve(name), "host: h\n");
        }
        Path top = dir.resolve("fleet");
        assertEquals(List.of(top.resolve("a.yml"), top.resolve("b-site/E.YML"), top.resolve("b-site/c.json"),
                top.resolve("b-site/deeper/d.yaml"), top.resolve("f.JSON"), top.resolve("z.yaml")),
                all(top.toString()).stream().map(BatchInput::path).toList());
        assertEquals(List.of(top.resolve("notes.txt")), all(top.resolve("notes.txt").toString()).stream().map(BatchInput::path).toList());
    }

    /** A fleet may be a tree of links to other places: those are followed, also twice to the same place. */
    @Test
    @Timeout(30)
    void ordinaryLinksToFilesAndDirectoriesAreFollowed() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("store/week1"));
        Files.writeString(elsewhere.resolve("a.json"), "{}");
        Files.writeString(dir.resolve("store/b.yaml"), "host: b\n");
        Path fleet = Files.createDirectories(dir.resolve("fleet"));
        Files.createSymbolicLink(fleet.resolve("1-week"), elsewhere);
        Files.createSymbolicLink(fleet.resolve("2-again"), elsewhere);
        Files.createSymbolicLink(fleet.resolve("3-b.yaml"), dir.resolve("store/b.yaml"));
        List<BatchInput> inputs = all(fleet.toString());
        assertEquals(List.of(fleet.resolve("1-week/a.json"), fleet.resolve("2-again/a.json"), fleet.resolve("3-b.yaml")),
                inputs.stream().map(BatchInput::path).toList());
        inputs.forEach(in -> assertNull(in.problem()));
    }

    /** The same directory given twice as a PATH is walked twice: arguments are taken as given. */
    @Test
    void aDirectoryGivenTwiceIsNoLoop() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "host: a\n");
        List<BatchInput> inputs = all(dir.toString(), dir.toString());
        assertEquals(2, inputs.size());
        assertTrue(inputs.stream().allMatch(in -> in.problem() == null));
    }

    /** A stream of {@code size} bytes of 'x' made as it is read: nothing of it is held in memory. */
    static InputStream generated(long size) {
        return new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
    }

    /** A 300 MB line on stdin (an OutOfMemoryError before) is one error input; the lines around it are read as usual. */
    @Test
    @Timeout(60)
    void aStdinLineOverTheLimitIsReadToItsEndAndBecomesOneError() {
        long huge = 300L << 20;
        InputStream stdin = new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream("{\"host\": \"a\"}\r\n".getBytes(StandardCharsets.UTF_8)),
                generated(huge),
                new ByteArrayInputStream("\n\n{".getBytes(StandardCharsets.UTF_8)),
                generated(SymptomLoader.MAX_BYTES - 1),
                new ByteArrayInputStream("\n".getBytes(StandardCharsets.UTF_8)),
                generated(SymptomLoader.MAX_BYTES + 1),
                new ByteArrayInputStream("\n{\"host\": \"b\"}".getBytes(StandardCharsets.UTF_8)))));
        List<BatchInput> inputs = all(stdin, "-");
        assertEquals(List.of("<stdin>:1", "<stdin>:2", "<stdin>:3", "<stdin>:4", "<stdin>:5", "<stdin>:6"),
                inputs.stream().map(BatchInput::name).toList());
        assertEquals("{\"host\": \"a\"}", new String(inputs.get(0).content(), StandardCharsets.UTF_8));
        assertEquals("line is " + huge + " bytes; the limit is 1048576", inputs.get(1).problem());
        assertEquals("empty line; standard input holds one JSON symptom document per line", inputs.get(2).problem(),
                "a blank line is an input too");
        assertEquals(SymptomLoader.MAX_BYTES, inputs.get(3).content().length, "a line of exactly the limit is kept");
        assertEquals("line is 1048577 bytes; the limit is 1048576", inputs.get(4).problem());
        assertEquals("{\"host\": \"b\"}", new String(inputs.get(5).content(), StandardCharsets.UTF_8), "last line without \\n");
    }

    /**
     * Standard input holds JSON documents, one per line: a line that does not start like one is an error input saying
     * so. Read as YAML, the lines of a YAML file piped in by mistake were documents of their own ('host: fin-app-07'
     * was diagnosed, with no facts); a byte order mark and blanks before the '{' are fine.
     */
    @Test
    void aStdinLineThatIsNoJsonObjectIsOneErrorInputSayingSo() {
        String yaml = "# collected by hand\nhost: fin-app-07.corp.example\nsymptoms:\n  client.error_code: \"0x904\"\n";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, ' ', '{', '}', '\n'};
        List<BatchInput> inputs = all(new SequenceInputStream(new ByteArrayInputStream(bom),
                new ByteArrayInputStream((yaml + "\t{\"host\": \"a\"}\n[{\"host\": \"b\"}]\n").getBytes(StandardCharsets.UTF_8))), "-");
        String notJson = "not a JSON object; standard input holds one JSON symptom document per line (JSON Lines): give a"
                + " YAML file as a PATH, or to 'diagnose -'";
        assertEquals(java.util.Arrays.asList(null, notJson, notJson, notJson, notJson, null, notJson),
                inputs.stream().map(BatchInput::problem).toList());

        io.github.rdpdoctor.cli.CliRun r = io.github.rdpdoctor.cli.CliRun.withStdin(yaml, "batch", "-");
        assertEquals(3, r.code());
        assertEquals(4, r.out().lines().count());
        assertTrue(r.out().lines().allMatch(l -> l.contains("\"status\":\"error\"") && l.contains(notJson)), r.out());
    }

    /** Bytes that are not UTF-8 reach the loader as they are (it names the bad byte) instead of being replaced. */
    @Test
    void stdinLinesAreKeptAsBytes() {
        byte[] latin1 = "{\"host\": \"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        List<BatchInput> inputs = all(new ByteArrayInputStream(latin1), "-");
        assertEquals(1, inputs.size());
        assertArrayEquals(Arrays.copyOf(latin1, latin1.length - 1), inputs.get(0).content());
    }

    /** An argument that cannot be a path (here a NUL) is an error input of its own; the others go on. */
    @Test
    void anArgumentThatIsNoPathIsOneErrorInput() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "host: a\n");
        List<BatchInput> inputs = all("bad\0name.yaml", dir.resolve("a.yaml").toString());
        assertEquals(2, inputs.size());
        assertEquals("bad\0name.yaml", inputs.get(0).name());
        assertEquals("not a usable file name: Nul character not allowed", inputs.get(0).problem());
        assertNull(inputs.get(1).problem());
    }
}
