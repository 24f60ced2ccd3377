package io.github.rdpdoctor.collectors.windows;

import io.github.rdpdoctor.symptoms.UserSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Windows knowledge shared by the PowerShell collectors and the osquery ingester: how to name the OS,
 * tell the cloud, recognise security products and VPN adapters, read session states in several
 * languages, and judge whether the CredSSP update is installed.
 */
public final class WindowsFacts {

    /** Azure's SMBIOS chassis asset tag (documented by Microsoft for detecting Azure VMs). */
    public static final String AZURE_ASSET_TAG = "7783-7084-3265-9085-8269-3286-77";

    /**
     * Services of endpoint security products, by service name (a trailing * matches a prefix, as
     * Get-Service -Name does). The security-products snippet asks for exactly these names.
     */
    public static final Map<String, String> SECURITY_SERVICES = orderedMap(
            "WinDefend", "Microsoft Defender Antivirus",
            "Sense", "Microsoft Defender for Endpoint",
            "CSFalconService", "CrowdStrike Falcon",
            "SentinelAgent", "SentinelOne",
            "SepMasterService", "Symantec Endpoint Protection",
            "ccSvcHst", "Symantec/Norton",
            "mfemms", "Trellix (McAfee) Endpoint Security",
            "masvc", "Trellix (McAfee) Agent",
            "SAVService", "Sophos Anti-Virus",
            "ekrn", "ESET Endpoint Security",
            "AVP*", "Kaspersky Endpoint Security",
            "ntrtscan", "Trend Micro Apex One",
            "TmListen", "Trend Micro Apex One",
            "CylanceSvc", "Cylance",
            "CbDefense", "VMware Carbon Black",
            "cyserver", "Palo Alto Networks Cortex XDR",
            "xagt", "Trellix (FireEye) HX",
            "EPSecurityService", "Bitdefender Endpoint Security",
            "MBAMService", "Malwarebytes",
            "WRSVC", "Webroot SecureAnywhere");

    private static final Pattern VPN_ADAPTER = Pattern.compile("(?i).*(vpn|wan miniport|tap-windows|tap-win32|wintun"
            + "|wireguard|anyconnect|cisco secure client|juniper|pulse secure|ivanti|fortinet|forticlient|globalprotect"
            + "|pangp|palo alto|check point|sonicwall|netextender|zscaler|openvpn|nordlynx|big-ip edge|f5 networks"
            + "|array networks|openconnect|softether).*");

    private WindowsFacts() {
    }

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The OS as the contract writes it ("Windows Server 2019 Datacenter", "Windows 11 Pro 23H2"): the
     * caption from "Windows" on (dropping "Microsoft " and localized vendor names), plus the feature
     * version on client editions.
     */
    public static Optional<String> osName(String caption, String displayVersion, boolean clientEdition) {
        if (caption == null || caption.isBlank()) {
            return Optional.empty();
        }
        String c = caption.strip().replaceAll("\\s+", " ");
        int w = c.toLowerCase(Locale.ROOT).indexOf("windows");
        if (w > 0) {
            c = c.substring(w);
        }
        if (clientEdition && displayVersion != null && !displayVersion.isBlank() && !c.contains(displayVersion.strip())) {
            c = c + " " + displayVersion.strip();
        }
        return Optional.of(c);
    }

    /**
     * One Schannel protocol switch (Microsoft Learn, "TLS, DTLS, and SSL protocol version settings":
     * SCHANNEL\Protocols\TLS 1.x\Server or \Client): off when Enabled is 0 or DisabledByDefault is not 0 (Remote Desktop and
     * mstsc ask for the defaults), on when Enabled is set otherwise, empty when neither is set (the OS default holds).
     */
    public static Optional<Boolean> schannelOn(OptionalLong enabled, OptionalLong disabledByDefault) {
        if (enabled.isPresent() && enabled.getAsLong() == 0 || disabledByDefault.isPresent() && disabledByDefault.getAsLong() != 0) {
            return Optional.of(false);
        }
        return enabled.isPresent() ? Optional.of(true) : Optional.empty();
    }

