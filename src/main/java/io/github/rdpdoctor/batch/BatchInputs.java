package io.github.rdpdoctor.batch;

import io.github.rdpdoctor.symptoms.SymptomLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Enumerates batch inputs lazily and in a deterministic order: the PATH arguments in the order given;
 * a directory depth-first with entries sorted by name (only .yaml, .yml and .json files); {@code -} as one
 * document per line of standard input. Only one directory listing is held in memory at a time.
 * Symbolic links are followed; one that leads back to a directory being walked (one of its own parents) is a loop
 * and becomes one error input instead of being walked again.
 */
public final class BatchInputs implements Iterator<BatchInput> {
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final InputStream stdin;
    private BatchInput next;

    public BatchInputs(List<String> args, InputStream stdin) {
        this.stdin = stdin;
        List<Object> items = new ArrayList<>();
        for (String a : args) {
            items.add(a.equals("-") ? "-" : Path.of(a));
        }
        stack.push(new Frame(items.iterator(), null, null));
    }

    /** The entries still to go of one level of the walk; {@code dir} and its {@code key} are null for the arguments. */
    private record Frame(Iterator<?> entries, Path dir, Object key) {
    }


    @Override
    public boolean hasNext() {
        while (next == null && !stack.isEmpty()) {
            Iterator<?> top = stack.peek().entries();
            if (!top.hasNext()) {
                stack.pop();
                continue;
            }
            Object item = top.next();
            if (item instanceof BatchInput b) {
                next = b;
            } else if ("-".equals(item)) {
                stack.push(new Frame(stdinLines(), null, null));
            } else {
                Path p = (Path) item;
                if (Files.isDirectory(p)) {
                    listDirectory(p);
                } else if (Files.isRegularFile(p)) {
                    next = BatchInput.file(p);
                } else {
                    next = BatchInput.broken(p.toString(), Files.exists(p) ? "not a regular file" : "no such file or directory");
                }
            }
        }
        return next != null;
    }

    @Override
    public BatchInput next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        BatchInput n = next;
        next = null;
        return n;
    }

    /**
     * Pushes a directory's entries, sorted by name: symptom files and subdirectories. A directory that is one of those
     * being walked (reached again through a link) becomes an error input instead.
     */
    private void listDirectory(Path dir) {
        Object key;
        try {
            key = directoryKey(dir);
        } catch (IOException e) {
            next = BatchInput.broken(dir.toString(), "cannot list directory: " + e.getMessage());
            return;
        }
        for (Frame f : stack) {
            if (key.equals(f.key())) {
                next = BatchInput.broken(dir.toString(), "directory loop: leads back to " + f.dir()
                        + " (already being walked); not followed");
                return;
            }
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (Files.isDirectory(p) || SymptomLoader.isSymptomFile(p)) {
                    entries.add(p);
                }
            }
        } catch (IOException e) {
            next = BatchInput.broken(dir.toString(), "cannot list directory: " + e.getMessage());
            return;
        }
        entries.sort(null);
        stack.push(new Frame(entries.iterator(), dir, key));
    }

    /** What identifies a directory however it is reached: device and inode where the file system has them. */
    private static Object directoryKey(Path dir) throws IOException {
        Object key = Files.readAttributes(dir, BasicFileAttributes.class).fileKey();
        return key != null ? key : dir.toRealPath();
    }

    private Iterator<BatchInput> stdinLines() {
        BufferedReader r = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8), 1 << 16);
        return new Iterator<>() {
            int lineNo;
            String line;
            boolean done;

            @Override
            public boolean hasNext() {
                if (line == null && !done) {
                    try {
                        line = r.readLine();
                    } catch (IOException e) {
                        throw new UncheckedIOException("reading standard input: " + e.getMessage(), e);
                    }
                    done = line == null;
                }
                return line != null;
            }

            @Override
            public BatchInput next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                lineNo++;
                String l = line;
                line = null;
                return BatchInput.line("<stdin>:" + lineNo, l.getBytes(StandardCharsets.UTF_8));
            }
        };
    }
}
