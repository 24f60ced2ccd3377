package io.github.rdpdoctor.collectors.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Host: the Remote Desktop certificate and its key.
 * <ul>
 *   <li>the certificate in use is the one whose thumbprint the RDP-Tcp listener names
 *       (Win32_TSGeneralSetting.SSLCertificateSHA1Hash), else the newest in the "Remote Desktop" store;</li>
 *   <li>{@code server.cert_expired}, {@code tls.cert_days_left}, {@code tls.cert_self_signed} and its thumbprint,
 *       {@code server.rdp_cert_thumbprint} (for comparing with the certificate a client is shown on the port), from it;</li>
 *   <li>{@code server.machinekeys_ok}: a key file {@code f686aace6942fb7f7ceb231212eef4a4*} in MachineKeys
 *       that NETWORK SERVICE may read (directly or as Everyone, Authenticated Users, SERVICE or Users)
 *       and is not denied; not judged when the listener uses a CA-issued certificate (its key has
 *       another file name).</li>
 * </ul>
 */
public final class CertificateCollector extends WindowsCollector {
    /** Prefix of the key container file of the RDP self-signed certificate. */
    public static final String RDP_KEY_PREFIX = "f686aace6942fb7f7ceb231212eef4a4";

    public CertificateCollector() {
    }

    public CertificateCollector(CommandRunner runner, Supplier<String> osName, Clock clock) {
        super(runner, osName, clock);
    }

    @Override
    public String name() {
        return "windows-rdp-certificate";
    }

    @Override
    public String snippet() {
        return "certificate.ps1";
    }

    @Override
    public Set<Side> sides() {
        return hostOnly();
    }

    @Override
    public Set<String> produces() {
        return Set.of("server.cert_expired", "tls.cert_days_left", "tls.cert_self_signed", "server.rdp_cert_thumbprint",
                "server.machinekeys_ok");
    }

    /** A certificate of the Remote Desktop (or My) store. */
    public record Cert(String store, String thumbprint, String subject, String issuer, Instant notAfter, Boolean selfSigned) {
        boolean isSelfSigned() {
            return selfSigned != null ? selfSigned : subject != null && subject.equalsIgnoreCase(issuer);
        }
    }

    /** One access rule of a key file; {@code sid} may be null when only the (localized) name is known. */
    public record Ace(String file, String identity, String sid, long rights, boolean deny) {
    }

    @Override
    protected void parse(JsonNode root, WinFacts facts) {
        if (!root.isObject()) {
            facts.warn("unexpected output: expected an object with Certificates and KeyFiles");
            return;
        }
        Instant now = PsJson.instant(root, "Now").orElse(facts.now());
        String configured = PsJson.text(root, "ConfiguredThumbprint").orElse(null);
        List<Cert> certs = new ArrayList<>();
        for (JsonNode c : PsJson.rows(PsJson.field(root, "Certificates"))) {
            Optional<Instant> notAfter = PsJson.instant(c, "NotAfter");
            if (notAfter.isEmpty()) {
                facts.warn("certificate " + PsJson.text(c, "Thumbprint").orElse("?") + " has no readable NotAfter");
                continue;
            }
            certs.add(new Cert(PsJson.text(c, "Store").orElse("Remote Desktop"), PsJson.text(c, "Thumbprint").orElse(""),
                    PsJson.text(c, "Subject").orElse(""), PsJson.text(c, "Issuer").orElse(""), notAfter.get(), null));
        }
        List<String> keyFiles = new ArrayList<>();
        for (JsonNode k : PsJson.rows(PsJson.field(root, "KeyFiles"))) {
            PsJson.text(k, "Name").ifPresent(keyFiles::add);
        }
        boolean aclRead = PsJson.field(root, "KeyAccess").isArray() || PsJson.field(root, "KeyAccess").isObject();
        List<Ace> aces = new ArrayList<>();
        for (JsonNode a : PsJson.rows(PsJson.field(root, "KeyAccess"))) {
            aces.add(new Ace(PsJson.text(a, "File").orElse(""), PsJson.text(a, "Identity").orElse(""),
                    PsJson.text(a, "Sid").orElse(null), PsJson.integer(a, "Rights").orElse(0),
                    PsJson.integer(a, "Type").orElse(0) == 1));
        }
        boolean keysListed = !PsJson.field(root, "KeyFiles").isMissingNode() && !PsJson.field(root, "KeyFiles").isNull();
        apply(configured, certs, keysListed ? keyFiles : null, aclRead ? aces : null, now, facts);
    }

