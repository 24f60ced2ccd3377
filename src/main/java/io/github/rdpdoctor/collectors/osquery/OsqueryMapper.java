package io.github.rdpdoctor.collectors.osquery;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rdpdoctor.collectors.windows.CertificateCollector;
import io.github.rdpdoctor.collectors.windows.FirewallCollector;
import io.github.rdpdoctor.collectors.windows.PsJson;
import io.github.rdpdoctor.collectors.windows.RdpSettingsCollector;
import io.github.rdpdoctor.collectors.windows.ServicesCollector;
import io.github.rdpdoctor.collectors.windows.SessionsCollector;
import io.github.rdpdoctor.collectors.windows.Side;
import io.github.rdpdoctor.collectors.windows.UpdatesCollector;
import io.github.rdpdoctor.collectors.windows.WinFacts;
import io.github.rdpdoctor.collectors.windows.WindowsFacts;
import io.github.rdpdoctor.symptoms.HostEvent;
import io.github.rdpdoctor.symptoms.SymptomSet;
import io.github.rdpdoctor.symptoms.UserSession;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Turns one osquery host's rows into a contract {@link SymptomSet} (host side: the osquery host is the RDP
 * host), with the same rules as the PowerShell collectors ({@link io.github.rdpdoctor.collectors.windows}).
 * What osquery cannot tell is left out: licensing (grace days and license server reachability need WMI
 * methods and a network connection), idle time of sessions, the RD Session Host mode. Queries that gave no
 * results for the host are named in one warning; the host is still diagnosed with what there is.
 */
public final class OsqueryMapper {
    /** {@link SymptomSet#source()} of osquery facts. */
    public static final String SOURCE = "osquery";

    private OsqueryMapper() {
    }

    /**
     * @param fallbackNow the time to judge ages against when the log gives none (osqueryi output)
     */
    public static SymptomSet toSymptomSet(OsqueryHost host, Instant fallbackNow) {
        Instant now = host.collectedAt() != null ? host.collectedAt() : fallbackNow;
        WinFacts facts = new WinFacts(Side.HOST, null, now);
        Registry reg = new Registry(host.rows(OsqueryQueries.REGISTRY));

        if (host.saw(OsqueryQueries.SERVICES)) {
            Map<String, JsonNode> byName = new LinkedHashMap<>();
            for (JsonNode r : host.rows(OsqueryQueries.SERVICES)) {
                PsJson.text(r, "name").ifPresent(n -> byName.put(n.toLowerCase(Locale.ROOT), r));
            }
            ServicesCollector.apply(byName, facts, "status", "start_type");
        }
        if (host.saw(OsqueryQueries.REGISTRY)) {
            RdpSettingsCollector.apply(reg, facts);
        }
        firewall(host, reg, facts);
        certificate(host, reg, facts, now);
        sessions(host, reg, facts);
        events(host, facts);
        updates(host, reg, facts, now);
        security(host, facts);
        osAndCloud(host, reg, facts);

        List<String> missing = new ArrayList<>();
        for (String q : OsqueryQueries.NAMES) {
            if (!host.saw(q)) {
                missing.add(q);
            }
        }
        SymptomSet.Builder b = SymptomSet.builder(host.identifier()).source(SOURCE).collectedAt(PsJson.iso(now));
        facts.symptoms().forEach((name, value) -> {
            try {
                b.symptom(name, value);
            } catch (IllegalArgumentException e) {
                b.warning("osquery: " + e.getMessage() + " (left out)");
            }
        });
        facts.events().forEach(b::event);
        facts.sessions().forEach(b::session);
        host.warnings().forEach(w -> b.warning("osquery: " + w));
        facts.warnings().forEach(w -> b.warning("osquery: " + w));
        if (!missing.isEmpty()) {
            b.warning("osquery: no results for " + String.join(", ", missing) + " (facts from them are missing)");
        }
        if (host.collectedAt() == null) {
            b.warning("osquery: no collection time in the input; ages are counted from " + PsJson.iso(now));
        }
        return b.build();
    }

    // ---- registry ------------------------------------------------------------------------------

    /** Registry rows by section, for {@link RdpSettingsCollector#apply}. */
    static final class Registry implements RdpSettingsCollector.Values {
        private final Map<String, Map<String, JsonNode>> sections = new LinkedHashMap<>();

