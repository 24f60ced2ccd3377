package io.github.rdpdoctor.symptoms;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A session on the RDP host (query session / qwinsta), as rules see it:
 * {@code UserSession(state == "disconnected", idleMinutes > 60)}.
 * {@code idleMinutes} is -1 when unknown.
 */
public final class UserSession extends FileFact {
    /**
     * Session states as qwinsta / quser print them in the OS language (English, German, French, Spanish), to the
     * canonical words: a German host writes "Aktiv" and "Getr." (getrennt), a French one "Actif" and "Déco".
     */
    private static final Map<String, String> STATES = states(
            "active", "active", "aktiv", "active", "actif", "active", "activo", "active", "attivo", "active",
            "disc", "disconnected", "disconnected", "disconnected", "getr.", "disconnected", "getr",
            "disconnected", "getrennt", "disconnected", "déco", "disconnected", "deco", "disconnected",
            "déconnecté", "disconnected", "desc", "disconnected", "desconectado", "disconnected",
            "disconn", "disconnected",
            "conn", "connected", "connected", "connected", "verb.", "connected", "verbunden", "connected",
            "connecté", "connected", "conectado", "connected",
            "connq", "connectquery", "connectquery", "connectquery",
            "listen", "listen", "abhören", "listen", "abhoeren", "listen", "écouter", "listen", "ecouter", "listen",
            "escuchar", "listen", "escucha", "listen",
            "idle", "idle", "leerlauf", "idle", "inactif", "idle", "inactivo", "idle",
            "shadow", "shadow", "reset", "reset", "down", "down", "init", "init");

    private final String user;
    private final String state;
    private final long idleMinutes;

    public UserSession(String user, String state, long idleMinutes) {
        super(FileView.NONE);
        this.user = user == null ? "" : user;
        this.state = state == null ? "" : state.toLowerCase(Locale.ROOT);
        this.idleMinutes = idleMinutes;
    }

    private UserSession(UserSession o, FileView file) {
        super(file);
        this.user = o.user;
        this.state = o.state;
        this.idleMinutes = o.idleMinutes;
    }

    private static Map<String, String> states(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return Map.copyOf(m);
    }

    /**
     * The canonical session state (active, disconnected, connected, connectquery, listen, idle, shadow, reset, down,
     * init) for a state word as qwinsta, quser or the WTS API write it, in English, German, French or Spanish, in any
     * case; empty when the word is unknown. The symptom loader reads a file's session states through it, as the
     * collectors read qwinsta's output.
     */
    public static Optional<String> canonicalState(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String w = word.strip().toLowerCase(Locale.ROOT);
        String s = STATES.get(w);
        if (s == null && w.startsWith("abh")) {
            s = "listen"; // "Abhören" garbled by a console code page
        }
        return Optional.ofNullable(s);
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

    /**
     * True when the host logged that a profile of this session's user failed to load (User Profile Service 1511, 1502,
     * 1508 whose message names the user, {@link HostEvent#namesUser(String)}) after this session's last input: after {@code collected_at} minus the idle time,
     * so after the session was created and its profile loaded. Such an event comes from a later logon that loaded a profile
     * again, not from a reconnection to this session. An event that names nobody may be another user's on a shared host. False without {@code collected_at}, an idle time or event times.
     */
    public boolean profileFailureSinceLastInput() {
        return file().hasProfileFailureOfWithin(user, idleMinutes);
    }

    /**
     * Whether the host authenticated {@code account} (1149) and this session of the account is one a new connection is
     * handed back to and can hang in: disconnected, down (an error state), or active and idle for an hour or more
     * (000_1186b8863ec60437.txt, "Stuck User Session: ... a disconnected or active session on the host that has become
     * unresponsive").
     */
    public boolean isHandedBackAfterAuthenticationOf(String account) {
        return belongsTo(account) && (state.equals("disconnected") || state.equals("disc") || state.equals("down")
                || (state.equals("active") && idleMinutes >= 60)) && hasEventOf(1149, account);
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
