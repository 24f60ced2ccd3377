package io.github.rdpdoctor.symptoms;

/** Value types of the symptom vocabulary ({@code kb/symptoms.yaml}). */
public enum SymptomType {
    BOOL, INT, NUMBER, STRING, HEX, ENUM
}
