package io.github.rdpdoctor.symptoms;

/**
 * An error code such as mstsc's {@code 0x904}. Written in symptom files as {@code "0x904"} or 2308;
 * both give the same value. Prints in lower-case hex with a {@code 0x} prefix.
 */
public record HexCode(long value) {
    public HexCode {
        if (value < 0) {
            throw new IllegalArgumentException("hex code must not be negative: " + value);
        }
    }

    @Override
    public String toString() {
        return "0x" + Long.toHexString(value);
    }
}
