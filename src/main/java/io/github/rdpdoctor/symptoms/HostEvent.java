package io.github.rdpdoctor.symptoms;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Windows event seen on the RDP host, as rules see it: {@code HostEvent(id == 1058)}.
 * {@code source} is the provider name, e.g. {@code Microsoft-Windows-TerminalServices-RemoteConnectionManager}.
 */
public final class HostEvent extends FileFact {
    /**
     * The "User:" line of an event such as 1149 ("User: jdoe", "User: CORP\jdoe", "User: John Smith"): the name runs to
     * the end of the line or, in a message folded onto one line, to the next label ("User: John Smith Domain: CORP"; the
     * LocalSessionManager events 21, 22, 24 and 25 go on with the two- and three-word labels "Session ID:" and "Source
     * Network Address:").
     */
    private static final Pattern USER_LINE =
            Pattern.compile("(?i)(?:^|\\s)User:[ \\t]*+(?!\\w+:)(?:[^\\s\\\\]+\\\\)?([^\\r\\n\\\\]*?)[ \\t]*"
                    + "(?=[\\r\\n]|$|\\s+(?:Session ID|Source Network Address|\\w+):)");
    /**
     * The account a Security event names under its target header: "Account For Which Logon Failed:" in a 4625 ("An account
     * failed to log on"), "Account That Was Locked Out:" in a 4740 ("A user account was locked out"), "Target Account:" in a
     * 4767 ("A user account was unlocked") — its "Account Name:" there; the "Subject:" section before it names the caller,
     * not the account. Microsoft Learn, "4625(F)", "4740(S)" and "4767(S)".
     */
    private static final Pattern TARGET_ACCOUNT = Pattern.compile(
            "(?is)(?:Account For Which Logon Failed|Account That Was Locked Out|Target Account):.*?Account Name:[ \\t]*+(?:[^\\s\\\\]+\\\\)?([^\\s\\\\,;]+)");
    /**
     * Any "Account Name:" of a 4625: in a message pasted short, without the "Account For Which Logon Failed:" header
     * ("An account failed to log on. Logon Type: 3. Account Name: jdoe. Account Domain: CORP. ..."), the last one that
     * names an account is the one that failed — in the full message the caller's "Subject:" comes first. A trailing full
     * stop ends the sentence, not the name (an account name cannot end with one); so does a comma or semicolon of a message
     * pasted on one line ("Account Name: jdoe, Account Domain: CORP"): neither may appear in a user logon name (Microsoft
     * Learn, "Naming conventions in Active Directory": sAMAccountName excludes " / \\ [ ] : ; | = , + * ? &lt; &gt;).
     */
    private static final Pattern ACCOUNT_NAME = Pattern.compile("(?i)Account Name:[ \\t]*+(?:[^\\s\\\\]+\\\\)?([^\\s\\\\,;]+)");
    /** The same account in osquery's windows_eventlog data, the event's fields as JSON text ("TargetUserName":"jdoe"). */
    private static final Pattern TARGET_USER_NAME = Pattern.compile("\"TargetUserName\"\\s*:\\s*\"([^\"]*)\"");
    /**
     * A profile path: the folder under \Users\ (User Profile Service 1502/1508 name NTUSER.DAT's path); also with
     * doubled backslashes, as in osquery's event data, which is JSON text.
     */
    private static final Pattern PROFILE_PATH = Pattern.compile("(?i)\\\\+Users\\\\+([^\\\\\\r\\n]+?)\\\\");
    /**
     * Profile folders that belong to no one account; also Windows' temporary profile (TEMP, TEMP.DOMAIN, TEMP.DOMAIN.000),
     * which whoever logs on gets when their own profile does not load.
     */
    private static final Set<String> SHARED_PROFILES = Set.of("default", "default user", "public", "all users", "temp");