        Registry(List<JsonNode> rows) {
            for (JsonNode r : rows) {
                String section = section(PsJson.text(r, "key").or(() -> PsJson.text(r, "path")).orElse(""));
                String name = PsJson.text(r, "name").orElse(null);
                if (section != null && name != null) {
                    sections.computeIfAbsent(section, s -> new LinkedHashMap<>()).put(name.toLowerCase(Locale.ROOT),
                            PsJson.field(r, "data"));
                }
            }
        }

        static String section(String key) {
            String k = key.toLowerCase(Locale.ROOT).replace('/', '\\');
            if (k.endsWith("\\control\\terminal server")) {
                return "TerminalServer";
            }
            if (k.endsWith("\\winstations\\rdp-tcp")) {
                return "RdpTcp";
            }
            if (k.endsWith("\\policies\\microsoft\\windows nt\\terminal services")) {
                return "Policy";
            }
            if (k.endsWith("\\credssp\\parameters")) {
                return "CredSSP";
            }
            if (k.endsWith("\\tls 1.0\\server")) {
                return "Tls10Server";
            }
            if (k.endsWith("\\tls 1.1\\server")) {
                return "Tls11Server";
            }
            if (k.endsWith("\\tls 1.2\\server")) {
                return "Tls12Server";
            }
            if (k.endsWith("\\windows nt\\currentversion\\winlogon")) {
                return "Winlogon";
            }
            if (k.endsWith("\\windows nt\\currentversion")) {
                return "CurrentVersion";
            }
            return null;
        }

        @Override
        public OptionalLong get(String section, String value) {
            return PsJson.integer(raw(section, value));
        }

        @Override
        public Optional<String> text(String section, String value) {
            return PsJson.text(raw(section, value));
        }

        JsonNode raw(String section, String value) {
            Map<String, JsonNode> s = sections.get(section);
            JsonNode n = s == null ? null : s.get(value.toLowerCase(Locale.ROOT));
            return n == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : n;
        }

        @Override
        public boolean has(String section) {
            return sections.containsKey(section);
        }
    }

    // ---- firewall ------------------------------------------------------------------------------