    /**
     * Decides the symptoms; shared with the osquery ingester.
     *
     * @param configured thumbprint the listener names, or null
     * @param keyFiles   names of the RDP key files found, or null when MachineKeys could not be listed
     * @param aces       access rules of those files, or null when they could not be read
     */
    public static void apply(String configured, List<Cert> certs, List<String> keyFiles, List<Ace> aces, Instant now,
                             WinFacts facts) {
        Cert inUse = null;
        if (configured != null && !configured.isBlank()) {
            inUse = certs.stream().filter(c -> c.thumbprint().equalsIgnoreCase(configured.strip())).findFirst().orElse(null);
            if (inUse == null) {
                facts.warn("the RDP-Tcp listener names certificate " + configured.strip()
                        + ", which is in neither the Remote Desktop nor the Personal store");
            }
        }
        if (inUse == null) {
            inUse = certs.stream().filter(c -> c.store().equalsIgnoreCase("Remote Desktop"))
                    .max(Comparator.comparing(Cert::notAfter)).orElse(null);
        }
        if (inUse != null) {
            long days = WindowsFacts.daysUntil(inUse.notAfter(), now);
            facts.put("server.cert_expired", inUse.notAfter().isBefore(now));
            facts.put("tls.cert_days_left", days);
            facts.put("tls.cert_self_signed", inUse.isSelfSigned());
            // Not when the listener names a certificate that is in neither store: what it presents then is a guess.
            boolean named = configured == null || configured.isBlank() || inUse.thumbprint().equalsIgnoreCase(configured.strip());
            if (named && !inUse.thumbprint().isBlank()) {
                facts.put("server.rdp_cert_thumbprint", inUse.thumbprint().strip().toUpperCase(Locale.ROOT));
            }
        } else if (certs.isEmpty()) {
            facts.warn("no certificate in the Remote Desktop store (TermService makes one when it starts)");
        }
        if (inUse != null && !inUse.isSelfSigned()) {
            return; // a CA-issued certificate's key is not the f686aace... container
        }
        if (keyFiles == null) {
            facts.warn("MachineKeys could not be listed; machinekeys_ok unknown");
            return;
        }
        if (keyFiles.isEmpty()) {
            facts.put("server.machinekeys_ok", false);
            facts.warn("no RDP key file " + RDP_KEY_PREFIX + "* in MachineKeys");
            return;
        }
        if (aces == null) {
            facts.warn("access rules of the RDP key file could not be read; machinekeys_ok unknown");
            return;
        }
        Map<String, Boolean> readable = new LinkedHashMap<>();
        for (String f : keyFiles) {
            boolean allow = false;
            boolean deny = false;
            for (Ace a : aces) {
                if (!a.file().isEmpty() && !a.file().equalsIgnoreCase(f)) {
                    continue;
                }
                if (!concernsNetworkService(a) || !WindowsFacts.grantsRead(a.rights())) {
                    continue;
                }
                if (a.deny()) {
                    deny = true;
                } else {
                    allow = true;
                }
            }
            readable.put(f, allow && !deny);
        }
        boolean ok = readable.containsValue(true);
        facts.put("server.machinekeys_ok", ok);
        if (!ok) {
            facts.warn("NETWORK SERVICE cannot read the RDP key file " + String.join(", ", readable.keySet()));
        }
    }

    private static boolean concernsNetworkService(Ace a) {
        if (a.sid() != null && !a.sid().isBlank()) {
            return WindowsFacts.NETWORK_SERVICE_SIDS.contains(a.sid().strip().toUpperCase(Locale.ROOT));
        }
        String id = a.identity().toLowerCase(Locale.ROOT);
        int slash = id.lastIndexOf('\\');
        String bare = slash >= 0 ? id.substring(slash + 1) : id;
        return WindowsFacts.NETWORK_SERVICE_NAMES.contains(bare.strip())
                || WindowsFacts.NETWORK_SERVICE_SIDS.contains(bare.strip().toUpperCase(Locale.ROOT));
    }
}
