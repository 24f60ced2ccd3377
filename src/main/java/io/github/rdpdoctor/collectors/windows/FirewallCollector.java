package io.github.rdpdoctor.collectors.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Host: {@code server.network_profile} (the strictest category of the connected networks: Public before
 * Private before Domain) and {@code server.firewall_rdp_allowed} for that profile.
 *
 * <p>RDP counts as allowed when the firewall profile is off (Enabled 0), its default inbound action is
 * Allow (2), or an enabled (1) inbound (1) Allow (2) rule of the Remote Desktop group or for the RDP port
 * covers the profile (Profile 0 = any, else bits Domain 1, Private 2, Public 4), and no such Block (4)
 * rule does. A profile that blocks all incoming connections, allowed apps included (AllowInboundRules 0,
 * "Block all connections"), ignores every inbound rule. A rule counts only when it carries RDP: protocol
 * TCP (or any), a local port that is the listener's PortNumber (or any), and no program other than
 * svchost.exe or System (the group's UDP rule and its Shadow rule for RdpSa.exe do not let RDP in, and its
 * TCP rule opens 3389 only). Enum numbers as Get-NetConnectionProfile / Get-NetFirewallProfile /
 * Get-NetFirewallRule print them: NetworkCategory 0 Public, 1 Private, 2 DomainAuthenticated; Enabled and
 * AllowInboundRules of a profile 0 False, 1 True, 2 NotConfigured; Enabled of a rule 1 True, 2 False.
 */
public final class FirewallCollector extends WindowsCollector {

    public FirewallCollector() {
    }

    public FirewallCollector(CommandRunner runner, Supplier<String> osName, Clock clock) {
        super(runner, osName, clock);
    }

    @Override
    public String name() {
        return "windows-firewall";
    }

    @Override
    public String snippet() {
        return "firewall.ps1";
    }

    @Override
    public Set<Side> sides() {
        return hostOnly();
    }

    @Override
    public Set<String> produces() {
        return Set.of("server.network_profile", "server.firewall_rdp_allowed");
    }

    /** One firewall rule as the collector sees it; {@code label} is its display name (or its name). */
    public record Rule(String name, String label, boolean enabled, boolean inbound, boolean allow, boolean block, int profileBits) {
        boolean covers(String profile) {
            return profileBits == 0 || (profileBits & WindowsFacts.profileBit(profile)) != 0;
        }
    }

    /**
     * State of one firewall profile: enabled, whether unsolicited inbound traffic is allowed by default, and
     * whether inbound rules apply at all (false: "Block all connections"); null when unknown.
     */
    public record FirewallProfile(String name, Boolean enabled, Boolean defaultInboundAllow, Boolean inboundRulesAllowed) {
        public FirewallProfile(String name, Boolean enabled, Boolean defaultInboundAllow) {
            this(name, enabled, defaultInboundAllow, null);
        }
    }