    private static void firewall(OsqueryHost host, Registry reg, WinFacts facts) {
        if (!host.saw(OsqueryQueries.NETWORK_PROFILES)) {
            return;
        }
        Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
        for (JsonNode r : host.rows(OsqueryQueries.NETWORK_PROFILES)) {
            String key = PsJson.text(r, "key").orElse("");
            PsJson.text(r, "name").ifPresent(n -> profiles.computeIfAbsent(key, k -> new LinkedHashMap<>())
                    .put(n.toLowerCase(Locale.ROOT), PsJson.text(r, "data").orElse("")));
        }
        String active = null;
        Instant latest = null;
        Set<String> categories = new LinkedHashSet<>();
        for (Map<String, String> p : profiles.values()) {
            Optional<String> cat = PsJson.integer(new com.fasterxml.jackson.databind.node.TextNode(p.getOrDefault("category", "")))
                    .stream().mapToObj(WindowsFacts::networkProfile).flatMap(Optional::stream).findFirst();
            if (cat.isEmpty()) {
                continue;
            }
            categories.add(cat.get());
            Instant when = systemTime(p.get("datelastconnected"));
            if (when != null && (latest == null || when.isAfter(latest))) {
                latest = when;
                active = cat.get();
            }
        }
        if (active == null && categories.size() == 1) {
            active = categories.iterator().next();
        }
        if (active == null) {
            facts.warn(categories.isEmpty() ? "no network profile in the registry"
                    : "network profiles without connection dates (" + String.join(", ", categories) + "); profile unknown");
            return;
        }
        boolean blockAllRead = host.saw(OsqueryQueries.FIREWALL_BLOCK_ALL);
        List<FirewallCollector.FirewallProfile> fw = firewallProfiles(host.rows(OsqueryQueries.FIREWALL_PROFILES),
                host.rows(OsqueryQueries.FIREWALL_BLOCK_ALL), blockAllRead);
        // the listener's port: RDP-Tcp PortNumber (3389 when the value is not there); unknown without rdp_registry
        OptionalLong port = host.saw(OsqueryQueries.REGISTRY) ? OptionalLong.of(reg.get("RdpTcp", "PortNumber").orElse(3389))
                : OptionalLong.empty();
        String fwName = WindowsFacts.firewallProfileName(active);
        int activeBit = WindowsFacts.profileBit(active);
        List<FirewallCollector.Rule> rules = null;
        String rulesUnknown = "Remote Desktop firewall rules could not be read; firewall_rdp_allowed unknown";
        List<String> ignored = new ArrayList<>();
        List<String> programUnchecked = new ArrayList<>();
        if (host.saw(OsqueryQueries.FIREWALL_RULES)) {
            List<JsonNode> rows = host.rows(OsqueryQueries.FIREWALL_RULES);
            // the pack before rdp_firewall_block_all read no app_name and only the rules for local port 3389 (and the group)
            boolean olderPack = rows.isEmpty() ? !blockAllRead : rows.stream().allMatch(r -> PsJson.field(r, "app_name").isMissingNode());
            if (olderPack && port.isPresent() && port.getAsLong() != 3389) {
                rulesUnknown = "the firewall rule results are from an older rdp-doctor pack that read the rules for TCP 3389 only,"
                        + " but the RDP listener is on " + port.getAsLong() + " (RDP-Tcp PortNumber); firewall_rdp_allowed unknown"
                        + " (update kb/osquery/rdp-doctor.conf)";
            } else {
                rules = new ArrayList<>();
                for (JsonNode r : rows) {
                    String name = PsJson.text(r, "name").orElse("");
                    String action = PsJson.text(r, "action").orElse("").toLowerCase(Locale.ROOT);
                    String direction = PsJson.text(r, "direction").orElse("").toLowerCase(Locale.ROOT);
                    int bits = (flag(r, "profile_domain") ? 1 : 0) | (flag(r, "profile_private") ? 2 : 0) | (flag(r, "profile_public") ? 4 : 0);
                    boolean enabled = flag(r, "enabled");
                    boolean inbound = direction.startsWith("in");
                    boolean allow = action.startsWith("allow");
                    boolean covers = bits == 7 || (bits & activeBit) != 0;
                    String notRdp = FirewallCollector.notRdp(protocol(r), localPorts(r), PsJson.text(r, "app_name").orElse(""), port);
                    if (notRdp != null) {
                        if (enabled && inbound && allow) {
                            ignored.add(name + " (" + notRdp + ")");
                        }
                        continue;
                    }
                    if (PsJson.field(r, "app_name").isMissingNode() && enabled && inbound && allow && covers) {
                        programUnchecked.add(name);
                    }
                    rules.add(new FirewallCollector.Rule(name, name, enabled, inbound, allow, action.startsWith("block"), bits == 7 ? 0 : bits));
                }
            }
        }
        boolean byRules = FirewallCollector.apply(Set.of(active), fw, rules, rulesUnknown, facts);
        Object allowed = facts.symptoms().get("server.firewall_rdp_allowed");
        if (Boolean.FALSE.equals(allowed) && !ignored.isEmpty()) {
            facts.warn("rules that do not carry RDP on TCP " + (port.isPresent() ? port.getAsLong() : 3389) + " were not counted: "
                    + String.join(", ", ignored));
        }
        if (Boolean.TRUE.equals(allowed) && byRules) {
            if (!programUnchecked.isEmpty()) {
                facts.warn("firewall rule results without app_name (an older rdp-doctor pack): the program of " + String.join(", ", programUnchecked)
                        + " was not checked; a rule for another program than svchost.exe or System (such as the Shadow rule's RdpSa.exe)"
                        + " does not let RDP in");
            }
            if (port.isEmpty()) {
                facts.warn("RDP-Tcp PortNumber unknown (no rdp_registry results): the firewall rules were not checked against the listener's port");
            }
        }
        boolean fwOff = fw.stream().anyMatch(p -> p.name().equalsIgnoreCase(fwName) && Boolean.FALSE.equals(p.enabled()));
        if (Boolean.TRUE.equals(allowed) && !fwOff && !blockAllRead) {
            facts.warn("whether the " + fwName + " firewall profile blocks all incoming connections (DoNotAllowExceptions) is unknown"
                    + " (no rdp_firewall_block_all results, e.g. from an older rdp-doctor pack): if it does, RDP is not allowed");
        }
    }

    /**
     * The rule's protocol for {@link FirewallCollector#notRdp}: osquery prints TCP, UDP and Any by name and every other
     * protocol (ICMP, GRE, ...) as an empty string; a missing column is not known.
     */
    private static String protocol(JsonNode r) {
        JsonNode p = PsJson.field(r, "protocol");
        if (p.isMissingNode() || p.isNull()) {
            return "";
        }
        String text = PsJson.text(p).orElse("");
        return text.isBlank() ? "not TCP, UDP or any" : text;
    }