    /**
     * Remote Desktop Services itself (service name TermService) as Service Control Manager messages name it: by its
     * display name in the OS language — English "Remote Desktop Services", German "Remotedesktopdienste", French
     * "Services Bureau à distance", Spanish "Servicios de Escritorio remoto" — or by its service name. Not the services
     * whose display names contain these words: the UserMode Port Redirector (UmRdpService: "Remote Desktop Services
     * UserMode Port Redirector", "Remotedesktopdienste-UserMode-Portumleitung", "Redirecteur de port du mode utilisateur
     * des services Bureau à distance", "Redirector de puerto en modo usuario de Servicios de Escritorio remoto") and
     * French "Configuration des services Bureau à distance" (SessionEnv).
     */
    private static final Pattern REMOTE_DESKTOP_SERVICES = Pattern.compile("(?iu)TermService|Remote Desktop Services(?! UserMode)"
            + "|Remotedesktopdienste(?!-)|(?<!des )Services Bureau [àa] distance|(?<!de )Servicios de Escritorio remoto");

    private final String log;
    private final String source;
    private final int id;
    private final String time;
    private final long epochSecond;
    private final String message;
    private final String namedUser;
    private final int tlsAlert;
    private final boolean protectedUserNtlmRefusal;

    public HostEvent(String log, String source, int id, String time, String message) {
        super(FileView.NONE);
        this.log = log == null ? "" : log;
        this.source = source == null ? "" : source;
        this.id = id;
        this.time = time == null ? "" : time;
        this.epochSecond = Times.epochSecond(this.time);
        this.message = message == null ? "" : message;
        this.protectedUserNtlmRefusal = protectedUserNtlmRefusal(id, this.log, this.source);
        this.namedUser = namedUser(id, this.message, protectedUserNtlmRefusal);
        this.tlsAlert = id == SCHANNEL_ALERT_RECEIVED || id == SCHANNEL_ALERT_SENT ? tlsAlert(this.message) : NO_ALERT;
    }

    private HostEvent(HostEvent o, FileView file) {
        super(file);
        this.log = o.log;
        this.source = o.source;
        this.id = o.id;
        this.time = o.time;
        this.epochSecond = o.epochSecond;
        this.message = o.message;
        this.namedUser = o.namedUser;
        this.tlsAlert = o.tlsAlert;
        this.protectedUserNtlmRefusal = o.protectedUserNtlmRefusal;
    }

    /** A copy that sees {@code file}. */
    HostEvent seeing(FileView file) {
        return new HostEvent(this, file);
    }

    public String getLog() {
        return log;
    }

    public String getSource() {
        return source;
    }

    public int getId() {
        return id;
    }

    public String getTime() {
        return time;
    }

    /** {@link #getTime()} in seconds since the epoch, or {@link Times#UNKNOWN} when there is none. */
    public long getEpochSecond() {
        return epochSecond;
    }

    public String getMessage() {
        return message;
    }

    /** True when the provider name contains {@code part}, ignoring case (e.g. "Schannel"). */
    public boolean fromSource(String part) {
        return source.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }

    /**
     * True when the message names Remote Desktop Services itself (TermService), in English or by its display name on
     * German, French or Spanish Windows (see {@link #REMOTE_DESKTOP_SERVICES}): Service Control Manager events
     * (7011, 7022, 7031, 7034) carry one id for every service and tell them apart only by the name in the message.
     * Rules ask it after the id, so it runs only for those events.
     */
    public boolean namesRemoteDesktopServices() {
        return REMOTE_DESKTOP_SERVICES.matcher(message).find();
    }

    /** Schannel event ids: a fatal TLS alert received from the other end, and one generated and sent to it. */
    static final int SCHANNEL_ALERT_RECEIVED = 36887;
    static final int SCHANNEL_ALERT_SENT = 36888;
    /** {@link #getTlsAlert()} when the event carries no TLS alert code. */
    public static final int NO_ALERT = -1;

