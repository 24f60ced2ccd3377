package io.github.rdpdoctor.engine;

/**
 * One reason for (positive weight) or against (negative weight) a cause.
 *
 * @param rule   name of the rule that concluded it
 * @param detail the fact behind it, for a person
 * @param weight strength in [-1, 1]: positive supports the cause, negative speaks against it
 */
public record Evidence(String rule, String detail, double weight) {
    /** True when this evidence speaks for the cause. */
    public boolean supports() {
        return weight > 0;
    }
}