    /** local_ports split at commas ("3389", "3389,3390", "5000-5100", "*", "RPC"); null when the column is missing. */
    private static List<String> localPorts(JsonNode r) {
        JsonNode p = PsJson.field(r, "local_ports");
        if (p.isMissingNode() || p.isNull()) {
            return null;
        }
        return List.of(PsJson.text(p).orElse("").split(","));
    }

    private static boolean flag(JsonNode r, String field) {
        return PsJson.integer(r, field).orElse(0) != 0;
    }

    /** A SYSTEMTIME as osquery prints REG_BINARY (hex): year, month, day of week, day, hour, minute, second, ms (LE u16). */
    static Instant systemTime(String hex) {
        if (hex == null || !hex.matches("(?i)[0-9a-f]{32}")) {
            return null;
        }
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            int lo = Integer.parseInt(hex.substring(i * 4, i * 4 + 2), 16);
            int hi = Integer.parseInt(hex.substring(i * 4 + 2, i * 4 + 4), 16);
            w[i] = lo | hi << 8;
        }
        try {
            return LocalDateTime.of(w[0], w[1], w[3], w[4], w[5], w[6]).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /**
     * Firewall profile states from the registry; Group Policy values win over local ones. DoNotAllowExceptions 1 is
     * "Block all connections" (inbound rules do not apply); when rdp_firewall_block_all ran, a value that is not set is 0.
     */
    private static List<FirewallCollector.FirewallProfile> firewallProfiles(List<JsonNode> rows, List<JsonNode> blockAllRows,
            boolean blockAllRead) {
        Map<String, Map<String, Long>> local = new LinkedHashMap<>();
        Map<String, Map<String, Long>> policy = new LinkedHashMap<>();
        List<JsonNode> all = new ArrayList<>(rows);
        all.addAll(blockAllRows);
        for (JsonNode r : all) {
            String key = PsJson.text(r, "key").orElse("").toLowerCase(Locale.ROOT);
            String profile = key.endsWith("domainprofile") ? "Domain"
                    : key.endsWith("standardprofile") || key.endsWith("privateprofile") ? "Private"
                    : key.endsWith("publicprofile") ? "Public" : null;
            OptionalLong v = PsJson.integer(r, "data");
            String name = PsJson.text(r, "name").orElse("").toLowerCase(Locale.ROOT);
            if (profile != null && v.isPresent()) {
                (key.contains("\\policies\\") ? policy : local).computeIfAbsent(profile, p -> new LinkedHashMap<>())
                        .put(name, v.getAsLong());
            }
        }
        List<FirewallCollector.FirewallProfile> out = new ArrayList<>();
        for (String p : List.of("Domain", "Private", "Public")) {
            Long enable = pick(policy, local, p, "enablefirewall");
            Long inbound = pick(policy, local, p, "defaultinboundaction");
            Long blockAll = pick(policy, local, p, "donotallowexceptions");
            Boolean rulesApply = blockAll != null ? Boolean.valueOf(blockAll == 0) : blockAllRead ? Boolean.TRUE : null;
            if (enable != null || inbound != null || rulesApply != null) {
                // registry DefaultInboundAction: 0 allow, 1 block
                out.add(new FirewallCollector.FirewallProfile(p, enable == null ? null : enable != 0,
                        inbound == null ? null : inbound == 0, rulesApply));
            }
        }
        return out;
    }

    private static Long pick(Map<String, Map<String, Long>> policy, Map<String, Map<String, Long>> local, String profile, String name) {
        Long v = policy.getOrDefault(profile, Map.of()).get(name);
        return v != null ? v : local.getOrDefault(profile, Map.of()).get(name);
    }

    // ---- certificate ---------------------------------------------------------------------------

    private static void certificate(OsqueryHost host, Registry reg, WinFacts facts, Instant now) {
        if (!host.saw(OsqueryQueries.CERTIFICATES) && !host.saw(OsqueryQueries.MACHINEKEYS)) {
            return;
        }
        String configured = reg.text("RdpTcp", "SSLCertificateSHA1Hash").orElse(null);
        List<CertificateCollector.Cert> certs = new ArrayList<>();
        for (JsonNode r : host.rows(OsqueryQueries.CERTIFICATES)) {
            String store = PsJson.text(r, "store").orElse("Remote Desktop");
            String sha1 = PsJson.text(r, "sha1").orElse("");
            if (store.equalsIgnoreCase("My") && (configured == null || !sha1.equalsIgnoreCase(configured))) {
                continue;
            }
            JsonNode after = PsJson.field(r, "not_valid_after");
            OptionalLong epoch = PsJson.integer(after);
            Optional<Instant> notAfter = epoch.isPresent() ? Optional.of(Instant.ofEpochSecond(epoch.getAsLong())) : PsJson.instant(after);
            if (notAfter.isEmpty()) {
                facts.warn("certificate " + sha1 + " has no readable not_valid_after");
                continue;
            }
            certs.add(new CertificateCollector.Cert(store, sha1, PsJson.text(r, "subject").orElse(""),
                    PsJson.text(r, "issuer").orElse(""), notAfter.get(), PsJson.integer(r, "self_signed").isPresent()
                    ? PsJson.integer(r, "self_signed").getAsLong() != 0 : null));
        }
        List<String> keyFiles = null;
        List<CertificateCollector.Ace> aces = null;
        if (host.saw(OsqueryQueries.MACHINEKEYS)) {
            Set<String> files = new LinkedHashSet<>();
            aces = new ArrayList<>();
            for (JsonNode r : host.rows(OsqueryQueries.MACHINEKEYS)) {
                String file = PsJson.text(r, "filename").orElse("");
                if (file.isEmpty()) {
                    continue;
                }
                files.add(file);
                aces.add(new CertificateCollector.Ace(file, PsJson.text(r, "principal").orElse(""), null,
                        rights(PsJson.text(r, "access").orElse("")), PsJson.text(r, "type").orElse("").equalsIgnoreCase("Deny")));
            }
            keyFiles = new ArrayList<>(files);
        }
        CertificateCollector.apply(configured, certs, keyFiles, aces, now, facts);
    }

    /**
     * Access bits from ntfs_acl_permissions' text. osquery names only generic and standard rights; any file-specific
     * right (such as read data) shows as "Specific Rights All", which is taken as read access.
     */
    static long rights(String access) {
        String a = access.toLowerCase(Locale.ROOT);
        long bits = 0;
        if (a.contains("generic read")) {
            bits |= 0x80000000L;
        }
        if (a.contains("generic all")) {
            bits |= 0x10000000L;
        }
        if (a.contains("specific rights all")) {
            bits |= 1L;
        }
        return bits;
    }

    // ---- sessions ------------------------------------------------------------------------------

    private static void sessions(OsqueryHost host, Registry reg, WinFacts facts) {
        if (host.saw(OsqueryQueries.SESSIONS)) {
            boolean listening = false;
            long count = 0;
            for (JsonNode r : host.rows(OsqueryQueries.SESSIONS)) {
                String tty = PsJson.text(r, "tty").orElse("");
                String type = PsJson.text(r, "type").orElse("");
                String state = WindowsFacts.sessionState(type).orElse(type.toLowerCase(Locale.ROOT));
                if (tty.equalsIgnoreCase("rdp-tcp") && state.equals("listen")) {
                    listening = true;
                }
                Optional<String> user = PsJson.text(r, "user");
                if (user.isPresent() && !state.equals("listen")) {
                    facts.session(new UserSession(user.get(), state, -1));
                    if (!tty.equalsIgnoreCase("console")) {
                        count++;
                    }
                }
            }
            facts.put("server.listener_state", listening ? "listen" : "down");
            facts.put("server.session_count", count);
        }
        OptionalLong productType = OptionalLong.empty();
        for (JsonNode r : host.rows(OsqueryQueries.OS)) {
            productType = OptionalLong.of(PsJson.text(r, "name").orElse("").toLowerCase(Locale.ROOT).contains("server") ? 3 : 1);
        }
        SessionsCollector.sessionLimit(policyValue(reg, "MaxInstanceCount"), reg.get("RdpTcp", "MaxInstanceCount"),
                OptionalLong.empty(), productType).ifPresent(x -> facts.put("server.session_limit", x));
    }

    private static OptionalLong policyValue(Registry reg, String name) {
        return reg.get("Policy", name);
    }

    // ---- events --------------------------------------------------------------------------------

    private static void events(OsqueryHost host, WinFacts facts) {
        int bad = 0;
        for (JsonNode r : host.rows(OsqueryQueries.EVENTS)) {
            OptionalLong id = PsJson.integer(r, "eventid");
            if (id.isEmpty() || id.getAsLong() < 0 || id.getAsLong() > 65535) {
                bad++;
                continue;
            }
            String data = PsJson.text(r, "data").orElse("");
            if (data.length() > 1000) {
                data = data.substring(0, 1000);
            }
            facts.event(new HostEvent(PsJson.text(r, "channel").orElse(""), PsJson.text(r, "provider_name").orElse(""),
                    (int) id.getAsLong(), PsJson.instant(r, "datetime").map(PsJson::iso).orElse(null), data));
        }
        if (bad > 0) {
            facts.warn(bad + " event row(s) without a readable eventid were left out");
        }
    }

    // ---- updates, security products, OS, cloud -------------------------------------------------

    private static void updates(OsqueryHost host, Registry reg, WinFacts facts, Instant now) {
        Long build = null;
        for (JsonNode r : host.rows(OsqueryQueries.OS)) {
            OptionalLong b = PsJson.integer(r, "build");
            if (b.isPresent()) {
                build = b.getAsLong();
            }
        }
        if (build == null && reg.get("CurrentVersion", "CurrentBuild").isPresent()) {
            build = reg.get("CurrentVersion", "CurrentBuild").getAsLong();
        }
        Long ubr = reg.get("CurrentVersion", "UBR").isPresent() ? reg.get("CurrentVersion", "UBR").getAsLong() : null;
        if (!host.saw(OsqueryQueries.PATCHES) && build == null) {
            return;
        }
        List<UpdatesCollector.HotFix> fixes = new ArrayList<>();
        for (JsonNode r : host.rows(OsqueryQueries.PATCHES)) {
            PsJson.text(r, "hotfix_id").ifPresent(id -> fixes.add(new UpdatesCollector.HotFix(id,
                    PsJson.instant(r, "installed_on").orElse(null))));
        }
        UpdatesCollector.apply(fixes, host.saw(OsqueryQueries.PATCHES), build, ubr, now, facts);
    }

    private static void security(OsqueryHost host, WinFacts facts) {
        if (!host.saw(OsqueryQueries.SECURITY_PRODUCTS) && !host.saw(OsqueryQueries.SECURITY_SERVICES)) {
            return;
        }
        List<String> products = new ArrayList<>();
        for (JsonNode r : host.rows(OsqueryQueries.SECURITY_PRODUCTS)) {
            if (PsJson.text(r, "state").map(s -> s.equalsIgnoreCase("On")).orElse(false)) {
                PsJson.text(r, "name").ifPresent(products::add);
            }
        }
        for (JsonNode r : host.rows(OsqueryQueries.SECURITY_SERVICES)) {
            if (PsJson.text(r, "status").map(s -> s.equalsIgnoreCase("RUNNING")).orElse(false)) {
                PsJson.text(r, "name").flatMap(WindowsFacts::securityProductOfService).ifPresent(products::add);
            }
        }
        facts.put("server.security_software", WindowsFacts.securitySoftwareValue(products));
    }

    private static void osAndCloud(OsqueryHost host, Registry reg, WinFacts facts) {
        for (JsonNode r : host.rows(OsqueryQueries.OS)) {
            String name = PsJson.text(r, "name").orElse(null);
            String version = reg.text("CurrentVersion", "DisplayVersion").or(() -> reg.text("CurrentVersion", "ReleaseId")).orElse(null);
            WindowsFacts.osName(name, version, name != null && !name.toLowerCase(Locale.ROOT).contains("server"))
                    .ifPresent(os -> facts.put("server.os", os));
        }
        if (!host.saw(OsqueryQueries.HARDWARE) && !host.saw(OsqueryQueries.CHASSIS)) {
            return;
        }
        String vendor = null;
        String model = null;
        String serial = null;
        String biosVendor = null;
        String biosVersion = null;
        String tag = null;
        for (JsonNode r : host.rows(OsqueryQueries.HARDWARE)) {
            vendor = PsJson.text(r, "hardware_vendor").orElse(vendor);
            model = PsJson.text(r, "hardware_model").orElse(model);
            serial = PsJson.text(r, "hardware_serial").orElse(serial);
            biosVendor = PsJson.text(r, "bios_vendor").orElse(biosVendor);
            biosVersion = PsJson.text(r, "bios_version").orElse(biosVersion);
        }
        for (JsonNode r : host.rows(OsqueryQueries.CHASSIS)) {
            tag = PsJson.text(r, "smbios_tag").orElse(tag);
        }
        WindowsFacts.cloud(vendor, model, biosVendor, biosVersion, serial, tag).ifPresent(c -> facts.put("server.cloud", c));
    }
}
