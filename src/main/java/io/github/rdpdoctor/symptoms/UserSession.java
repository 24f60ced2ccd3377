package io.github.rdpdoctor.symptoms;

import java.util.Objects;

/**
 * A session on the RDP host (query session / qwinsta), as rules see it:
 * {@code UserSession(state == "disconnected", idleMinutes > 60)}.
 * {@code idleMinutes} is -1 when unknown.
 */
public final class UserSession extends FileFact {
    private final String user;
    private final String state;
    private final long idleMinutes;

    public UserSession(String user, String state, long idleMinutes) {
        super(FileView.NONE);
        this.user = user == null ? "" : user;
        this.state = state == null ? "" : state.toLowerCase(java.util.Locale.ROOT);
        this.idleMinutes = idleMinutes;
    }

    private UserSession(UserSession o, FileView file) {
        super(file);
        this.user = o.user;
        this.state = o.state;
        this.idleMinutes = o.idleMinutes;
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

    /**
     * True when the session holds one of the host's session slots: it has a user and is active or disconnected
     * ({@code disc} as {@code qwinsta} writes it). Idle, listening and down sessions hold none.
     */
    public boolean isOpen() {
        return !user.isEmpty() && (state.equals("active") || state.equals("disconnected") || state.equals("disc"));
    }

    /** True when this session belongs to {@code account}, comparing without domain prefix and case. */
    public boolean belongsTo(String account) {
        if (account == null) {
            return false;
        }
        return bare(user).equalsIgnoreCase(bare(account));
    }

    /** The account name without a DOMAIN\\ prefix or an @domain suffix. */
    static String bare(String account) {
        int slash = account.lastIndexOf('\\');
        String s = slash >= 0 ? account.substring(slash + 1) : account;
        int at = s.indexOf('@');
        return at >= 0 ? s.substring(0, at) : s;
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
