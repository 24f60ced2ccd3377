package io.github.rdpdoctor.engine;

/**
 * One problem in a rule file, reported as {@code FILE:LINE:COL: message}.
 *
 * @param line   1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 */
public record RuleProblem(String file, int line, int column, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }

    /** {@code FILE:LINE:COL: warning: message}, for a problem that does not stop the rules from compiling. */
    public String asWarning() {
        return file + ":" + line + ":" + column + ": warning: " + message;
    }
}
