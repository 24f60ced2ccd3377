package io.github.rdpdoctor.cli;

import io.github.rdpdoctor.engine.RdpDoctorException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rdp-doctor} command line. Exit codes: 0 ok, 1 bad input or rule errors, 2 usage, 3 some batch (or probe --hosts) inputs rejected. */
@Command(name = "rdp-doctor", mixinStandardHelpOptions = true, version = "rdp-doctor 0.1.0",
        description = "Diagnoses failed Remote Desktop connections (0x904 / 0x7 and friends): ranked causes and fixes.",
        subcommands = {DiagnoseCommand.class, BatchCommand.class, ReportCommand.class, RulesCommand.class, KbCommand.class, ProbeCommand.class, CollectCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    public static final int OK = 0;
    public static final int BAD_INPUT = 1;
    public static final int USAGE = 2;

    /** Standard input of this run ({@code batch -}). */
    final InputStream stdin;

    private Main(InputStream stdin) {
        this.stdin = stdin;
    }

    public static void main(String[] args) {
        // the file descriptor itself, not System.out: a PrintStream would swallow a failed write (full disk, closed pipe)
        System.exit(run(args, System.in, StandardOutput.of(new FileOutputStream(FileDescriptor.out)),
                new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (used by tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, InputStream.nullInputStream(), out, err);
    }

    /** One line for a person: what failed and where, never a stack trace. */
    static String message(Throwable ex) {
        Throwable e = ex instanceof java.io.UncheckedIOException u && u.getCause() != null ? u.getCause() : ex;
        if (e instanceof java.nio.file.NoSuchFileException f) {
            return f.getFile() + ": no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException f) {
            return f.getFile() + ": permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f) {
            return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : "cannot access");
        }
        if (e instanceof RdpDoctorException || e instanceof java.io.IOException) {
            return e.getMessage();
        }
        return "internal error: " + e;
    }

    /** {@code -h, --help} on every command and subcommand: its usage on standard output, exit 0. */
    private static void addHelpOption(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            CommandLine.Model.CommandSpec spec = sub.getCommandSpec();
            if (spec.findOption("--help") == null && !(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                        .description("Show this help message and exit.").build());
            }
            addHelpOption(sub);
        }
    }

    /**
     * picocli skips its check for unknown arguments when help is asked for, so {@code rdp-doctor nosuch -h} would print the
     * top-level usage and exit 0; an unknown command or argument is a usage error whether or not help is asked for.
     */
    private static int refuseUnmatchedWithHelp(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult last = parsed;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        if (!last.unmatched().isEmpty()) {
            if (last.commandSpec().userObject() instanceof CommandLine.HelpCommand) {
                return nestedHelp(last);
            }
            throw new CommandLine.UnmatchedArgumentException(last.commandSpec().commandLine(), last.unmatched());
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /**
     * {@code help kb show}: picocli's help command takes one command name, and the rest is unmatched; the words name a
     * subcommand of a subcommand, whose usage is printed (an unknown word is a usage error).
     */
    private static int nestedHelp(CommandLine.ParseResult help) {
        CommandLine target = help.commandSpec().parent().commandLine();
        java.util.List<String> words = new java.util.ArrayList<>();
        if (help.hasMatchedPositional(0)) {
            words.add(help.matchedPositional(0).getValue().toString());
        }
        words.addAll(help.unmatched());
        for (String word : words) {
            CommandLine sub = target.getSubcommands().get(word);
            if (sub == null) {
                int unmatched = help.unmatched().indexOf(word);
                throw unmatched < 0 ? new CommandLine.ParameterException(help.commandSpec().commandLine(), "Unknown subcommand '" + word + "'.")
                        : new CommandLine.UnmatchedArgumentException(help.commandSpec().commandLine(),
                                help.unmatched().subList(unmatched, help.unmatched().size()));
            }
            target = sub;
        }
        CommandLine self = help.commandSpec().commandLine();
        target.usage(self.getOut(), self.getColorScheme());
        return OK;
    }

    /** Runs the command line with the given streams and returns the exit code. */
    public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        // Drools' advice on property reactivity (rules that change facts switch it on) concerns the bundled rules' joins,
        // which a person running the CLI cannot change
        String reactivity = "org.slf4j.simpleLogger.log.org.drools.mvel.MVELConstraint";
        if (System.getProperty(reactivity) == null) {
            System.setProperty(reactivity, "error");
        }
        CommandLine cl = new CommandLine(new Main(in));
        addHelpOption(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            cmd.getErr().println("rdp-doctor: " + message(ex));
            cmd.getErr().flush();
            return BAD_INPUT;
        });
        cl.setExecutionStrategy(Main::refuseUnmatchedWithHelp);
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            // the JVM's heap, not the input, ran out (many threads on big files under a small -Xmx): one line, no trace
            err.println("rdp-doctor: out of memory (" + e.getMessage() + "); give Java more, e.g."
                    + " RDP_DOCTOR_JAVA_OPTS=\"-XX:+UseSerialGC -Xmx2g\", or use fewer --threads");
            err.flush();
            return BAD_INPUT;
        }
        out.flush();
        if (out.checkError() && code != BAD_INPUT) { // what was printed did not arrive (batch reports its own failure)
            String why = out instanceof StandardOutput std ? std.failure() : null;
            err.println("rdp-doctor: cannot write to standard output" + (why != null ? ": " + why : ""));
            code = BAD_INPUT;
        }
        err.flush();
        return code;
    }
}
