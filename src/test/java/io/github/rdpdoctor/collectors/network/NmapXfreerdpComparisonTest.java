package io.github.rdpdoctor.collectors.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rdpdoctor.collectors.CollectionReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The probe next to nmap's rdp-enum-encryption/rdp-ntlm-info and xfreerdp on the same servers.
 *
 * <p>xfreerdp (a real client) must agree with the probe on which security protocols each server
 * accepts. nmap 7.93 does not: it reports SUCCESS for any negotiation response, so against xrdp
 * (no CredSSP at all) it prints "CredSSP (NLA): SUCCESS" although xrdp selected SSL or RDP; the
 * probe reads selectedProtocol. Against xrdp with security_layer=tls the nmap script fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class NmapXfreerdpComparisonTest {

    /** xfreerdp exit codes that mean "this security protocol was not accepted" (FreeRDP ERRCONNECT_*). */
    static final Set<Integer> NEGOTIATION_REFUSED = Set.of(133, 147, 161);
    static final Pattern NMAP_LINE = Pattern.compile("^\\|\\s+(CredSSP \\(NLA\\)|Native RDP|SSL):\\s+(\\S+)", Pattern.MULTILINE);

    private RealServers.Started servers;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private RealServers.ShadowNla shadow;

    @BeforeAll
    void start() throws IOException {
        RealServers.requireTools("xrdp", "openssl", "freerdp-shadow-cli", "winpr-hash", "Xvfb", "nmap", "xfreerdp");
        servers = RealServers.Started.start("rdp-doctor-compare", s -> {
            for (String layer : List.of("rdp", "tls", "negotiate")) {
                RealServers.Cert c = RealServers.selfSigned(s.dir, layer, layer + ".test", null, 30);
                RealServers.Xrdp x = s.track(RealServers.Xrdp.start(s.dir, "xrdp-" + layer, Map.of("security_layer", layer,
                        "certificate", c.cert().toString(), "key_file", c.key().toString())));
                ports.put("xrdp " + layer, x.port);
            }
            shadow = s.track(RealServers.ShadowNla.start(s.dir));
            ports.put("freerdp-shadow nla", shadow.port);
        });
    }

    @AfterAll
    void stop() {
        RealServers.Started.close(servers);
    }

    record Row(String server, Map<String, String> probe, Map<String, String> nmap, Map<String, Integer> xfreerdp,
               long probeMs, long nmapMs) {
    }

    @Test
    void xfreerdpAgreesWithTheProbeAndNmapOverstatesCredssp() {
        Prober prober = Prober.networkOnly();
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Integer> e : ports.entrySet()) {
            int port = e.getValue();
            long t0 = System.nanoTime();
            CollectionReport r = prober.probe("127.0.0.1", port, null, Duration.ofSeconds(2));
            long probeMs = (System.nanoTime() - t0) / 1_000_000;
            Map<String, String> probe = new LinkedHashMap<>();
            probe.put("nla", String.valueOf(r.get("rdp.negotiation.hybrid_ssl")));
            probe.put("tls", String.valueOf(r.get("rdp.negotiation.ssl")));
            probe.put("rdp", String.valueOf(r.get("rdp.negotiation.rdp")));
            RealServers.Result nmap = RealServers.run(Duration.ofSeconds(60), Map.of(), servers.dir, RealServers.tool("nmap"),
                    "-Pn", "-n", "-p", Integer.toString(port), "--script", "+rdp-enum-encryption,+rdp-ntlm-info", "127.0.0.1");
            Map<String, String> nm = new LinkedHashMap<>();
            Matcher m = NMAP_LINE.matcher(nmap.output());
            while (m.find()) {
                nm.put(m.group(1), m.group(2));
            }
            if (nmap.output().contains("rdp-enum-encryption: ERROR")) {
                nm.put("script", "ERROR");
            }
            Matcher dns = Pattern.compile("DNS_Computer_Name: (\\S+)").matcher(nmap.output());
            if (dns.find()) {
                nm.put("DNS_Computer_Name", dns.group(1));
            }
            Map<String, Integer> xf = new LinkedHashMap<>();
            for (String sec : List.of("nla", "tls", "rdp")) {
                RealServers.Result x = RealServers.run(Duration.ofSeconds(60),
                        Map.of("DISPLAY", shadow.xvfb.display, "HOME", servers.dir.toString()), servers.dir,
                        RealServers.tool("xfreerdp"), "/v:127.0.0.1:" + port, "/sec:" + sec, "/cert:ignore",
                        "+auth-only", "/u:" + RealServers.ShadowNla.USER, "/p:" + RealServers.ShadowNla.PASSWORD,
                        "/timeout:5000");
                xf.put(sec, x.exitCode());
            }
            rows.add(new Row(e.getKey(), probe, nm, xf, probeMs, nmap.elapsed().toMillis()));

            // the probe's dns name equals nmap's when nmap found one
            if (nm.containsKey("DNS_Computer_Name")) {
                assertEquals(nm.get("DNS_Computer_Name"), r.get("ntlm.dns_computer_name"));
            }
        }
        rows.forEach(row -> System.out.println("[compare] " + row));

        for (Row row : rows) {
            // xfreerdp (a real client) and the probe agree, for each security protocol
            for (String sec : List.of("nla", "tls", "rdp")) {
                String want = Map.of("nla", "hybrid", "tls", "ssl", "rdp", "rdp").get(sec);
                boolean probeAccepts = want.equals(row.probe().get(sec));
                boolean clientAccepts = !NEGOTIATION_REFUSED.contains(row.xfreerdp().get(sec));
                assertEquals(clientAccepts, probeAccepts, row.server() + " /sec:" + sec + ": " + row);
            }
        }
        Row negotiate = rows.stream().filter(r -> r.server().equals("xrdp negotiate")).findFirst().orElseThrow();
        Row rdpOnly = rows.stream().filter(r -> r.server().equals("xrdp rdp")).findFirst().orElseThrow();
        Row nla = rows.stream().filter(r -> r.server().equals("freerdp-shadow nla")).findFirst().orElseThrow();
        // the documented difference: nmap says CredSSP works on xrdp, which has no CredSSP
        assertEquals("ssl", negotiate.probe().get("nla"));
        assertEquals("SUCCESS", negotiate.nmap().get("CredSSP (NLA)"), negotiate::toString);
        assertEquals("rdp", rdpOnly.probe().get("tls"));
        assertEquals("SUCCESS", rdpOnly.nmap().get("SSL"), "nmap: SSL SUCCESS although xrdp selected RDP: " + rdpOnly);
        assertEquals("hybrid", nla.probe().get("nla"));
        assertEquals("SUCCESS", nla.nmap().get("CredSSP (NLA)"));
        for (Row row : rows) {
            assertTrue(row.probeMs() < row.nmapMs(), "probe " + row.probeMs() + " ms vs nmap " + row.nmapMs() + " ms");
        }
    }
}