    /**
     * The TLS alert code (RFC 8446 6.2; RFC 5246 7.2) of a Schannel 36887 / 36888 event — 70 protocol_version, 40
     * handshake_failure, 71 insufficient_security, 42–46 and 48 certificate alerts — or {@link #NO_ALERT}. Windows writes it
     * as the message's first number in every wording: "The TLS protocol defined fatal alert code is 70." (36887), "... fatal
     * error code is 70. The Windows SChannel error state is 105." (36888), "The following fatal alert was received: 70."
     * (Windows 7 / Server 2008 R2), and in the same place in other languages. Read once, when the event is made.
     */
    public int getTlsAlert() {
        return tlsAlert;
    }

    /** The message's first number (a run of digits not inside a word) when it is 0..255, else {@link #NO_ALERT}. */
    private static int tlsAlert(String message) {
        int n = message.length();
        for (int i = 0; i < n; i++) {
            char c = message.charAt(i);
            if (c >= '0' && c <= '9' && (i == 0 || !Character.isLetterOrDigit(message.charAt(i - 1)))) {
                int end = i;
                int value = 0;
                while (end < n && message.charAt(end) >= '0' && message.charAt(end) <= '9' && end - i < 4) {
                    value = value * 10 + message.charAt(end) - '0';
                    end++;
                }
                if (end < n && Character.isLetterOrDigit(message.charAt(end))) {
                    i = end;
                    continue; // part of a word or a longer number: not the code
                }
                return value <= 255 ? value : NO_ALERT;
            }
        }
        return NO_ALERT;
    }

    /**
     * Whether the message holds {@code number} as a number of its own: a run of digits equal to it, not part of a longer
     * number or of a word ("The internal error state is 10013." holds 10013; "110013" and "0x10013" do not). Schannel writes
     * its internal error state this way in every language (domain-notes.md, "Event ids": 36871 state 10013, protocol disabled).
     * A plain scan, no regular expression.
     */
    public boolean namesNumber(long number) {
        String digits = Long.toString(number);
        int n = message.length();
        int from = 0;
        while (true) {
            int at = message.indexOf(digits, from);
            if (at < 0) {
                return false;
            }
            int end = at + digits.length();
            boolean alone = (at == 0 || !Character.isLetterOrDigit(message.charAt(at - 1)))
                    && (end == n || !Character.isLetterOrDigit(message.charAt(end)));
            if (alone) {
                return true;
            }
            from = at + 1;
        }
    }


    /**
     * Whether a Schannel credential event (36867-36871) says the credential is a client one: Schannel writes the credential's
     * side into the message ("A fatal error occurred while creating a TLS client credential" / "... a TLS server
     * credential"; Microsoft Learn, Schannel events: "creating an SSL (client or server) credential"). A client credential
     * is made when the machine itself opens a TLS connection to another (Windows Update, .NET applications, agents); the
     * RDP listener uses the server credential. Read in English only; a message in another language, or without the word,
     * is not taken for a client credential. A plain scan, no regular expression (conditions are evaluated per fact).
     */
    public boolean namesClientCredential() {
        String lower = message.toLowerCase(Locale.ROOT); // "a TLS client credential", "an SSL ...", "a DTLS ..." (any case)
        return lower.contains("tls client credential") || lower.contains("ssl client credential");
    }

    /**
     * Whether this is a Service Control Manager event that Remote Desktop Services timed out (7011), hung on starting
     * (7022) or terminated unexpectedly (7031, 7034), its message naming the service ({@link #namesRemoteDesktopServices()}).
     */
    public boolean isRemoteDesktopServicesFailure() {
        return (id == 7011 || id == 7022 || id == 7031 || id == 7034) && fromSource("Service Control Manager")
                && namesRemoteDesktopServices();
    }

    /**
     * Whether this event marks a start of the host's operating system: EventLog 6005 ("The Event log service was started")
     * or 6009 (the OS version logged at boot), or Kernel-General 12 ("The operating system started at system time");
     * Microsoft Learn, "Troubleshoot an unexpected restart" (events 6005, 6006, 6008, 6009, 1074 and Kernel-General 12).
     */
    public boolean isSystemStart() {
        return (id == 6005 || id == 6009) && fromSource("EventLog") || id == 12 && fromSource("Kernel-General");
    }

