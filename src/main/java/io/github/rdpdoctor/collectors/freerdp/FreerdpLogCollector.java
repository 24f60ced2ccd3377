package io.github.rdpdoctor.collectors.freerdp;

import io.github.rdpdoctor.collectors.CollectionContext;
import io.github.rdpdoctor.collectors.CollectionTarget;
import io.github.rdpdoctor.collectors.CollectorResult;
import io.github.rdpdoctor.collectors.SymptomCollector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output of a FreeRDP client (xfreerdp, wlfreerdp, sdl-freerdp, or Remmina with its FreeRDP log) for the failed
 * attempt, as the client's side of the facts: target option {@value #OPTION}, {@code probe HOST --client-log FILE}.
 *
 * <p>FreeRDP logs each connection error it records as {@code freerdp_set_last_error_ex ERRCONNECT_NAME [0x000200NN]}
 * (include/freerdp/error.h: the {@code ERRCONNECT_*} codes, among them the NTSTATUS a Windows host's CredSSP returned —
 * logon failure, locked-out or expired account, logon type not granted), and the server's Set Error Info PDU as
 * {@code ERRINFO_NAME (0x0000000N):text}: the same MS-RDPBCGR errorInfo values mstsc shows as its extended code
 * (0x7 ERRINFO_SERVER_DENIED_CONNECTION). The last of each in the file is the one the attempt ended with: it becomes
 * {@code client.freerdp_error} and {@code client.extended_error_code}. A file with neither is a warning, never an
 * empty fact.
 */
public final class FreerdpLogCollector implements SymptomCollector {
    /** Target option holding the path of the client's log. */
    public static final String OPTION = "freerdp-log";
    /** The fact this collector adds: FreeRDP's ERRCONNECT_* name. */
    public static final String FREERDP_ERROR = "client.freerdp_error";
    /** The server's errorInfo code, the value mstsc shows as its extended code. */
    public static final String EXTENDED_ERROR_CODE = "client.extended_error_code";
    static final int ORDER = 60;
    /** Longest log read: a /log-level:TRACE run of a failed attempt is a few MiB. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final Pattern ERRCONNECT = Pattern.compile("\\b(ERRCONNECT_[A-Z_]+)\\b");
    private static final Pattern ERRINFO = Pattern.compile("\\b(ERRINFO_[A-Z0-9_]+) \\(0x([0-9A-Fa-f]{1,8})\\)");
    /** Codes FreeRDP logs that are not an error. */
    private static final Set<String> NOT_ERRORS = Set.of("ERRCONNECT_SUCCESS", "ERRCONNECT_NONE");

    /** What one log says: the last error names, each null when absent. */
    public record Reading(String errconnect, String errinfoName, Long errinfoCode) {
    }

    @Override
    public String name() {
        return "freerdp-log";
    }

    @Override
    public Set<String> produces() {
        return Set.of(FREERDP_ERROR, EXTENDED_ERROR_CODE);
    }

    @Override
    public int order() {
        return ORDER;
    }

    /** Applies when the target names a client log. */
    @Override
    public boolean appliesTo(CollectionTarget target, Map<String, Object> soFar) {
        return target.option(OPTION).isPresent();
    }

    @Override
    public CollectorResult collect(CollectionContext context) {
        String file = context.target().option(OPTION).orElseThrow();
        Reading r;
        try {
            r = read(Path.of(file));
        } catch (InvalidPathException e) {
            return CollectorResult.warning("'" + file + "' is not a file path: " + e.getMessage());
        } catch (NoSuchFileException e) {
            return CollectorResult.warning(file + ": no such file");
        } catch (IOException e) {
            return CollectorResult.warning(file + ": cannot be read: " + e.getMessage());
        }
        CollectorResult.Builder out = CollectorResult.builder();
        if (r.errconnect() != null) {
            out.put(FREERDP_ERROR, r.errconnect());
        }
        if (r.errinfoCode() != null) {
            out.put(EXTENDED_ERROR_CODE, "0x" + Long.toHexString(r.errinfoCode()));
        }
        if (r.errconnect() == null && r.errinfoCode() == null) {
            out.warn(file + ": no FreeRDP ERRCONNECT_ or ERRINFO_ code in it; give the client's whole output of the failed attempt"
                    + " (xfreerdp ... 2>&1 | tee FILE)");
        }
        return out.build();
    }

    /**
     * Reads a FreeRDP client log: the last {@code ERRCONNECT_*} name other than SUCCESS / NONE, and the last non-zero
     * {@code ERRINFO_*} code.
     *
     * @throws IOException when the file cannot be read or is larger than {@value #MAX_BYTES} bytes
     */
    public static Reading read(Path log) throws IOException {
        long size = Files.size(log);
        if (size > MAX_BYTES) {
            throw new IOException(size + " bytes, more than the " + MAX_BYTES + " a client log of one attempt needs");
        }
        String errconnect = null;
        String errinfoName = null;
        Long errinfoCode = null;
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(log), decoder))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.contains("ERRCONNECT_")) {
                    Matcher m = ERRCONNECT.matcher(line);
                    while (m.find()) {
                        if (!NOT_ERRORS.contains(m.group(1))) {
                            errconnect = m.group(1);
                        }
                    }
                }
                if (line.contains("ERRINFO_")) {
                    Matcher m = ERRINFO.matcher(line);
                    while (m.find()) {
                        long code = Long.parseLong(m.group(2), 16);
                        if (code != 0) {
                            errinfoName = m.group(1);
                            errinfoCode = code;
                        }
                    }
                }
            }
        }
        return new Reading(errconnect, errinfoName, errinfoCode);
    }
}
