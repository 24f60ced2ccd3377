package io.github.rdpdoctor.symptoms;

import java.util.Map;

/**
 * What a fact in a diagnosis sees of its file: the symptoms by name and the ids of the host events. Shared by the
 * copies {@link FileFacts#link} makes; empty for facts outside a diagnosis.
 */
final class FileView {
    static final FileView NONE = new FileView(Map.of(), new int[0]);

    private final Map<String, Symptom> symptoms;
    private final int[] eventIds;

    FileView(Map<String, Symptom> symptoms, int[] eventIds) {
        this.symptoms = symptoms;
        this.eventIds = eventIds;
    }

    boolean hasSymptom(String name) {
        return symptoms.containsKey(name);
    }

    /** The symptom with that name, or one without a value (flag null, number NaN, text empty). */
    Symptom symptom(String name) {
        Symptom s = symptoms.get(name);
        return s != null ? s : Symptom.noValue(name);
    }

    boolean hasEvent(int id) {
        for (int e : eventIds) { // a file has a handful of events: a scan beats hashing
            if (e == id) {
                return true;
            }
        }
        return false;
    }
}
