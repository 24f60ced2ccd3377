package io.github.rdpdoctor.symptoms;

import java.util.Objects;

/**
 * A session on the RDP host (query session / qwinsta), as rules see it:
 * {@code UserSession(state == "disconnected", idleMinutes > 60)}.
 * {@code idleMinutes} is -1 when unknown.
 */
public final class UserSession {
    private final String user;
    private final String state;
    private final long idleMinutes;
    /** What this fact sees of its file; {@link FileView#NONE} when not part of a diagnosis. */
    private final FileView file;

    public UserSession(String user, String state, long idleMinutes) {
        this.user = user == null ? "" : user;
        this.state = state == null ? "" : state.toLowerCase(java.util.Locale.ROOT);
        this.idleMinutes = idleMinutes;
        this.file = FileView.NONE;
    }

    private UserSession(UserSession o, FileView file) {
        this.user = o.user;
        this.state = o.state;
        this.idleMinutes = o.idleMinutes;
        this.file = file;
    }

    /** A copy that sees {@code file}. */
    UserSession seeing(FileView file) {
        return new UserSession(this, file);
    }

    public String getUser() {
        return user;
    }

    public String getState() {
        return state;
    }

    public long getIdleMinutes() {
        return idleMinutes;
    }

    /** True when this session belongs to {@code account}, comparing without domain prefix and case. */
    public boolean belongsTo(String account) {
        if (account == null) {
            return false;
        }
        return bare(user).equalsIgnoreCase(bare(account));
    }

    private static String bare(String account) {
        int slash = account.lastIndexOf('\\');
        String s = slash >= 0 ? account.substring(slash + 1) : account;
        int at = s.indexOf('@');
        return at >= 0 ? s.substring(0, at) : s;
    }

    /** Whether this fact's file has a symptom with that name (false when not part of a diagnosis). */
    public boolean hasSymptom(String name) {
        return file.hasSymptom(name);
    }

    /**
     * The symptom of this fact's file with that name; when the file has none, a symptom without a value (flag null,
     * number NaN, text empty), so check {@link #hasSymptom(String)} first.
     */
    public Symptom symptom(String name) {
        return file.symptom(name);
    }

    /** Whether this fact's file has a host event with that id (false when not part of a diagnosis). */
    public boolean hasEvent(int id) {
        return file.hasEvent(id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserSession s && s.user.equals(user) && s.state.equals(state) && s.idleMinutes == idleMinutes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(user, state, idleMinutes);
    }

    @Override
    public String toString() {
        return user + " (" + state + (idleMinutes >= 0 ? ", idle " + idleMinutes + " min" : "") + ")";
    }
}
