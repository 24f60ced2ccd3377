package io.github.rdpdoctor.engine;

/** A rule did something a rule must not do: an unknown cause id, a weight out of range, a runaway loop. */
public class RuleAuthoringException extends RdpDoctorException {
    public RuleAuthoringException(String message) {
        super(message);
    }
}
