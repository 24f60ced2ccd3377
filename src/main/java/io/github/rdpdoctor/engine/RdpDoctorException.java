package io.github.rdpdoctor.engine;

/** Base class of the errors rdp-doctor reports to its caller; the message is meant for a person. */
public class RdpDoctorException extends RuntimeException {
    public RdpDoctorException(String message) {
        super(message);
    }

    public RdpDoctorException(String message, Throwable cause) {
        super(message, cause);
    }
}
