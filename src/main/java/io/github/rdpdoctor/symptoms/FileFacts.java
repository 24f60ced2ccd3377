package io.github.rdpdoctor.symptoms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts of one file as a diagnosis inserts them: copies of the symptoms, events and sessions that see the
 * file's symptoms ({@code hasSymptom(name)}, {@code symptom(name)}) and event ids ({@code hasEvent(id)}). The engine
 * uses them to match a rule that joins facts as one pattern (see the README, "Writing and testing rules"). The
 * originals are not changed.
 */
public record FileFacts(List<Symptom> symptoms, List<HostEvent> events, List<UserSession> sessions) {

    public FileFacts {
        symptoms = List.copyOf(symptoms);
        events = List.copyOf(events);
        sessions = List.copyOf(sessions);
    }

    /**
     * Links one file's facts.
     *
     * @throws IllegalArgumentException when a symptom name occurs twice
     */
    public static FileFacts link(List<Symptom> symptoms, List<HostEvent> events, List<UserSession> sessions) {
        return link(symptoms, events, sessions, null);
    }

    /**
     * Links one file's facts, which were collected at {@code collectedAt} (ISO-8601, as the file's {@code collected_at};
     * null when unknown): sessions read their idle time against it ({@link UserSession#profileFailureSinceLastInput()}).
     *
     * @throws IllegalArgumentException when a symptom name occurs twice
     */
    public static FileFacts link(List<Symptom> symptoms, List<HostEvent> events, List<UserSession> sessions, String collectedAt) {
        Map<String, Symptom> byName = new HashMap<>(symptoms.size() * 2);
        FileView view = new FileView(byName, events.toArray(new HostEvent[0]), sessions.toArray(new UserSession[0]),
                Times.epochSecond(collectedAt)); // FileView never hands its map out: no read-only wrapper
        List<Symptom> linkedSymptoms = new ArrayList<>(symptoms.size());
        for (Symptom s : symptoms) {
            Symptom copy = s.seeing(view);
            if (byName.put(s.getName(), copy) != null) {
                throw Symptom.givenTwice(s.getName());
            }
            linkedSymptoms.add(copy);
        }
        List<HostEvent> linkedEvents = new ArrayList<>(events.size());
        for (HostEvent e : events) {
            linkedEvents.add(e.seeing(view));
        }
        List<UserSession> linkedSessions = new ArrayList<>(sessions.size());
        for (UserSession u : sessions) {
            linkedSessions.add(u.seeing(view));
        }
        return new FileFacts(linkedSymptoms, linkedEvents, linkedSessions);
    }
}