    @Override
    protected void parse(JsonNode root, WinFacts facts) {
        if (!root.isObject()) {
            facts.warn("unexpected output: expected an object with Profiles, FirewallProfiles and Rules");
            return;
        }
        Set<String> categories = new LinkedHashSet<>();
        for (JsonNode p : PsJson.rows(PsJson.field(root, "Profiles"))) {
            PsJson.integer(p, "NetworkCategory").stream().mapToObj(WindowsFacts::networkProfile)
                    .flatMap(java.util.Optional::stream).forEach(categories::add);
        }
        List<FirewallProfile> fwProfiles = new ArrayList<>();
        for (JsonNode p : PsJson.rows(PsJson.field(root, "FirewallProfiles"))) {
            String name = PsJson.text(p, "Name").orElse("");
            Boolean enabled = null;
            if (PsJson.integer(p, "Enabled").isPresent()) {
                enabled = PsJson.integer(p, "Enabled").getAsLong() != 0;
            } else if (PsJson.bool(p, "Enabled").isPresent()) {
                enabled = PsJson.bool(p, "Enabled").get();
            }
            Boolean inboundAllow = null;
            if (PsJson.integer(p, "DefaultInboundAction").isPresent()) {
                inboundAllow = PsJson.integer(p, "DefaultInboundAction").getAsLong() == 2;
            }
            Boolean rulesAllowed = null;
            if (PsJson.integer(p, "AllowInboundRules").isPresent()) {
                rulesAllowed = PsJson.integer(p, "AllowInboundRules").getAsLong() != 0;
            } else if (PsJson.bool(p, "AllowInboundRules").isPresent()) {
                rulesAllowed = PsJson.bool(p, "AllowInboundRules").get();
            }
            fwProfiles.add(new FirewallProfile(name, enabled, inboundAllow, rulesAllowed));
        }
        java.util.OptionalLong port = PsJson.integer(root, "Port");
        boolean rulesRead = PsJson.field(root, "Rules").isArray() || PsJson.field(root, "Rules").isObject()
                || PsJson.field(root, "PortRules").isArray() || PsJson.field(root, "PortRules").isObject();
        List<Rule> rules = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String section : List.of("Rules", "PortRules")) {
            for (JsonNode r : PsJson.rows(PsJson.field(root, section))) {
                String name = PsJson.text(r, "Name").orElse("");
                if (!name.isEmpty() && !seen.add(name)) {
                    continue;
                }
                String label = PsJson.text(r, "DisplayName").orElse(name);
                long enabled = PsJson.integer(r, "Enabled").orElse(2);
                long direction = PsJson.integer(r, "Direction").orElse(0);
                long action = PsJson.integer(r, "Action").orElse(0);
                String notRdp = notRdp(r, port);
                if (notRdp != null) {
                    if (enabled == 1 && direction == 1 && action == 2) {
                        ignored.add(label + " (" + notRdp + ")");
                    }
                    continue;
                }
                rules.add(new Rule(name, label, enabled == 1, direction == 1, action == 2, action == 4,
                        (int) PsJson.integer(r, "Profile").orElse(0)));
            }
        }
        apply(categories, fwProfiles, rulesRead ? rules : null, facts);
        if (Boolean.FALSE.equals(facts.symptoms().get("server.firewall_rdp_allowed")) && !ignored.isEmpty()) {
            facts.warn("rules that do not carry RDP on TCP " + (port.isPresent() ? port.getAsLong() : 3389) + " were not counted: "
                    + String.join(", ", ignored));
        }
    }

    /**
     * Why a rule as the snippet lists it does not carry RDP traffic (protocol not TCP, local ports without the
     * RDP port, a program other than svchost.exe or System), or null when it does or its filters are not listed.
     */
    static String notRdp(JsonNode rule, java.util.OptionalLong port) {
        JsonNode ports = PsJson.field(rule, "LocalPort");
        List<String> listed = null;
        if (!ports.isMissingNode() && !ports.isNull()) {
            listed = new ArrayList<>();
            for (JsonNode n : PsJson.rows(ports)) {
                PsJson.text(n).ifPresent(listed::add);
            }
        }
        return notRdp(PsJson.text(rule, "Protocol").orElse(""), listed, PsJson.text(rule, "Program").orElse(""), port);
    }

    /**
     * Why a rule does not carry RDP traffic, or null when it does; shared with the osquery ingester.
     *
     * @param protocol   "TCP", "6" or "Any" carry RDP; empty: not known
     * @param localPorts the rule's local ports ("Any", "*", numbers, ranges "a-b", keywords such as "RPC"); null
     *                   or empty: any port or not known
     * @param program    the rule's program; empty, "Any", "System" or a path ending in svchost.exe carry RDP
     * @param port       the RDP listener's port (RDP-Tcp PortNumber); empty: ports are not checked
     */
    public static String notRdp(String protocol, List<String> localPorts, String program, java.util.OptionalLong port) {
        if (!protocol.isEmpty() && !protocol.equalsIgnoreCase("TCP") && !protocol.equals("6") && !protocol.equalsIgnoreCase("Any")) {
            return protocol;
        }
        if (port.isPresent() && localPorts != null) {
            List<String> listed = localPorts.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
            if (!listed.isEmpty() && listed.stream().noneMatch(p -> portMatches(p, port.getAsLong()))) {
                return "port " + String.join(",", listed);
            }
        }
        String file = program.substring(program.lastIndexOf('\\') + 1).toLowerCase(Locale.ROOT);
        if (!program.isEmpty() && !program.equalsIgnoreCase("Any") && !program.equalsIgnoreCase("System") && !file.equals("svchost.exe")) {
            return "program " + program;
        }
        return null;
    }

    private static boolean portMatches(String listed, long port) {
        String p = listed.strip();
        if (p.equalsIgnoreCase("Any") || p.equals("*") || p.equals(Long.toString(port))) {
            return true;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,5})-(\\d{1,5})").matcher(p);
        return m.matches() && Long.parseLong(m.group(1)) <= port && port <= Long.parseLong(m.group(2));
    }

    /**
     * Decides both symptoms; shared with the osquery ingester.
     *
     * @param categories contract profiles of the connected networks
     * @param fwProfiles firewall profile states (may be empty when unknown)
     * @param rules      the Remote Desktop rules, or null when they could not be read
     * @return whether the rules decided {@code server.firewall_rdp_allowed} (not the profile's state)
     */
    public static boolean apply(Set<String> categories, List<FirewallProfile> fwProfiles, List<Rule> rules, WinFacts facts) {
        return apply(categories, fwProfiles, rules, "Remote Desktop firewall rules could not be read; firewall_rdp_allowed unknown", facts);
    }

    /**
     * As {@link #apply(Set, List, List, WinFacts)}, with the warning to give when the rules would decide but are
     * null (not known).
     */
    public static boolean apply(Set<String> categories, List<FirewallProfile> fwProfiles, List<Rule> rules, String rulesUnknown,
            WinFacts facts) {
        String profile = categories.stream().max(java.util.Comparator.comparingInt(WindowsFacts::strictness)).orElse(null);
        if (profile == null) {
            facts.warn("no connected network profile found");
            return false;
        }
        facts.put("server.network_profile", profile);
        if (categories.size() > 1) {
            facts.warn("several networks connected (" + String.join(", ", categories) + "); judged by the strictest, " + profile);
        }
        String fwName = WindowsFacts.firewallProfileName(profile);
        FirewallProfile fw = fwProfiles.stream().filter(p -> p.name().equalsIgnoreCase(fwName)).findFirst().orElse(null);
        if (fw != null && Boolean.FALSE.equals(fw.enabled())) {
            facts.put("server.firewall_rdp_allowed", true);
            facts.warn("Windows Firewall is off for the " + fwName + " profile");
            return false;
        }
        if (fw != null && Boolean.FALSE.equals(fw.inboundRulesAllowed())) {
            facts.put("server.firewall_rdp_allowed", false);
            facts.warn("the " + fwName + " firewall profile blocks all incoming connections, including allowed apps "
                    + "(AllowInboundRules False): no inbound rule applies");
            return false;
        }
        if (fw != null && Boolean.TRUE.equals(fw.defaultInboundAllow())) {
            facts.put("server.firewall_rdp_allowed", true);
            return false;
        }
        if (rules == null) {
            facts.warn(rulesUnknown);
            return false;
        }
        List<String> allowing = new ArrayList<>();
        List<String> blocking = new ArrayList<>();
        for (Rule r : rules) {
            if (r.enabled() && r.inbound() && r.covers(profile)) {
                if (r.block()) {
                    blocking.add(r.label());
                } else if (r.allow()) {
                    allowing.add(r.label());
                }
            }
        }
        if (!blocking.isEmpty()) {
            facts.put("server.firewall_rdp_allowed", false);
            facts.warn("inbound block rule for Remote Desktop on the " + fwName + " profile: " + String.join(", ", blocking));
        } else {
            facts.put("server.firewall_rdp_allowed", !allowing.isEmpty());
            if (allowing.isEmpty()) {
                long forOther = rules.stream().filter(r -> r.enabled() && r.inbound() && r.allow()).count();
                facts.warn("no enabled inbound Remote Desktop rule for the " + fwName.toLowerCase(Locale.ROOT) + " profile"
                        + (forOther > 0 ? " (" + forOther + " enabled for other profiles)" : ""));
            }
        }
        return true;
    }
}
