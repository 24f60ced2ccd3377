package io.github.rdpdoctor.symptoms;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One symptom fact: a name from the vocabulary and its value, as the rules see it.
 *
 * <p>Rules match on {@code name} and then on the typed view that fits the symptom:
 * {@code flag} for booleans, {@code number} for numbers and hex codes, {@code text} for
 * strings, enums and the canonical form of hex codes ({@code "0x904"}).
 * <pre>
 *   Symptom(name == "server.cert_expired", flag == true)
 *   Symptom(name == "tls.cert_days_left", number &lt; 0)
 *   Symptom(name == "client.error_code", text == "0x904")
 * </pre>
 * Instances are immutable.
 *
 * <p>In a diagnosis each symptom also sees the rest of its file: {@link #hasSymptom(String)},
 * {@link #symptom(String)} and {@link #hasEvent(int)} (see {@link FileFacts}). The engine uses them to match a rule
 * that joins several facts as one pattern (see the README, "Writing and testing rules").
 */
public final class Symptom extends FileFact {
    private final String name;
    private final Object value;
    private final int line;

    /**
     * @param name  symptom name, e.g. {@code network.rdp_port_state}
     * @param value a {@link Boolean}, {@link Long}, {@link Double}, {@link String} or {@link HexCode}
     * @param line  1-based line in the source file, 0 when not from a file
     */
    public Symptom(String name, Object value, int line) {
        super(FileView.NONE);
        this.name = Objects.requireNonNull(name, "name");
        this.value = Objects.requireNonNull(value, "value");
        this.line = line;
    }

    private Symptom(Symptom s, FileView file) {
        super(file);
        this.name = s.name;
        this.value = s.value;
        this.line = s.line;
    }

    /** A copy that sees {@code file}. */
    Symptom seeing(FileView file) {
        return new Symptom(this, file);
    }

    /** The error for a file that gives a symptom twice. */
    static IllegalArgumentException givenTwice(String name) {
        return new IllegalArgumentException("symptom " + name + " is given twice");
    }

    /** A symptom without a value: what {@link #symptom(String)} gives for a name the file does not have. */
    static Symptom noValue(String name) {
        return new Symptom(name, NO_VALUE, 0);
    }

    /** The value of {@link #noValue(String)}. */
    private static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "";
        }
    };

    public Symptom(String name, Object value) {
        this(name, value, 0);
    }

    public String getName() {
        return name;
    }

    /** The typed value: Boolean, Long, Double, String or {@link HexCode}. */
    public Object getValue() {
        return value;
    }

    /** The boolean value, or {@code null} when the value is not a boolean. */
    public Boolean getFlag() {
        return value instanceof Boolean b ? b : null;
    }

    /** The numeric value (hex codes included), or NaN when the value is not numeric. */
    public double getNumber() {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof HexCode h) {
            return h.value();
        }
        return Double.NaN;
    }

    /** The value as text: strings as they are, hex codes as {@code 0x904}, numbers and booleans printed. */
    public String getText() {
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        return value.toString();
    }

    /**
     * The value as a count of {@code unit}, for evidence text: {@code count("day")} is "1 day" for 1, "0 days" or
     * "14 days" otherwise (English plural with an s).
     */
    public String count(String unit) {
        return getText() + " " + (getNumber() == 1 ? unit : unit + "s");
    }

    /**
     * For a count of days before the collection (such as {@code client.last_update_days}): whether that day lies before
     * {@code isoDate} ("2018-03-13"), counted back from the file's {@code collected_at}. False when the value is not a
     * number, the file has no {@code collected_at} or the fact is not part of a diagnosis. A plain date comparison, no
     * regular expression.
     */
    public boolean daysBackPrecede(String isoDate) {
        if (!(getValue() instanceof Number)) {
            return false;
        }
        return file().daysBeforeCollectionPrecede(getNumber(), isoDate);
    }

    /**
     * For {@code server.clock_skew_s} (host clock minus client clock, seconds): whether the skew makes Kerberos refuse this
     * client at this host — beyond the 5-minute tolerance either way (Microsoft Learn, "Maximum tolerance for computer clock
     * synchronization"), measured on the host itself ({@link #answeredByAnotherMachine()} false: another machine's NTLM
     * challenge gives its own clock), and the host a domain member ({@link #hostIsWorkgroupComputer()} false: a workgroup
     * computer has no domain controller and authenticates its local accounts with NTLM, to which the Kerberos tolerance
     * does not apply). False when the value is not a number.
     */
    public boolean skewFailsKerberosAtHost() {
        double skew = getNumber();
        return (skew > 300 || skew < -300) && !answeredByAnotherMachine() && !hostIsWorkgroupComputer();
    }

    /**
     * Whether the text contains {@code word}, ignoring case ({@code textContains("server")} for "Windows Server 2019
     * Datacenter"). The OS checks below are such scans with fixed word lists: a rule that asks them of every file's OS
     * costs a fraction of what {@code text matches "(?i).*(a|b|...).*"} costs — a regular expression with a leading
     * {@code .*} and a dozen alternatives took microseconds per diagnosis.
     */
    public boolean textContains(String word) {
        return lowerText().contains(word.toLowerCase(Locale.ROOT));
    }

    /** Windows 10 or 11, or Server 2019, 2022 or 2025: a current Windows that requires TLS 1.2 and the CredSSP update. */
    public boolean namesModernWindows() {
        return containsAny(MODERN_WINDOWS);
    }

    /**
     * A Windows before Windows 8 / Server 2012 — XP, Vista, 7 and the embedded editions built on them (Embedded
     * Standard 7 and 2009, POSReady 7 and 2009, WEPOS), Server 2003 and 2008 (also R2), Windows 2000: RDP with TLS 1.0
     * unless updated.
     */
    public boolean namesOldWindows() {
        return containsAny(OLD_WINDOWS);
    }

    /** An XP-era Windows — XP and the embedded editions built on it (Embedded Standard 2009, POSReady 2009, WEPOS), Server 2003, Windows 2000: no TLS 1.1/1.2 for RDP at all. */
    public boolean namesXpEraWindows() {
        return containsAny(XP_ERA_WINDOWS);
    }

    /** A Windows that has CredSSP: Vista, 7, 8, 10, 11, Server 2008, 2012, 2016, 2019, 2022, 2025 (MS-RDPBCGR: CredSSP since Vista / Server 2008). */
    public boolean namesWindowsWithCredSsp() {
        return containsAny(WINDOWS_WITH_CREDSSP);
    }

    /**
     * A Windows Home edition of the client Windows (XP Home Edition, Vista Home Basic / Premium, 7 Home Premium, 10 Home,
     * 11 Home, also "Home Single Language"; the French "Famille"): these have the Remote Desktop client only, no Remote
     * Desktop host. "Home" as a word ("homelab-pc" is none), in a caption that names Windows (not only the "Windows App").
     * Not Windows Home Server (a server built on Windows Server, which accepts Remote Desktop) nor any other "Server" caption.
     */
    public boolean namesWindowsHomeEdition() {
        return namesWindowsOs() && !lowerText().contains("server") && (containsWord("home") || containsWord("famille"));
    }

    /**
     * Whether the text names an operating system or RDP server that is not Windows — Linux (and the distributions admins
     * write: Ubuntu, Debian, Red Hat / RHEL, CentOS, Rocky, AlmaLinux, Fedora, SUSE, Mint), FreeBSD, OpenBSD, macOS, or the
     * RDP servers that run there (xrdp, gnome-remote-desktop, FreeRDP), the clients' platforms (iOS and iPadOS, Android,
     * ChromeOS, thin-client systems: IGEL OS, HP ThinPro, Dell Wyse ThinOS) — and does not also name Windows (Microsoft's
     * client app "Windows App", which runs on macOS, iOS and Android, is no Windows).
     */
    public boolean namesNonWindowsOs() {
        return !namesWindowsOs() && (containsAny(NON_WINDOWS_OS) || containsWord("ios"));
    }

    /** Whether the lower-cased text says "windows" other than in the client app's name "Windows App". */
    private boolean namesWindowsOs() {
        String t = lowerText();
        for (int i = t.indexOf("windows"); i >= 0; i = t.indexOf("windows", i + 1)) {
            if (!t.startsWith(" app", i + "windows".length())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the lower-cased text holds {@code word} with no letter right before or after it ("iOS 17", not "bios"). */
    private boolean containsWord(String word) {
        String t = lowerText();
        for (int i = t.indexOf(word); i >= 0; i = t.indexOf(word, i + 1)) {
            int end = i + word.length();
            if ((i == 0 || !Character.isLetter(t.charAt(i - 1))) && (end == t.length() || !Character.isLetter(t.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private boolean containsAny(String[] words) {
        String t = lowerText();
        for (String word : words) {
            if (t.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** The text in lower case, made when first asked (each diagnosis's copy asks for its own). */
    private String lowerText() {
        String l = lower;
        if (l == null) {
            l = getText().toLowerCase(Locale.ROOT);
            lower = l; // the same string whichever thread makes it
        }
        return l;
    }

    private String lower;

    private static final String[] MODERN_WINDOWS = {"windows 10", "windows 11", "server 2019", "server 2022", "server 2025"};
    private static final String[] OLD_WINDOWS = {"windows xp", "vista", "windows 7", "embedded standard 7", "posready 7",
        "embedded standard 2009", "posready 2009", "wepos", "server 2003", "server 2008", "windows 2000"};
    private static final String[] XP_ERA_WINDOWS = {"windows xp", "embedded standard 2009", "posready 2009", "wepos",
        "server 2003", "windows 2000"};
    private static final String[] WINDOWS_WITH_CREDSSP = {"windows vista", "windows 7", "windows 8", "windows 10", "windows 11",
        "server 2008", "server 2012", "server 2016", "server 2019", "server 2022", "server 2025"};
    private static final String[] NON_WINDOWS_OS = {"linux", "ubuntu", "debian", "red hat", "rhel", "centos", "rocky",
        "almalinux", "fedora", "suse", "mint", "freebsd", "openbsd", "macos", "mac os", "xrdp", "gnome-remote-desktop", "freerdp",
        "ipados", "iphone", "ipad", "android", "chromeos", "chrome os", "igel", "thinpro", "thinos"};

    /**
     * Whether the text is an IP address as a user types it for mstsc: IPv4 digits and dots with an optional
     * {@code :port} ({@code 10.1.2.3}, {@code 10.1.2.3:3390}), or IPv6 (two or more colons: {@code fe80::1},
     * {@code [fe80::1]:3390}). For {@code target.host}: a client given an address looks up no name. A scan of the text,
     * without a regular expression ({@code text.matches(...)} in a rule compiles its pattern on every evaluation).
     */
    public boolean textIsAddress() {
        String t = getText();
        int colon = t.indexOf(':');
        if (colon >= 0 && colon != t.lastIndexOf(':')) {
            return true;
        }
        int end = colon < 0 ? t.length() : colon;
        if (end == 0 || colon == t.length() - 1) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' && i < end || i == colon)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the text names the client's own machine, as a user types it for mstsc: {@code localhost} (with or without
     * a trailing dot), an IPv4 loopback address {@code 127.x.y.z}, or the IPv6 loopback {@code ::1} ({@code [::1]}), each
     * with an optional {@code :port}. For {@code target.host}: an RDP target on the client's loopback is a local port
     * forwarder (Google Cloud IAP TCP forwarding, {@code gcloud compute start-iap-tunnel}; Azure Bastion's native client
     * tunnel, {@code az network bastion tunnel}; an SSH {@code -L} forward), which accepts the TCP connection itself. A
     * scan of the text, without a regular expression.
     */
    public boolean textIsLoopback() {
        String t = lowerText().trim();
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            return close > 0 && isIpv6Loopback(t.substring(1, close)) && portOrNothing(t, close + 1);
        }
        if (t.indexOf(':') != t.lastIndexOf(':')) {
            return isIpv6Loopback(t);
        }
        int colon = t.indexOf(':');
        String h = colon < 0 ? t : t.substring(0, colon);
        if (colon >= 0 && !portOrNothing(t, colon)) {
            return false;
        }
        if (h.equals("localhost") || h.equals("localhost.")) {
            return true;
        }
        if (!h.startsWith("127.")) {
            return false;
        }
        int dots = 0;
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (c == '.') {
                if (i == h.length() - 1 || h.charAt(i + 1) == '.') {
                    return false;
                }
                dots++;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return dots == 3;
    }

    private static boolean isIpv6Loopback(String t) {
        return t.equals("::1") || t.equals("0:0:0:0:0:0:0:1");
    }

    /**
     * The port the text names after the host, as a user types it for mstsc: {@code name:3390}, {@code 10.1.2.3:3390},
     * {@code [fe80::1]:3390}; -1 when it names none (a bare IPv6 address has no port) or the digits are no TCP port
     * (1 to 65535). For {@code target.host}: the port the client connects to. A scan of the text, without a regular
     * expression or {@code split}.
     */
    public int textPort() {
        return portAfterHost(getText());
    }

    /**
     * The port {@code host} names after the host name or address ({@code name:3390}, {@code 10.1.2.3:3390},
     * {@code [fe80::1]:3390}), -1 when none: {@link #textPort()} for any text, e.g. a symptom file's {@code host}.
     */
    public static int portAfterHost(String host) {
        String t = host.trim();
        int colon;
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0 || close + 1 >= t.length() || t.charAt(close + 1) != ':') {
                return -1;
            }
            colon = close + 1;
        } else {
            colon = t.indexOf(':');
            if (colon < 0 || colon != t.lastIndexOf(':')) {
                return -1;
            }
        }
        if (colon == t.length() - 1) {
            return -1;
        }
        int port = 0;
        for (int i = colon + 1; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9' || i - colon > 5) {
                return -1;
            }
            port = port * 10 + (c - '0');
        }
        return port >= 1 && port <= 65535 ? port : -1;
    }

    /** Whether {@code t} from {@code at} on is nothing or a colon followed by one or more digits. */
    private static boolean portOrNothing(String t, int at) {
        if (at == t.length()) {
            return true;
        }
        if (t.charAt(at) != ':' || at == t.length() - 1) {
            return false;
        }
        for (int i = at + 1; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code text} is an IPv6 address (a ':' in it); an IPv4-mapped IPv6 address, {@code ::ffff:10.1.2.3}, counts as
     * IPv4. Two addresses of different families are never the same, yet a dual-stack host has one of each (see
     * {@link FileFact#nameHasAddressOfFamily(String)}). A scan of the text, without a regular expression.
     */
    static boolean isIpv6(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("::ffff:") && t.indexOf('.') > 0) {
            return false;
        }
        return t.indexOf(':') >= 0;
    }

    /**
     * Whether every address the text holds is one of {@code addresses}; both may hold one or several, separated by commas,
     * semicolons or white space, compared without regard to case or order. For {@code network.dns_expected_ip} among
     * {@code network.dns_all_ips} ("10.20.9.40" among "10.20.1.15; 10.20.9.40"), or {@code network.connected_ip} among the
     * host's addresses. False when the text is blank.
     */
    public boolean addressesAreAmong(String addresses) {
        List<String> own = FileView.addresses(getText());
        return !own.isEmpty() && addresses != null && FileView.addresses(addresses).containsAll(own);
    }

    /**
     * Whether the text says the name resolved to no address, as {@code network.dns_resolved_ip} writes it: blank,
     * {@code NXDOMAIN} or {@code none} (any case).
     */
    public boolean textSaysNoAddress() {
        String t = getText();
        return t.trim().isEmpty() || t.equalsIgnoreCase("nxdomain") || t.equalsIgnoreCase("none");
    }

    /**
     * Whether the text holds one or several IPv4 addresses (separated by commas, semicolons or white space), each in the
     * private ranges of RFC 1918 (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16): addresses that are not routed on the internet
     * (RFC 1918, section 3), so a client outside reaches such a host only through a NAT. False when the text is blank.
     */
    public boolean addressesArePrivateIpv4() {
        return everyAddressIsIpv4(Symptom::isRfc1918);
    }

    /**
     * Whether the text holds one or several IPv4 addresses, each a public one: none of RFC 1918's private ranges, the
     * shared address space of RFC 6598 (100.64.0.0/10), loopback (127.0.0.0/8), link-local (169.254.0.0/16) or 0.0.0.0/8.
     * False when the text is blank or holds an IPv6 address.
     */
    public boolean addressesArePublicIpv4() {
        return everyAddressIsIpv4(q -> !(isRfc1918(q) || q[0] == 0 || q[0] == 127 || (q[0] == 169 && q[1] == 254)
                || (q[0] == 100 && q[1] >= 64 && q[1] <= 127)));
    }

    /** Whether the text holds one or several addresses, each a dotted-quad IPv4 address that passes {@code test}. */
    private boolean everyAddressIsIpv4(java.util.function.Predicate<int[]> test) {
        List<String> own = FileView.addresses(getText());
        if (own.isEmpty()) {
            return false;
        }
        for (String a : own) {
            int[] q = ipv4(a);
            if (q == null || !test.test(q)) {
                return false;
            }
        }
        return true;
    }

    /** 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 (RFC 1918). */
    private static boolean isRfc1918(int[] q) {
        return q[0] == 10 || (q[0] == 172 && q[1] >= 16 && q[1] <= 31) || (q[0] == 192 && q[1] == 168);
    }

    /** The four parts of a dotted-quad IPv4 address, or {@code null} when the text is not one. */
    private static int[] ipv4(String text) {
        int[] q = new int[4];
        int part = 0;
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                q[part] = q[part] * 10 + (c - '0');
                if (++digits > 3 || q[part] > 255) {
                    return null;
                }
            } else if (c == '.' && digits > 0 && part < 3) {
                part++;
                digits = 0;
            } else {
                return null;
            }
        }
        return part == 3 && digits > 0 ? q : null;
    }

    /**
     * Whether the text is an address that is none of {@code addresses} (one or several, separated by commas, semicolons or
     * white space; compared without regard to case) while those show an address of the text's family (IPv4, IPv6). For
     * {@code network.connected_ip} against {@code network.dns_expected_ip}: the probe's TCP connect reached another machine
     * than the host. An address of a family the host's addresses do not show is no such sign by itself: a dual-stack host
     * has one address of each, and the host's IPv6 one may simply not be written down. False when either side is blank.
     * A scan of the texts, without a regular expression or {@code split}.
     */
    public boolean textIsAnotherAddressThan(String addresses) {
        String t = getText().trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || addresses == null) {
            return false;
        }
        List<String> known = FileView.addresses(addresses);
        if (known.contains(t)) {
            return false;
        }
        boolean v6 = isIpv6(t);
        for (String k : known) {
            if (isIpv6(k) == v6) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text's first DNS label in lower case, without a port: {@code fin-app-07} for {@code FIN-APP-07.corp.example},
     * {@code fin-app-07:3390} or {@code fin-app-07}. Compares a target name with the computer name a host reports.
     */
    public String firstLabel() {
        return firstLabelOf(getText());
    }

    /** {@code text}'s first DNS label in lower case, without a port or surrounding blanks (see {@link #firstLabel()}). */
    static String firstLabelOf(String text) {
        String t = text.trim();
        int end = t.length();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '.' || c == ':') {
                end = i;
                break;
            }
        }
        return t.substring(0, end).toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a {@code client.security_software} / {@code server.security_software} value names a third-party product,
     * as the symptom contract defines these fields ("third-party antivirus / endpoint product ..., if any"): not when
     * it is empty, {@code none}, {@code no} or {@code n/a}, and not when it names only the antivirus that comes with
     * Windows ({@link #isBuiltInSecurityProduct(String)}: "Windows Defender", as Security Center names it on Windows of
     * every language, "Microsoft Defender Antivirus"). A list of products ("Windows Defender, Sophos Intercept X", as
     * collectors join several with ", " or "; ") names one when any of its parts does. A scan without a regular
     * expression or {@code split}: rules call it on every evaluation of the pattern.
     */
    public boolean namesThirdPartyProduct() {
        String t = getText();
        int start = 0;
        while (start <= t.length()) {
            int end = start;
            while (end < t.length() && t.charAt(end) != ',' && t.charAt(end) != ';') {
                end++;
            }
            String part = t.substring(start, end).strip();
            if (!part.isEmpty() && !part.equalsIgnoreCase("none") && !part.equalsIgnoreCase("no")
                    && !part.equalsIgnoreCase("n/a") && !isBuiltInSecurityProduct(part)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /**
     * True for the security products that come with Windows, which are not "third-party" in the sense of the
     * contract: Microsoft Defender under its names ("Windows Defender" on Windows 10 and earlier and in Security
     * Center's AntiVirusProduct list, "Microsoft Defender Antivirus", "Antivirus Microsoft Defender" on French Windows,
     * "Microsoft Defender for Endpoint"). Bitdefender is a third-party product: "defender" alone does not count.
     */
    public static boolean isBuiltInSecurityProduct(String product) {
        if (product == null) {
            return false;
        }
        String p = product.toLowerCase(Locale.ROOT);
        return p.contains("windows defender") || p.contains("microsoft defender");
    }

    /** Line of the symptom in its source file, 0 when unknown. */
    public int getLine() {
        return line;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Symptom s && s.name.equals(name) && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + value.hashCode();
    }

    @Override
    public String toString() {
        return name + "=" + getText();
    }
}