    /**
     * Whether a Security 4625 ("An account failed to log on") gives status or sub status 0xC000015B,
     * STATUS_LOGON_TYPE_NOT_GRANTED: "The user has not been granted the requested logon type at this machine" — the account
     * lacks "Allow log on through Remote Desktop Services" or holds "Deny log on through Remote Desktop Services" (Microsoft
     * Learn, "4625(F): An account failed to log on", status codes). Found in the rendered message ("Status: 0xC000015B") and
     * in osquery's JSON data ("Status":"0xc000015b"), in any case. A plain scan, no regular expression.
     */
    public boolean refusesLogonType() {
        return failedLogonWithStatus("0xc000015b");
    }

    /**
     * Whether this is a Security 4625 that refused {@code account}'s remote logon type ({@link #refusesLogonType()}, status
     * 0xC000015B) in a file where the host authenticated that account (1149, {@link #hasEventOf(int, String)}), with no
     * complete logon of the account since ({@link #followedByLogonOf(String)}): the Remote Desktop logon right is checked after
     * NLA's authentication and before a session is created, so that logon stopped there.
     */
    public boolean refusesLogonTypeAfterAuthenticating(String account) {
        return file().refusesLogonTypeAfterAuthenticating(this, account);
    }

    /**
     * Whether a Security 4625 ("An account failed to log on") gives status or sub status 0xC000006A,
     * STATUS_WRONG_PASSWORD: "User name is correct but the password is wrong" (Microsoft Learn, "4625(F): An account failed
     * to log on", status codes) — in the rendered message ("Sub Status: 0xC000006A") or osquery's JSON data, in any case.
     * A plain scan, no regular expression.
     */
    public boolean refusesPassword() {
        return failedLogonWithStatus("0xc000006a");
    }

    /**
     * The statuses of a Security 4625 that refuse the account itself, whatever its password and rights: the account is
     * locked out, disabled or expired, or its password expired or must be changed (Microsoft Learn, "4625(F): An account
     * failed to log on", status codes). The message gives the reason as its status (0xC0000234), or as the sub status under
     * status 0xC000006E (account restriction); either counts.
     */
    private static final String LOCKED_OUT = "0xC0000234";
    private static final String[][] ACCOUNT_REFUSALS = {
        {LOCKED_OUT, "the account is locked out"},
        {"0xC0000072", "the account is disabled"},
        {"0xC0000193", "the account has expired"},
        {"0xC0000071", "the password has expired"},
        {"0xC0000224", "the password must be changed before the next logon"},
    };

    /**
     * Whether a Security 4625 ("An account failed to log on") refuses the account itself: status or sub status 0xC0000234
     * (locked out), 0xC0000072 (disabled), 0xC0000193 (account expired), 0xC0000071 (password expired) or 0xC0000224
     * (password must change) — Microsoft Learn, "4625(F): An account failed to log on". In the rendered message or osquery's
     * JSON data, in any case. A plain scan, no regular expression.
     */
    public boolean refusesAccount() {
        return accountRefusal() != null;
    }

    /**
     * Whether a Security 4625 refuses the account for a state the account keeps wherever it logs on, not for a lockout: status
     * or sub status 0xC0000072 (disabled), 0xC0000193 (account expired), 0xC0000071 (password expired) or 0xC0000224 (password
     * must change) — Microsoft Learn, "4625(F): An account failed to log on". A lockout (0xC0000234) is left out: it is often
     * caused by a device or saved credential that still sends an old password (kb/causes.yaml, account-locked-or-expired).
     * A plain scan, no regular expression.
     */
    public boolean refusesAccountNotLockedOut() {
        String[] refusal = accountRefusal();
        return refusal != null && !LOCKED_OUT.equals(refusal[0]);
    }

    /**
     * For a Security 4625 that refuses the account itself ({@link #refusesAccount()}), its status and what it means, e.g.
     * {@code "0xC0000234 (the account is locked out)"}; empty for any other event.
     */
    public String getAccountRefusal() {
        String[] refusal = accountRefusal();
        return refusal == null ? "" : refusal[0] + " (" + refusal[1] + ")";
    }

