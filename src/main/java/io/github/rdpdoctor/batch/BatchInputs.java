package io.github.rdpdoctor.batch;

import io.github.rdpdoctor.symptoms.ReadProblem;
import io.github.rdpdoctor.symptoms.SymptomLoader;
import io.github.rdpdoctor.symptoms.Utf16;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
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
    /**
     * Why a name with a replacement character may not be found: its bytes were not UTF-8 and Java decoded them lossily.
     * Files found in a directory walk are read by their original bytes, only their reported name is lossy.
     */
    private static final String NOT_UTF8 = " (the name was not valid UTF-8 and cannot be passed on unchanged; "
            + "give its directory instead)";
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final InputStream stdin;
    private BatchInput next;

    /** The run's output file, never read as an input (a results file named .json in an input directory); may be null. */
    private final Path output;

    public BatchInputs(List<String> args, InputStream stdin) {
        this(args, stdin, null);
    }

    /**
     * Inputs of a run that writes to {@code output}: found in a directory, the output file is left out (it is being
     * written); named as a PATH argument, it is an error input.
     */
    public BatchInputs(List<String> args, InputStream stdin, Path output) {
        this.stdin = stdin;
        this.output = output;
        stack.push(new Frame(List.copyOf(args).iterator(), null, null));
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
                Path p = item instanceof Path path ? path : argument((String) item);
                if (p == null) {
                    continue; // next is the argument's error
                }
                if (Files.isDirectory(p)) {
                    listDirectory(p);
                } else if (Files.isRegularFile(p)) {
                    resolveOutputTarget();
                    next = isOutput(p) ? BatchInput.broken(p.toString(), "is this run's --out file; not read as an input")
                            : BatchInput.file(p);
                } else {
                    next = BatchInput.broken(p.toString(), Files.exists(p) ? "not a regular file"
                            : Files.isSymbolicLink(p) ? ReadProblem.missing(p)
                            : "no such file or directory" + (p.toString().indexOf('\uFFFD') >= 0 ? NOT_UTF8 : ""));
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

    /** A PATH argument as a path, or null (and {@code next} an error input) when it cannot be one. */
    private Path argument(String arg) {
        try {
            return Path.of(arg);
        } catch (InvalidPathException e) {
            String encoding = System.getProperty("sun.jnu.encoding", "");
            next = BatchInput.broken(arg, "not a usable file name: " + (encoding.equalsIgnoreCase("UTF-8") ? e.getReason()
                    : "it has characters that file names in this locale's encoding (" + encoding + ") cannot have; "
                    + "run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8 (bin/rdp-doctor does)"));
            return null;
        }
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
            next = BatchInput.broken(dir.toString(), "cannot list directory: " + ReadProblem.of(dir, e));
            return;
        }
        for (Frame f : stack) {
            if (key.equals(f.key())) {
                next = BatchInput.broken(dir.toString(), "directory loop: leads back to " + f.dir()
                        + " (already being walked); not followed");
                return;
            }
        }
        resolveOutputTarget();
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (Files.isDirectory(p) || SymptomLoader.isSymptomFile(p) && !isOutput(p)) {
                    entries.add(p);
                }
            }
        } catch (IOException e) {
            next = BatchInput.broken(dir.toString(), "cannot list directory: " + ReadProblem.of(dir, e));
            return;
        }
        entries.sort(null);
        stack.push(new Frame(entries.iterator(), dir, key));
    }

    /** The name of the file {@link #output} leads to when it is a link (latest.json -> runs/2026-11-20.json); or null. */
    private Path outputTarget;

    /**
     * Whether a file is the run's output (compared by name first, the output's own or, through a link, its target's: a
     * file system lookup only for a file of that name).
     */
    private boolean isOutput(Path file) {
        if (output == null || file.getFileName() == null || output.getFileName() == null) {
            return false;
        }
        if (!file.getFileName().equals(output.getFileName()) && !file.getFileName().equals(outputTarget)) {
            return false;
        }
        try {
            return Files.isSameFile(file, output);
        } catch (IOException e) {
            return false; // the output does not exist (yet): this file is not it
        }
    }

    /**
     * Finds {@link #outputTarget} once the output exists: asked once per directory listed (the run creates its output
     * before the walk lists any), not once per file.
     */
    private void resolveOutputTarget() {
        if (output != null && outputTarget == null) {
            try {
                outputTarget = output.toRealPath().getFileName();
            } catch (IOException | SecurityException e) {
                // the output does not exist (yet): asked again for the next directory
            }
        }
    }

    /** What identifies a directory however it is reached: device and inode where the file system has them. */
    private static Object directoryKey(Path dir) throws IOException {
        Object key = Files.readAttributes(dir, BasicFileAttributes.class).fileKey();
        return key != null ? key : dir.toRealPath();
    }

    /**
     * Why a line of standard input is no JSON symptom document, or null when it starts like one ('{', after a byte
     * order mark and blanks). Read as YAML, a line of a YAML file piped in by mistake ({@code host: fin-app-07}) was
     * diagnosed as a document of its own, with no facts.
     */
    static String notAJsonDocument(byte[] line) {
        int i = line.length >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF ? 3 : 0;
        while (i < line.length && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) {
            i++;
        }
        if (i == line.length) {
            return "empty line; standard input holds one JSON symptom document per line";
        }
        return line[i] == '{' ? null : "not a JSON object; standard input holds one JSON symptom document per line"
                + " (JSON Lines): give a YAML file as a PATH, or to 'diagnose -'";
    }

    /**
     * One input per line of standard input; a line longer than the document limit is read to its end but not kept.
     * A stream in UTF-16 (a .jsonl file Windows PowerShell 5.1 wrote with {@code >}, fed in by cmd's {@code <}) is read
     * as UTF-8 before it is split into lines: split at its '\n' bytes, every line after the first would start with a
     * NUL and the last NUL would be one more input.
     */
    private Iterator<BatchInput> stdinLines() {
        InputStream utf8;
        try {
            utf8 = Utf16.asUtf8(stdin);
        } catch (IOException e) {
            throw new UncheckedIOException("reading standard input: " + e.getMessage(), e);
        }
        BoundedLines lines = new BoundedLines(utf8, SymptomLoader.MAX_BYTES);
        return new Iterator<>() {
            long lineNo;
            BatchInput line;
            boolean done;

            @Override
            public boolean hasNext() {
                if (line == null && !done) {
                    try {
                        done = !lines.next();
                    } catch (IOException e) {
                        throw new UncheckedIOException("reading standard input: " + e.getMessage(), e);
                    }
                    if (!done) {
                        String name = "<stdin>:" + ++lineNo;
                        byte[] bytes = lines.line();
                        String problem = bytes == null ? "line is " + lines.length() + " bytes; the limit is " + SymptomLoader.MAX_BYTES
                                : notAJsonDocument(bytes);
                        line = problem == null ? BatchInput.line(name, bytes) : BatchInput.broken(name, problem);
                    }
                }
                return line != null;
            }

            @Override
            public BatchInput next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                BatchInput l = line;
                line = null;
                return l;
            }
        };
    }
}
