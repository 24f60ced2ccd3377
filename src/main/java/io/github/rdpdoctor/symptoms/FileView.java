package io.github.rdpdoctor.symptoms;

import java.util.Map;

/**
 * What a fact in a diagnosis sees of its file: the symptoms by name, the host events and the sessions. Shared by the
 * copies {@link FileFacts#link} makes; empty for facts outside a diagnosis.
 */
final class FileView {
    static final FileView NONE = new FileView(Map.of(), new HostEvent[0], new UserSession[0]);

    private final Map<String, Symptom> symptoms;
    private final int[] eventIds;
    private final HostEvent[] events;
    private final UserSession[] sessions;

    FileView(Map<String, Symptom> symptoms, HostEvent[] events, UserSession[] sessions) {
        this.symptoms = symptoms;
        this.events = events;
        this.sessions = sessions;
        this.eventIds = new int[events.length];
        for (int i = 0; i < events.length; i++) {
            eventIds[i] = events[i].getId();
        }
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

    boolean hasEventOf(int id, String account) {
        for (HostEvent e : events) {
            if (e.getId() == id && !e.namesAnotherUser(account)) {
                return true;
            }
        }
        return false;
    }

    boolean hasSessions() {
        return sessions.length > 0;
    }

    boolean hasSessionOf(String account) {
        for (UserSession u : sessions) {
            if (u.belongsTo(account)) {
                return true;
            }
        }
        return false;
    }

    /** Open sessions (a user, active or disconnected) not of {@code except} (null: of anyone). */
    int openSessions(String except) {
        int n = 0;
        for (UserSession u : sessions) {
            if (u.isOpen() && (except == null || !u.belongsTo(except))) {
                n++;
            }
        }
        return n;
    }
}
