package io.github.rdpdoctor.symptoms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rdpdoctor.cli.CliRun;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Why a file cannot be read, said in words: Java's exceptions often carry only the path. */
class ReadProblemTest {
    @Test
    void saysWhyInWordsNotThePathAgain(@TempDir Path dir) {
        Path f = dir.resolve("case.yaml");
        // AccessDeniedException's message is the path alone: "cannot read: case.yaml" said nothing
        assertEquals("permission denied", ReadProblem.of(f, new AccessDeniedException(f.toString())));
        assertEquals("no such file", ReadProblem.of(f, new NoSuchFileException(f.toString())));
        assertEquals("Too many levels of symbolic links",
                ReadProblem.of(f, new FileSystemException(f.toString(), null, "Too many levels of symbolic links")));
        assertEquals("Is a directory", ReadProblem.of(f, new IOException("Is a directory")));
    }

    /** ls lists a dangling link, so "no such file" contradicted what the admin sees; the message says where it leads. */
    @Test
    void aLinkToNothingIsCalledABrokenLink(@TempDir Path dir) throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("host.yaml"), dir.resolve("gone.yaml"));
        String why = "broken symbolic link (to " + dir.resolve("gone.yaml") + ")";
        assertEquals(why, ReadProblem.missing(link));
        assertEquals("no such file", ReadProblem.missing(dir.resolve("never.yaml")));

        CliRun d = CliRun.run("diagnose", link.toString());
        assertEquals(1, d.code());
        assertEquals("rdp-doctor: " + link + ": " + why + "\n", d.err());
        CliRun b = CliRun.run("batch", dir.toString(), link.toString());
        assertEquals(3, b.code());
        String line = "{\"file\":\"" + link + "\",\"status\":\"error\",\"error\":{\"message\":\"" + link + ": " + why
                + "\",\"line\":0}}\n";
        assertEquals(line + line, b.out(), "found in the folder and given as a PATH");
        CliRun p = CliRun.run("probe", "--hosts", link.toString());
        assertEquals(1, p.code());
        assertEquals("rdp-doctor: " + link + ": " + why + "\n", p.err());
        CliRun r = CliRun.run("report", link.toString());
        assertEquals(1, r.code());
        assertEquals("rdp-doctor: " + link + ": " + why + "\n", r.err());
    }
}
