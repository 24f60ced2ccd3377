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
 * rule does. Enum numbers as Get-NetConnectionProfile / Get-NetFirewallProfile / Get-NetFirewallRule
 * print them: NetworkCategory 0 Public, 1 Private, 2 DomainAuthenticated; Enabled of a profile 0 False,
 * 1 True, 2 NotConfigured; Enabled of a rule 1 True, 2 False.
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

    /** State of one firewall profile: enabled, and whether unsolicited inbound traffic is allowed by default. */
    public record FirewallProfile(String name, Boolean enabled, Boolean defaultInboundAllow) {
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
            fwProfiles.add(new FirewallProfile(name, enabled, inboundAllow));
        }
        boolean rulesRead = PsJson.field(root, "Rules").isArray() || PsJson.field(root, "Rules").isObject()
                || PsJson.field(root, "PortRules").isArray() || PsJson.field(root, "PortRules").isObject();
        List<Rule> rules = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String section : List.of("Rules", "PortRules")) {
            for (JsonNode r : PsJson.rows(PsJson.field(root, section))) {
                String name = PsJson.text(r, "Name").orElse("");
                if (!name.isEmpty() && !seen.add(name)) {
                    continue;
                }
                long enabled = PsJson.integer(r, "Enabled").orElse(2);
                long direction = PsJson.integer(r, "Direction").orElse(0);
                long action = PsJson.integer(r, "Action").orElse(0);
                rules.add(new Rule(name, PsJson.text(r, "DisplayName").orElse(name), enabled == 1, direction == 1, action == 2, action == 4,
                        (int) PsJson.integer(r, "Profile").orElse(0)));
            }
        }
        apply(categories, fwProfiles, rulesRead ? rules : null, facts);
    }

    /**
     * Decides both symptoms; shared with the osquery ingester.
     *
     * @param categories contract profiles of the connected networks
     * @param fwProfiles firewall profile states (may be empty when unknown)
     * @param rules      the Remote Desktop rules, or null when they could not be read
     */
    public static void apply(Set<String> categories, List<FirewallProfile> fwProfiles, List<Rule> rules, WinFacts facts) {
        String profile = categories.stream().max(java.util.Comparator.comparingInt(WindowsFacts::strictness)).orElse(null);
        if (profile == null) {
            facts.warn("no connected network profile found");
            return;
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
            return;
        }
        if (fw != null && Boolean.TRUE.equals(fw.defaultInboundAllow())) {
            facts.put("server.firewall_rdp_allowed", true);
            return;
        }
        if (rules == null) {
            facts.warn("Remote Desktop firewall rules could not be read; firewall_rdp_allowed unknown");
            return;
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
    }
}
