package io.github.rdpdoctor.symptoms;

/**
 * Value types of the symptom vocabulary ({@code kb/symptoms.yaml}). {@code THUMBPRINT} is a certificate's SHA-1 thumbprint,
 * read as 40 hexadecimal digits in upper case (as Windows' {@code Thumbprint} and {@code SSLCertificateSHA1Hash} print it),
 * whatever spaces, colons or invisible marks the source put between or before them.
 */
public enum SymptomType {
    BOOL, INT, NUMBER, STRING, HEX, ENUM, THUMBPRINT
}
