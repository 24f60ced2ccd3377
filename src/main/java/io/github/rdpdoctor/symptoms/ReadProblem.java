package io.github.rdpdoctor.symptoms;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Why a file or directory could not be read, in words for a person. Java's {@link AccessDeniedException} says only the
 * path ("cannot read: x.yaml" told nothing), and "no such file" for a link that leads nowhere contradicts {@code ls},
 * which lists it.
 */
public final class ReadProblem {
    private ReadProblem() {
    }

    /** "permission denied", "no such file", "broken symbolic link (to TARGET)", or the system's reason. */
    public static String of(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return missing(file);
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemLoopException) {
            return "symbolic link loop";
        }
        if (e instanceof FileSystemException f) {
            return f.getReason() != null ? f.getReason() : "cannot access";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Why {@code file} is not there: "no such file", or "broken symbolic link (to TARGET)" for a link to nothing. */
    public static String missing(Path file) {
        if (Files.isSymbolicLink(file)) {
            try {
                return "broken symbolic link (to " + Files.readSymbolicLink(file) + ")";
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return "broken symbolic link";
            }
        }
        return "no such file";
    }
}