    /** The row of {@link #ACCOUNT_REFUSALS} whose status a Security 4625 gives, the first in table order; null for none. */
    private String[] accountRefusal() {
        if (id != 4625) {
            return null;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        for (String[] r : ACCOUNT_REFUSALS) {
            if (lower.contains(r[0].toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        return null;
    }

    /**
     * For a Security 4740 ("A user account was locked out"), the machine whose failed logons locked the account: its
     * "Caller Computer Name:" (Microsoft Learn, "4740(S)"; {@code TargetDomainName} in osquery's JSON data holds the same
     * name); empty when the event names none or is another event. A plain scan, no regular expression.
     */
    public String getLockoutSource() {
        if (id != 4740) {
            return "";
        }
        String value = valueAfter("Caller Computer Name:");
        return value.isEmpty() ? valueAfter("\"TargetDomainName\":") : value;
    }

    /**
     * Whether this Security 4740's caller computer ({@link #getLockoutSource()}) is {@code computer}, compared by the first
     * DNS label without case and leading backslashes ({@code \\LT-ALICE} and {@code lt-alice.corp.example} are one
     * computer). False when either name is empty: an unnamed caller is neither this client nor another.
     */
    public boolean lockedOutFrom(String computer) {
        String source = computerLabel(getLockoutSource());
        return !source.isEmpty() && source.equals(computerLabel(computer));
    }

    /** Whether this Security 4740 names a caller computer and it is not {@code computer} (known, non-empty). */
    public boolean lockedOutFromAnotherComputer(String computer) {
        String source = computerLabel(getLockoutSource());
        String own = computerLabel(computer);
        return !source.isEmpty() && !own.isEmpty() && !source.equals(own);
    }

    /** A computer name's first DNS label in lower case ({@link Symptom#firstLabelOf}), without leading backslashes. */
    private static String computerLabel(String name) {
        String t = name == null ? "" : name.strip();
        int start = 0;
        while (start < t.length() && t.charAt(start) == '\\') {
            start++;
        }
        return Symptom.firstLabelOf(t.substring(start));
    }

    /** The text after {@code label} (any case) to the end of its line, without quotes, commas or braces; empty when absent. */
    private String valueAfter(String label) {
        int at = message.toLowerCase(Locale.ROOT).indexOf(label.toLowerCase(Locale.ROOT));
        if (at < 0) {
            return "";
        }
        int from = at + label.length();
        int end = from;
        while (end < message.length() && message.charAt(end) != '\n' && message.charAt(end) != '\r' && message.charAt(end) != ',' && message.charAt(end) != '}') {
            end++;
        }
        String value = message.substring(from, end).strip();
        if (value.startsWith("\"")) {
            value = value.substring(1);
        }
        if (value.endsWith("\"")) {
            value = value.substring(0, value.length() - 1);
        }
        return value.strip();
    }

    /**
     * Whether a Security 4625 ("An account failed to log on") gives status or sub status 0xC000018D,
     * STATUS_TRUSTED_RELATIONSHIP_FAILURE: "The logon request failed because the trust relationship between the primary
     * domain and the trusted domain failed" (Microsoft Learn, "4625(F): An account failed to log on", status codes) — the
     * host could not pass the domain account's logon to a domain controller over its secure channel. In the rendered
     * message or osquery's JSON data, in any case. A plain scan, no regular expression.
     */
    public boolean refusesForBrokenTrust() {
        return failedLogonWithStatus("0xc000018d");
    }

    /**
     * Whether a Security 4625 ("An account failed to log on") gives status or sub status 0xC0000133,
     * STATUS_TIME_DIFFERENCE_AT_DC: "Clocks between DC and other computer too far out of sync" (Microsoft Learn, "4625(F): An
     * account failed to log on", status codes) — Kerberos refused the logon because the host's clock and the domain
     * controller's differ beyond the tolerance. In the rendered message or osquery's JSON data, in any case. A plain scan, no
     * regular expression.
     */
    public boolean refusesForClockDifference() {
        return failedLogonWithStatus("0xc0000133");
    }

    /**
     * Whether a domain controller recorded that it refused an NTLM authentication because the account is a member of the
     * Protected Users group: Security 4822 ("NTLM authentication failed because the account was a member of the Protected
     * User group", Microsoft Learn, "Audit Credential Validation"), or event 100 of the
     * Microsoft-Windows-Authentication/ProtectedUserFailures-DomainController log (Microsoft Learn, "Protected Users Security
     * Group": its members cannot authenticate with NTLM; that log records the NTLM sign-in failures), the log or provider
     * named by that channel name. The account is the message's "Account Name:" ({@link #getNamedUser()}).
     */
    public boolean refusesNtlmForProtectedUser() {
        return protectedUserNtlmRefusal;
    }

    private static boolean protectedUserNtlmRefusal(int id, String log, String source) {
        if (id == 4822) {
            return true;
        }
        return id == 100 && (log.toLowerCase(Locale.ROOT).contains("protecteduserfailures")
                || source.toLowerCase(Locale.ROOT).contains("protecteduserfailures"));
    }

    /** Whether this is a Security 4625 whose message holds {@code status} (lower case) in any case, as status or sub status. */
    private boolean failedLogonWithStatus(String status) {
        return id == 4625 && message.toLowerCase(Locale.ROOT).contains(status);
    }

    /**
     * Whether a LocalSessionManager event names the console as its source ("Source Network Address: LOCAL", as events
     * 21, 22 and 25 write a local logon), in any case and spacing.
     */
    public boolean isConsoleLogon() {
        int at = message.toLowerCase(Locale.ROOT).indexOf("network address:");
        return at >= 0 && message.substring(at + "network address:".length()).strip().toLowerCase(Locale.ROOT).startsWith("local");
    }

    /** Whether this event has a time and it is before {@code epochSecond} (false when either is unknown). */
    public boolean loggedBefore(long epochSecond) {
        return this.epochSecond != Times.UNKNOWN && epochSecond != Times.UNKNOWN && this.epochSecond < epochSecond;
    }

    /**
     * Whether this is the host failing to load {@code account}'s profile after authenticating it: a User Profile Service
     * event (1511 temporary profile, 1502 and 1508 the profile or NTUSER.DAT not loaded, 1500 the profile service refusing
     * the logon; never Group Policy's own 1500/1502, successful policy runs) that names no other user
     * ({@link #namesAnotherUser(String)}), in a file where the host logged 1149 for the account, with no complete logon of the
     * account after it ({@link #followedByLogonOf(String)}) and no refusal of the account's remote logon type after its
     * authentication ({@link #hasLogonTypeRefusalAfterAuthenticationOf(String)}: that logon stopped before any profile was
     * loaded). The reading of 000_1186b8863ec60437.txt, "The authentication succeeds ... but session creation fails".
     */
    public boolean isProfileFailureAfterAuthenticationOf(String account) {
        return (id == 1511 || id == 1502 || id == 1508 || (id == 1500 && fromSource("User Profile"))) && !fromSource("GroupPolicy")
                && !namesAnotherUser(account) && hasEventOf(1149, account) && !followedByLogonOf(account)
                && !hasLogonTypeRefusalAfterAuthenticationOf(account);
    }

    /**
     * Whether the host logged a complete logon of {@code account} after this event: an authentication of the account
     * (1149, "User authentication succeeded") logged after it, and a session logon of the account (LocalSessionManager
     * 21, "Session logon succeeded", not from the console) at or after that authentication; both must name the account
     * ({@link #namesUser(String)}). The authentication after the event is what makes it a new logon: a logon whose own
     * profile failed (a temporary profile, 1511) also ends in event 21, seconds after the failure, but its 1149 came
     * before it. False when {@code account} is empty, when this event has no time and outside a diagnosis.
     */
    public boolean followedByLogonOf(String account) {
        return account != null && !account.isBlank() && loggedBefore(file().lastLoggedOnAuthentication(account));
    }

    /**
     * Whether this event names {@code account} ({@link #namesUser(String)}) and was logged after the account's last
     * authentication that a session logon followed (see {@link #followedByLogonOf(String)}), or the account has no such
     * logon: for a 1149, an authentication of the account that led to no session. False when {@code account} is empty or
     * this event names another account or nobody, or has no time.
     */
    public boolean isAuthenticationWithoutLogonOf(String account) {
        if (account == null || account.isBlank() || epochSecond == Times.UNKNOWN || !namesUser(account)) {
            return false;
        }
        return epochSecond > file().lastLoggedOnAuthentication(account);
    }

    /**
     * Whether the host authenticated {@code account} after this event: a 1149 ("User authentication succeeded") naming the
     * account ({@link #namesUser(String)}) logged after it, whether or not a session followed. After a failed logon for
     * the account's state (locked out, disabled, password expired) it means that state was cleared. False when
     * {@code account} is empty, when this event has no time and outside a diagnosis.
     */
    public boolean followedByAuthenticationOf(String account) {
        return account != null && !account.isBlank() && loggedBefore(file().lastAuthentication(account));
    }

    /**
     * Whether the host logged that an administrator unlocked {@code account} after this event: a Security 4767 ("A user
     * account was unlocked", Microsoft Learn "4767(S)") naming the account under "Target Account:" ({@link #namesUser(String)}).
     * False when {@code account} is empty, when this event has no time and outside a diagnosis.
     */
    public boolean followedByUnlockOf(String account) {
        return account != null && !account.isBlank() && loggedBefore(file().lastUnlock(account));
    }

    /**
     * Whether the file also holds a Security 4625 that refuses {@code account} for the account's state ({@link #refusesAccount()},
     * naming it): for a lockout (4740), the host's own record of refusing the locked account, which already says more than
     * the lockout itself. False when {@code account} is empty and outside a diagnosis.
     */
    public boolean accountRefusalOnFileFor(String account) {
        return account != null && !account.isBlank() && file().refusesAccountOf(account);
    }

    /** {@link #followedByLogonOf(String)} for any account: some user authenticated and logged on after this event. */
    public boolean followedByLogon() {
        return loggedBefore(file().lastLoggedOnAuthentication(null));
    }

    /**
     * Whether this event has a time and every Schannel failure of its file — 36871 and 36874 (no common TLS version or
     * cipher suite), 36887 and 36888 (fatal alert) — was logged before it: a failure without a time counts as not before.
     * True when the file holds none. Outside a diagnosis only the time is checked.
     */
    public boolean loggedAfterEverySchannelFailure() {
        return file().everySchannelFailureLoggedBefore(epochSecond);
    }

    /**
     * Whether the host logged, after this event, that Remote Desktop Services timed out, hung or terminated unexpectedly
     * ({@link #isRemoteDesktopServicesFailure()}). False when this event has no time.
     */
    public boolean followedByRemoteDesktopServicesFailure() {
        return loggedBefore(file().lastRemoteDesktopServicesFailure());
    }

    /**
     * Whether the message names {@code account} (see {@link #getNamedUser()}), compared without a DOMAIN\ prefix, an
     * {@literal @}domain suffix and case; a profile folder {@code NAME.DOMAIN} or {@code NAME.000} counts as NAME's. False
     * when {@code account} is empty or the message names no account.
     */
    public boolean namesUser(String account) {
        return namedAccountIs(account) == Boolean.TRUE;
    }

    /**
     * The account the message names, without domain: the account that failed in a Security 4625 ("Account For Which
     * Logon Failed: ... Account Name:", or its TargetUserName in osquery's JSON data), the "Account Name:" of a domain controller's
     * Protected Users NTLM refusal ({@link #refusesNtlmForProtectedUser()}), the "User:" line of a 1149, else the folder of a profile path
     * ({@code C:\Users\NAME\ntuser.dat}, as User Profile Service 1508 writes it); empty when it names none (or only a
     * shared profile such as Default).
     */
    public String getNamedUser() {
        return namedUser;
    }

    /**
     * True when the message names an account (see {@link #getNamedUser()}) and it is not {@code account}, compared
     * without a DOMAIN\ prefix, an @domain suffix and case; a profile folder {@code NAME.DOMAIN} or {@code NAME.000}
     * counts as NAME's. False when {@code account} is empty or the message names no account, so a rule that asks
     * {@code !namesAnotherUser(symptom("client.user").text)} keeps an event it cannot attribute.
     */
    public boolean namesAnotherUser(String account) {
        return namedAccountIs(account) == Boolean.FALSE;
    }

    /**
     * Whether the account the message names is {@code account} — compared without a DOMAIN\ prefix, an @domain suffix
     * and case, a profile folder NAME.DOMAIN or NAME.000 counting as NAME's — or null when that cannot be told (no
     * account given, or the message names none).
     */
    private Boolean namedAccountIs(String account) {
        if (account == null || account.isBlank() || namedUser.isEmpty()) {
            return null;
        }
        String mine = UserSession.bare(account.strip()).toLowerCase(Locale.ROOT);
        if (mine.isEmpty()) {
            return null;
        }
        String named = namedUser.toLowerCase(Locale.ROOT);
        return named.equals(mine) || named.startsWith(mine + ".");
    }

    /**
     * Runs for every event a file holds (a host collection has dozens): the regular expressions, about a microsecond
     * per message, run only on messages that have a "Logon Failed:" header, a 4625's "Account Name:", a "user:" label or a
     * backslash at all.
     */
    private static String namedUser(int id, String message, boolean protectedUserNtlmRefusal) {
        if (message.contains("Logon Failed:") || message.contains("Locked Out:") || message.contains("Target Account:")) {
            Matcher m = TARGET_ACCOUNT.matcher(message);
            String name = m.find() ? accountName(m.group(1)) : "";
            if (!name.isEmpty()) {
                return UserSession.bare(name);
            }
        } else if ((id == 4625 || protectedUserNtlmRefusal) && message.contains("Account Name:")) {
            String last = "";
            Matcher m = ACCOUNT_NAME.matcher(message);
            while (m.find()) {
                String name = accountName(m.group(1));
                last = name.isEmpty() ? last : name;
            }
            if (!last.isEmpty()) {
                return UserSession.bare(last);
            }
        }
        if (message.contains("\"TargetUserName\"")) {
            Matcher m = TARGET_USER_NAME.matcher(message);
            if (m.find() && !m.group(1).isEmpty() && !"-".equals(m.group(1))) {
                return UserSession.bare(m.group(1));
            }
        }
        if (hasUserLabel(message)) {
            Matcher m = USER_LINE.matcher(message);
            if (m.find() && !m.group(1).isEmpty()) {
                return UserSession.bare(m.group(1));
            }
        }
        if (message.indexOf('\\') < 0) {
            return "";
        }
        Matcher m = PROFILE_PATH.matcher(message);
        while (m.find()) {
            String folder = m.group(1).strip();
            String lower = folder.toLowerCase(Locale.ROOT);
            if (!folder.isEmpty() && !SHARED_PROFILES.contains(lower) && !lower.startsWith("temp.")) {
                return folder;
            }
        }
        return "";
    }

    /** An "Account Name:" value without a full stop that ends the sentence; empty for none ("-"). */
    private static String accountName(String value) {
        String name = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
        return "-".equals(name) ? "" : name;
    }

    /** Whether {@code message} has "user:" in any case, as {@link #USER_LINE} needs. */
    private static boolean hasUserLabel(String message) {
        for (int i = message.indexOf(':', 4); i >= 0; i = message.indexOf(':', i + 1)) {
            if (message.regionMatches(true, i - 4, "user", 0, 4)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostEvent e && e.id == id && e.log.equals(log) && e.source.equals(source)
                && e.time.equals(time) && e.message.equals(message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(log, source, id, time, message);
    }

    @Override
    public String toString() {
        return source + " " + id + (time.isEmpty() ? "" : " at " + time);
    }
}