    /**
     * The lowest TLS version one side still speaks, when its TLS 1.0 switch is set: 1.0 when it is on, else the next of 1.1
     * and 1.2 not turned off (a switch not set counts as on), 1.3 when all three are off. Empty without a TLS 1.0 switch.
     */
    public static Optional<String> lowestTlsVersion(Optional<Boolean> tls10, Optional<Boolean> tls11, Optional<Boolean> tls12) {
        if (tls10.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(tls10.get() ? "1.0" : tls11.orElse(true) ? "1.1" : tls12.orElse(true) ? "1.2" : "1.3");
    }

    /**
     * Where the machine runs, from SMBIOS strings only: {@code azure} (Azure's chassis asset tag),
     * {@code aws} (Amazon EC2 manufacturer, an "amazon" BIOS version of Xen-based EC2, an EC2 serial),
     * {@code gcp} (Google), else {@code none}; empty when nothing was readable.
     */
    public static Optional<String> cloud(String manufacturer, String model, String biosManufacturer, String biosVersion,
                                         String serial, String assetTag) {
        String all = String.join("|", nz(manufacturer), nz(model), nz(biosManufacturer), nz(biosVersion))
                .toLowerCase(Locale.ROOT);
        if (all.replace("|", "").isBlank() && nz(assetTag).isBlank() && nz(serial).isBlank()) {
            return Optional.empty();
        }
        if (AZURE_ASSET_TAG.equals(nz(assetTag).strip())) {
            return Optional.of("azure");
        }
        if (all.contains("amazon") || nz(serial).strip().toLowerCase(Locale.ROOT).startsWith("ec2")) {
            return Optional.of("aws");
        }
        if (all.contains("google")) {
            return Optional.of("gcp");
        }
        return Optional.of("none");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The product behind a security service name, or empty for other services. */
    public static Optional<String> securityProductOfService(String serviceName) {
        if (serviceName == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, String> e : SECURITY_SERVICES.entrySet()) {
            String k = e.getKey();
            boolean match = k.endsWith("*")
                    ? serviceName.toLowerCase(Locale.ROOT).startsWith(k.substring(0, k.length() - 1).toLowerCase(Locale.ROOT))
                    : serviceName.equalsIgnoreCase(k);
            if (match) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * True for the security products that come with Windows (Microsoft Defender), not "third-party" in the sense of the
     * contract: the rules' own test, {@link io.github.rdpdoctor.symptoms.Symptom#isBuiltInSecurityProduct(String)}.
     */
    public static boolean isBuiltInSecurity(String product) {
        return io.github.rdpdoctor.symptoms.Symptom.isBuiltInSecurityProduct(product);
    }

    /**
     * The contract value of {@code *.security_software}: the third-party products found, sorted and
     * joined with ", ", or {@code none}.
     */
    public static String securitySoftwareValue(Collection<String> products) {
        Set<String> third = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String p : products) {
            if (p != null && !p.isBlank() && !isBuiltInSecurity(p)) {
                third.add(p.strip());
            }
        }
        return third.isEmpty() ? "none" : String.join(", ", third);
    }

    /** Security Center productState: bits 12..15 are 1 when real-time protection is on. */
    public static boolean securityCenterEnabled(long productState) {
        return ((productState >> 12) & 0xF) == 1;
    }

    /** True when an adapter's description names a VPN client or tunnel driver. */
    public static boolean isVpnAdapter(String description) {
        return description != null && VPN_ADAPTER.matcher(description).matches();
    }

    /**
     * Canonical session state for a qwinsta/quser/WTS word in one of the known languages; empty when unknown. The table
     * is {@link UserSession#canonicalState(String)}, which the symptom loader uses for files too.
     */
    public static Optional<String> sessionState(String word) {
        return UserSession.canonicalState(word);
    }

    /**
     * Idle time as quser prints it: "." or "none" (no idle time), minutes ("5"), hours:minutes ("1:05"),
     * days+hours:minutes ("2+03:10"). -1 when unreadable.
     */
    public static long idleMinutes(String text) {
        if (text == null) {
            return -1;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals(".") || t.equals("none") || t.equals("kein") || t.equals("keine") || t.equals("aucun")
                || t.equals("aucune") || t.equals("ninguno")) {
            return 0;
        }
        java.util.regex.Matcher m = Pattern.compile("^(?:(\\d+)\\+)?(?:(\\d+):)?(\\d+)$").matcher(t);
        if (!m.matches()) {
            return -1;
        }
        long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long hours = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
        long minutes = Long.parseLong(m.group(3));
        return days * 1440 + hours * 60 + minutes;
    }

    /** Network category (NetworkCategory of Get-NetConnectionProfile, Category in the NetworkList registry) to the contract enum. */
    public static Optional<String> networkProfile(long category) {
        return switch ((int) category) {
            case 0 -> Optional.of("public");
            case 1 -> Optional.of("private");
            case 2 -> Optional.of("domain");
            default -> Optional.empty();
        };
    }

    /** Public is the strictest, then private, then domain: the one that decides whether RDP gets in. */
    public static int strictness(String profile) {
        return switch (profile) {
            case "public" -> 3;
            case "private" -> 2;
            case "domain" -> 1;
            default -> 0;
        };
    }

    /** The Windows Firewall profile name for a contract network profile ("private" is "Private", ...). */
    public static String firewallProfileName(String profile) {
        return profile.substring(0, 1).toUpperCase(Locale.ROOT) + profile.substring(1);
    }

    /** Bit of a profile in the firewall rule Profile flags (Domain 1, Private 2, Public 4; 0 means any). */
    public static int profileBit(String profile) {
        return switch (profile) {
            case "domain" -> 1;
            case "private" -> 2;
            case "public" -> 4;
            default -> 0;
        };
    }

    /**
     * Build.revision from which each Windows 10 / Server 2016 build has the CredSSP update for CVE-2018-0886,
     * released 13 March 2018 (KB4093492): 10240.17797, 10586.1478, 14393.2125, 15063.966, 16299.309; 1803
     * (17134) shipped with it, and builds from 17763 (October 2018) on always have it. The update of 8 May 2018
     * only changed the default of clients to Mitigated; a host with the March update talks to such clients.
     */
    private static final Map<Long, Long> CREDSSP_FIXED_UBR = Map.of(10240L, 17797L, 10586L, 1478L, 14393L, 2125L,
            15063L, 966L, 16299L, 309L, 17134L, 1L);
    /**
     * Updates that carry the CredSSP fix on 7601 (2008 R2 / 7), 9200 (2012) and 9600 (2012 R2 / 8.1): the March 2018
     * monthly rollups and security-only updates (KB4088875/KB4088878, KB4088877/KB4088880, KB4088876/KB4088879),
     * the May 2018 ones (KB4103718/KB4103712, KB4103730/KB4103726, KB4103725/KB4103715), and KB4056564 (2008 SP2).
     */
    public static final Set<String> CREDSSP_KBS = Set.of("KB4088875", "KB4088878", "KB4088877", "KB4088880", "KB4088876",
            "KB4088879", "KB4103718", "KB4103712", "KB4103730", "KB4103726", "KB4103725", "KB4103715", "KB4056564");
    private static final Instant CREDSSP_RELEASE = Instant.parse("2018-03-13T00:00:00Z");

    /**
     * Whether the CredSSP update (CVE-2018-0886, 13 March 2018) is in. Windows 10 family: from the build and update
     * revision. Older builds (7601, 9200, 9600): yes when one of {@link #CREDSSP_KBS} is listed or any update was
     * installed on or after 13 March 2018 (monthly rollups carry it); no when every listed update is older. Empty
     * when unknown.
     */
    public static Optional<Boolean> credsspPatched(Long build, Long ubr, Collection<String> hotfixIds, Instant newestInstall) {
        if (build != null && build >= 17763) {
            return Optional.of(true);
        }
        if (build != null && CREDSSP_FIXED_UBR.containsKey(build)) {
            return ubr == null ? Optional.empty() : Optional.of(ubr >= CREDSSP_FIXED_UBR.get(build));
        }
        if (build != null && build > 9600 && build < 17763) {
            return Optional.empty(); // an insider or unusual build: no rule
        }
        for (String id : hotfixIds) {
            if (id != null && CREDSSP_KBS.contains(id.strip().toUpperCase(Locale.ROOT))) {
                return Optional.of(true);
            }
        }
        if (newestInstall != null) {
            return Optional.of(!newestInstall.isBefore(CREDSSP_RELEASE));
        }
        return Optional.empty();
    }

    /** Whole days from {@code then} to {@code now}, never negative. */
    public static long daysSince(Instant then, Instant now) {
        return Math.max(0, Duration.between(then, now).toDays());
    }

    /** Whole days from {@code now} to {@code then}, rounded down (negative when past). */
    public static long daysUntil(Instant then, Instant now) {
        return Math.floorDiv(Duration.between(now, then).toSeconds(), 86_400L);
    }

    /** Well-known SIDs whose access NETWORK SERVICE (S-1-5-20) has: itself, Everyone, Authenticated Users, SERVICE, Users. */
    public static final Set<String> NETWORK_SERVICE_SIDS = Set.of("S-1-5-20", "S-1-1-0", "S-1-5-11", "S-1-5-6", "S-1-5-32-545");

    /** Names of those principals in English and German (for outputs without SIDs). */
    public static final Set<String> NETWORK_SERVICE_NAMES = Set.of("network service", "netzwerkdienst", "everyone",
            "jeder", "authenticated users", "authentifizierte benutzer", "service", "dienst", "users", "benutzer");

    /** True when a file access right grants reading the data: ReadData (1), GENERIC_READ or GENERIC_ALL. */
    public static boolean grantsRead(long rights) {
        return (rights & 1L) != 0 || (rights & 0x80000000L) != 0 || (rights & 0x10000000L) != 0;
    }
}
