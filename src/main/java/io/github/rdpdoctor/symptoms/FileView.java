package io.github.rdpdoctor.symptoms;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a fact in a diagnosis sees of its file: the symptoms by name, the host events and the sessions. Shared by the
 * copies {@link FileFacts#link} makes; empty for facts outside a diagnosis.
 */
final class FileView {
    static final FileView NONE = new FileView(Map.of(), new HostEvent[0], new UserSession[0], Times.UNKNOWN);

    private final Map<String, Symptom> symptoms;
    private final int[] eventIds;
    private final HostEvent[] events;
    private final UserSession[] sessions;
    /** The file's {@code collected_at} in seconds since the epoch, {@link Times#UNKNOWN} when it has none. */
    private final long collectedAt;
    /** {@link #lastLoggedOnAuthentication(String)} per account ("" for any account), computed when first asked. */
    private final Map<String, Long> loggedOnAuthentications = new ConcurrentHashMap<>();
    /** {@link #hasEventNotFollowedByLogon(int)} per event id, computed when first asked. */
    private final Map<Integer, Boolean> notFollowedByLogon = new ConcurrentHashMap<>();
    /** {@link #lastRemoteDesktopServicesFailure()}, computed when first asked; {@code null} until then. */
    private volatile Long lastServiceFailure;
    /** {@link #nameResolvesElsewhere()}, computed when first asked; {@code null} until then. */
    private volatile Boolean resolvesElsewhere;

    FileView(Map<String, Symptom> symptoms, HostEvent[] events, UserSession[] sessions, long collectedAt) {
        this.symptoms = symptoms;
        this.events = events;
        this.sessions = sessions;
        this.collectedAt = collectedAt;
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

    /** Whether an event with that id comes from a source whose name contains {@code source} (letter case aside). */
    boolean hasEventFrom(int id, String source) {
        for (HostEvent e : events) {
            if (e.getId() == id && e.fromSource(source)) {
                return true;
            }
        }
        return false;
    }

    boolean hasTlsAlertEvent(int alert) {
        for (HostEvent e : events) {
            if (e.getTlsAlert() == alert) {
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

    /** See {@link FileFact#nameSeenNotToResolve()}. */
    boolean nameSeenNotToResolve() {
        return Boolean.FALSE.equals(symptom("network.dns_ok").getFlag())
                || hasSymptom("network.dns_resolved_ip") && symptom("network.dns_resolved_ip").textSaysNoAddress();
    }

    /** See {@link FileFact#pathToHostSeenBroken()}. */
    boolean pathToHostSeenBroken() {
        String port = symptom("network.rdp_port_state").getText();
        return Boolean.FALSE.equals(symptom("network.ping_ok").getFlag()) || port.equals("filtered") || port.equals("closed");
    }

    /** See {@link FileFact#hasLogonTypeRefusalAfterAuthenticationOf(String)}. */
    boolean hasLogonTypeRefusalAfterAuthenticationOf(String account) {
        for (HostEvent e : events) {
            if (refusesLogonTypeAfterAuthenticating(e, account)) {
                return true;
            }
        }
        return false;
    }

    /**
     * See {@link HostEvent#refusesLogonTypeAfterAuthenticating(String)}; asked of the view, since its events are the file's
     * unlinked originals (their own file-wide questions would see no file).
     */
    boolean refusesLogonTypeAfterAuthenticating(HostEvent e, String account) {
        return e.getId() == 4625 && e.namesUser(account) && e.refusesLogonType() && hasEventOf(1149, account)
                && !(account != null && !account.isBlank() && e.loggedBefore(lastLoggedOnAuthentication(account)));
    }

    boolean hasProfileEventNaming(String account) {
        return hasProfileEventNaming(account, true, ANY_TIME);
    }

    /** For {@link #hasProfileEventNaming(String, boolean, long)}: events of any time, with or without one. */
    private static final long ANY_TIME = Long.MIN_VALUE;

    /**
     * Whether the file has a User Profile Service event naming {@code account} ({@link HostEvent#namesUser(String)}): 1502,
     * 1508 or 1511, and 1515 (a backup profile loaded) when {@code withBackupProfile}; logged after {@code since} (epoch
     * seconds; an event without a time counts only for {@link #ANY_TIME}).
     */
    private boolean hasProfileEventNaming(String account, boolean withBackupProfile, long since) {
        for (HostEvent e : events) {
            int id = e.getId();
            boolean profile = id == 1502 || id == 1508 || id == 1511 || (withBackupProfile && id == 1515);
            long at = e.getEpochSecond();
            if (profile && (since == ANY_TIME || (at != Times.UNKNOWN && at > since)) && e.namesUser(account)) {
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

    /**
     * The time (seconds since the epoch) of the latest authentication of {@code account} (any account when null) that a
     * session logon followed: the latest event 1149 (RemoteConnectionManager, "User authentication succeeded") logged at
     * or before the latest LocalSessionManager event 21 ("Session logon succeeded") from the network (not a console
     * logon, "Source Network Address: LOCAL"); both must name {@code account}. {@link Times#UNKNOWN} when there is none.
     * An event logged before this time is followed by a complete logon: an authentication after it and a session logon
     * after that (see {@link HostEvent#followedByLogonOf(String)}).
     */
    long lastLoggedOnAuthentication(String account) {
        String key = account == null ? "" : UserSession.bare(account.strip()).toLowerCase(Locale.ROOT);
        if (account != null && key.isEmpty()) {
            return Times.UNKNOWN;
        }
        Long known = loggedOnAuthentications.get(key);
        if (known != null) {
            return known;
        }
        long logon = Times.UNKNOWN;
        for (HostEvent e : events) {
            if (e.getId() == 21 && e.getEpochSecond() > logon && e.fromSource("LocalSessionManager") && !e.isConsoleLogon()
                    && (account == null || e.namesUser(account))) {
                logon = e.getEpochSecond();
            }
        }
        long authentication = Times.UNKNOWN;
        if (logon != Times.UNKNOWN) {
            for (HostEvent e : events) {
                long at = e.getEpochSecond();
                if (e.getId() == 1149 && at > authentication && at <= logon && (account == null || e.namesUser(account))) {
                    authentication = at;
                }
            }
        }
        if (this != NONE) { // the shared empty view keeps nothing
            loggedOnAuthentications.put(key, authentication);
        }
        return authentication;
    }

    /**
     * The time (seconds since the epoch) of the latest event 1149 (RemoteConnectionManager, "User authentication
     * succeeded") naming {@code account} ({@link HostEvent#namesUser(String)}); {@link Times#UNKNOWN} when there is none
     * with a time. A file holds a handful of events: scanned on each call.
     */
    long lastAuthentication(String account) {
        return lastEventOf(1149, account);
    }

    /**
     * The time (seconds since the epoch) of the latest Security 4767 ("A user account was unlocked") naming {@code account};
     * {@link Times#UNKNOWN} when there is none with a time.
     */
    long lastUnlock(String account) {
        return lastEventOf(4767, account);
    }

    /** Whether a Security 4625 refuses {@code account} for the account's state ({@link HostEvent#refusesAccount()}). */
    boolean refusesAccountOf(String account) {
        for (HostEvent e : events) {
            if (e.refusesAccount() && e.namesUser(account)) {
                return true;
            }
        }
        return false;
    }

    /** The time of the latest event {@code id} naming {@code account}; {@link Times#UNKNOWN} when there is none with a time. */
    private long lastEventOf(int id, String account) {
        long last = Times.UNKNOWN;
        for (HostEvent e : events) {
            if (e.getId() == id && e.getEpochSecond() > last && e.namesUser(account)) {
                last = e.getEpochSecond();
            }
        }
        return last;
    }

    /**
     * The time of the latest Service Control Manager event that Remote Desktop Services timed out, hung or terminated
     * unexpectedly (7011, 7022, 7031, 7034 naming it, {@link HostEvent#namesRemoteDesktopServices()});
     * {@link Times#UNKNOWN} when there is none with a time.
     */
    long lastRemoteDesktopServicesFailure() {
        Long known = lastServiceFailure;
        if (known != null) {
            return known;
        }
        long last = Times.UNKNOWN;
        for (HostEvent e : events) {
            if (e.isRemoteDesktopServicesFailure() && e.getEpochSecond() > last) {
                last = e.getEpochSecond();
            }
        }
        if (this != NONE) {
            lastServiceFailure = last;
        }
        return last;
    }

    /** See {@link FileFact#restartedAfterRemoteDesktopServicesFailure()}. */
    boolean restartedAfterRemoteDesktopServicesFailure() {
        long failure = lastRemoteDesktopServicesFailure();
        if (failure == Times.UNKNOWN) {
            return false;
        }
        long start = Times.UNKNOWN;
        for (HostEvent e : events) {
            if (e.isSystemStart() && e.getEpochSecond() != Times.UNKNOWN && e.getEpochSecond() > failure
                    && (start == Times.UNKNOWN || e.getEpochSecond() < start)) {
                start = e.getEpochSecond();
            }
        }
        if (start == Times.UNKNOWN) {
            return false;
        }
        for (HostEvent e : events) {
            if (e.getId() == 1149 && e.getEpochSecond() > start) {
                return false;
            }
        }
        return true;
    }

    /** See {@link FileFact#answeredByAnotherMachine()}. */
    boolean answeredByAnotherMachine() {
        return "false".equals(symptom("network.nat_forward_ok").getText()) || nameResolvesElsewhere();
    }

    /**
     * See {@link FileFact#nameResolvesElsewhere()}. Asked by many rules' constraints (through
     * {@link #answeredByAnotherMachine()}) for one file whose facts do not change: worked out when first asked.
     */
    boolean nameResolvesElsewhere() {
        Boolean known = resolvesElsewhere;
        if (known != null) {
            return known;
        }
        boolean elsewhere = compareNameAddresses();
        if (this != NONE) {
            resolvesElsewhere = elsewhere;
        }
        return elsewhere;
    }

    private boolean compareNameAddresses() {
        List<String> resolved = addresses(symptom("network.dns_resolved_ip").getText());
        List<String> expected = addresses(symptom("network.dns_expected_ip").getText());
        if (resolved.isEmpty() || expected.isEmpty()) {
            return false;
        }
        List<String> all = addresses(symptom("network.dns_all_ips").getText());
        for (String e : expected) {
            if (all.contains(e)) {
                return false; // the host's real address is among the name's addresses
            }
        }
        boolean v4 = false;
        boolean v6 = false;
        for (String e : expected) {
            if (Symptom.isIpv6(e)) {
                v6 = true;
            } else {
                v4 = true;
            }
        }
        // a name address that is none of the host's, of a family the host's addresses show (a dual-stack host has one of each)
        for (List<String> names : List.of(resolved, all)) {
            for (String n : names) {
                if (!expected.contains(n) && (Symptom.isIpv6(n) ? v6 : v4)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** See {@link FileFact#nameResolvesToHostAddresses()}. */
    boolean nameResolvesToHostAddresses() {
        List<String> resolved = addresses(symptom("network.dns_resolved_ip").getText());
        List<String> expected = addresses(symptom("network.dns_expected_ip").getText());
        return !resolved.isEmpty() && !expected.isEmpty() && expected.containsAll(resolved);
    }

    /**
     * The addresses in a text that holds one or several, separated by commas, semicolons or white space, each in lower
     * case; empty for a blank text. A scan, without a regular expression or {@code split}.
     */
    static List<String> addresses(String text) {
        List<String> out = new ArrayList<>(2);
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            boolean separator = c == ',' || c == ';' || Character.isWhitespace(c);
            if (separator) {
                if (start >= 0) {
                    out.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        return out;
    }

    /** See {@link FileFact#hostShutsRdpPort()}. */
    boolean hostShutsRdpPort() {
        return "false".equals(symptom("server.rdp_enabled").getText())
                || "down".equalsIgnoreCase(symptom("server.listener_state").getText().trim())
                || "stopped".equalsIgnoreCase(symptom("server.service.termservice").getText().trim())
                || "false".equals(symptom("server.firewall_rdp_allowed").getText());
    }

    /** See {@link FileFact#nameHasAddressOfFamily(String)}. */
    boolean nameHasAddressOfFamily(String address) {
        boolean v6 = Symptom.isIpv6(address);
        String resolved = symptom("network.dns_resolved_ip").getText();
        if (!resolved.isBlank() && Symptom.isIpv6(resolved) == v6) {
            return true;
        }
        String all = symptom("network.dns_all_ips").getText();
        int start = 0;
        while (start <= all.length()) {
            int comma = all.indexOf(',', start);
            int end = comma < 0 ? all.length() : comma;
            String one = all.substring(start, end);
            if (!one.isBlank() && Symptom.isIpv6(one) == v6) {
                return true;
            }
            if (comma < 0) {
                break;
            }
            start = comma + 1;
        }
        return false;
    }

    /**
     * Whether {@code epochSecond} is known and every Schannel failure event of the file (36871, 36874, 36887, 36888) was
     * logged before it (see {@link HostEvent#loggedBefore(long)}). A file holds a handful of events: scanned on each call.
     */
    boolean everySchannelFailureLoggedBefore(long epochSecond) {
        if (epochSecond == Times.UNKNOWN) {
            return false;
        }
        for (HostEvent e : events) {
            int id = e.getId();
            if ((id == 36871 || id == 36874 || id == 36887 || id == 36888) && !e.loggedBefore(epochSecond)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the host authenticated the connecting user after every Schannel failure the file holds: a 1149 ("User
     * authentication succeeded") that names {@code client.user} or no account ({@link HostEvent#namesAnotherUser(String)}
     * false), logged after each 36871, 36874, 36887 and 36888 ({@link #everySchannelFailureLoggedBefore(long)}). False when
     * there is no such 1149 with a time, or a failure has no time. A file holds a handful of events: scanned on each call.
     */
    boolean connectingUserAuthenticatedAfterEverySchannelFailure() {
        String user = symptom("client.user").getText();
        long latest = Times.UNKNOWN;
        for (HostEvent e : events) {
            if (e.getId() == 1149 && e.getEpochSecond() > latest && !e.namesAnotherUser(user)) {
                latest = e.getEpochSecond();
            }
        }
        return everySchannelFailureLoggedBefore(latest);
    }

    /** Whether the file has an event with that id that no complete logon follows (see {@link HostEvent#followedByLogon()}). */
    boolean hasEventNotFollowedByLogon(int id) {
        Boolean known = notFollowedByLogon.get(id);
        if (known != null) {
            return known;
        }
        long logon = lastLoggedOnAuthentication(null);
        boolean found = false;
        for (HostEvent e : events) {
            if (e.getId() == id && !e.loggedBefore(logon)) {
                found = true;
                break;
            }
        }
        if (this != NONE) {
            notFollowedByLogon.put(id, found);
        }
        return found;
    }

    /**
     * Whether the host logged that Remote Desktop Services timed out or hung (Service Control Manager 7011, 7022 naming it)
     * and no complete logon followed.
     */
    boolean remoteDesktopServicesHangNotFollowedByLogon() {
        long logon = lastLoggedOnAuthentication(null);
        for (HostEvent e : events) {
            if ((e.getId() == 7011 || e.getId() == 7022) && !e.loggedBefore(logon) && e.isRemoteDesktopServicesFailure()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the file has a User Profile Service event that a profile failed to load (1511 temporary profile, 1502, 1508)
     * that names {@code account} ({@link HostEvent#namesUser(String)}), logged after {@code minutesBeforeCollection}
     * minutes before the file's {@code collected_at}. False when the file has no {@code collected_at} or the event no time.
     */
    boolean hasProfileFailureOfWithin(String account, long minutesBeforeCollection) {
        if (collectedAt == Times.UNKNOWN || minutesBeforeCollection < 0) {
            return false;
        }
        return hasProfileEventNaming(account, false, collectedAt - minutesBeforeCollection * 60);
    }

    /**
     * Whether the day {@code days} days before the file's {@code collected_at} lies before {@code isoDate} (as
     * {@link Times#epochSecond(String)} reads it). False when the file has no {@code collected_at}, the date cannot be
     * read or {@code days} is negative.
     */
    boolean daysBeforeCollectionPrecede(double days, String isoDate) {
        long date = Times.epochSecond(isoDate);
        if (collectedAt == Times.UNKNOWN || date == Times.UNKNOWN || days < 0) {
            return false;
        }
        return collectedAt - (long) (days * 86_400L) < date;
    }
}
