package io.github.rdpdoctor.symptoms;

import io.github.rdpdoctor.engine.RdpDoctorException;

/**
 * A symptom file that cannot be used. The message reads {@code FILE:LINE: FIELD: what is wrong}.
 */
public final class SymptomFileException extends RdpDoctorException {
    private final String file;
    private final int line;
    private final String field;
    private final String problem;

    public SymptomFileException(String file, int line, String field, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + problem);
        this.file = file;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    /** 1-based line, 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }

    /** The field (e.g. {@code symptoms.network.rdp_port}), or empty. */
    public String field() {
        return field == null ? "" : field;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }
}
