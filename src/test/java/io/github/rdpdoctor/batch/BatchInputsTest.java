package io.github.rdpdoctor.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
}
