package io.github.rdpdoctor.symptoms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SymptomTest {
    private final Symptom port = new Symptom("network.rdp_port_state", "filtered", 4);
    private final Symptom ping = new Symptom("network.ping_ok", false, 5);

    /** Evidence text counts with the right plural: "installed updates 1 day ago", not "1 days ago". */
    @Test
    void aCountNamesItsUnitInTheSingularForOneOnly() {
        assertEquals("1 day", new Symptom("client.last_update_days", 1.0, 3).count("day"));
        assertEquals("0 days", new Symptom("client.last_update_days", 0.0, 3).count("day"));
        assertEquals("14 days", new Symptom("client.last_update_days", 14.0, 3).count("day"));
        assertEquals("2.5 days", new Symptom("client.last_update_days", 2.5, 3).count("day"));
    }

    /** A fact sees its file's sessions: any, one of an account, and how many hold a slot (active or disconnected). */
    @Test
    void factsSeeTheSessionListOfTheirFile() {
        FileFacts file = FileFacts.link(List.of(new Symptom("client.user", "CORP\\jdoe", 3)), List.of(), List.of(
                new UserSession("CORP\\alice", "Active", 5), new UserSession("jdoe", "disc", 90),
                new UserSession("bob", "disconnected", 9), new UserSession("carol", "idle", 0), new UserSession("", "listen", 0)));
        Symptom user = file.symptoms().get(0);
        assertTrue(user.hasSessions());
        assertTrue(user.hasSessionOf("CORP\\JDoe"));
        assertFalse(user.hasSessionOf("dave"));
        assertEquals(3, user.openSessions(), "alice, jdoe, bob; not idle carol, not the listener");
        assertEquals(2, user.openSessionsOfOthers("CORP\\jdoe"));
        assertEquals(3, user.openSessionsOfOthers(""), "no account: everyone is another");
        Symptom alone = new Symptom("client.user", "jdoe", 1);
        assertFalse(alone.hasSessions(), "outside a diagnosis a fact sees nothing");
        assertEquals(0, alone.openSessions());
    }

    /**
     * A session sees the profile failures of its user logged after its last input (collected_at minus the idle time):
     * not before, not another user's or an unnamed one, not without collected_at or an idle time.
     */
    @Test
    void aSessionSeesItsUsersProfileFailuresSinceItsLastInput() {
        String ups = "Microsoft-Windows-User Profiles Service";
        List<HostEvent> events = List.of(
                new HostEvent("Application", ups, 1511, "2026-11-26T07:41:29Z", "temporary profile. User: CORP\\lena"),
                new HostEvent("Application", ups, 1508, "2026-11-26T07:45:00Z", "unable to load C:\\Users\\marek\\NTUSER.DAT"),
                new HostEvent("Application", ups, 1502, "2026-11-26T07:46:00Z", "cannot load the user's profile"));
        List<UserSession> sessions = List.of(new UserSession("lena", "disconnected", 1200), new UserSession("lena", "disconnected", 5),
                new UserSession("marek", "disconnected", 60), new UserSession("nina", "disconnected", 60),
                new UserSession("lena", "disconnected", -1));
        List<UserSession> at = FileFacts.link(List.of(), events, sessions, "2026-11-26T07:50:00Z").sessions();
        assertTrue(at.get(0).profileFailureSinceLastInput(), "lena's 1511, 9 minutes ago, after 1200 idle minutes began");
        assertFalse(at.get(1).profileFailureSinceLastInput(), "idle only 5 minutes: the 1511 came before the last input");
        assertTrue(at.get(2).profileFailureSinceLastInput(), "marek's 1508 by its profile path");
        assertFalse(at.get(3).profileFailureSinceLastInput(), "the unnamed 1502 is nobody's");
        assertFalse(at.get(4).profileFailureSinceLastInput(), "no idle time");
        assertFalse(FileFacts.link(List.of(), events, sessions).sessions().get(0).profileFailureSinceLastInput(), "no collected_at");
        assertFalse(sessions.get(0).profileFailureSinceLastInput(), "outside a diagnosis");
    }

    /** The session limit is reached by the session count or by the listed sessions holding a slot; never without a limit. */
    @Test
    void factsSeeWhetherTheSessionLimitIsReached() {
        List<UserSession> two = List.of(new UserSession("alice", "active", 0), new UserSession("bob", "disconnected", 40));
        record Case(Double limit, Double count, List<UserSession> sessions, boolean reached) {
        }
        for (Case c : List.of(new Case(null, null, two, false), new Case(null, 5.0, List.of(), false),
                new Case(0.0, 5.0, List.of(), false), new Case(5.0, 5.0, List.of(), true), new Case(5.0, 6.0, List.of(), true),
                new Case(5.0, 4.0, List.of(), false), new Case(2.0, null, two, true), new Case(3.0, null, two, false),
                new Case(3.0, 1.0, two, false))) {
            List<Symptom> symptoms = new java.util.ArrayList<>(List.of(new Symptom("client.user", "carol", 1)));
            if (c.limit() != null) {
                symptoms.add(new Symptom("server.session_limit", c.limit(), 2));
            }
            if (c.count() != null) {
                symptoms.add(new Symptom("server.session_count", c.count(), 3));
            }
            Symptom user = FileFacts.link(symptoms, List.of(), c.sessions()).symptoms().get(0);
            assertEquals(c.reached(), user.sessionLimitReached(), c.toString());
        }
        assertFalse(new Symptom("server.session_limit", 2.0, 1).sessionLimitReached(), "outside a diagnosis a fact sees nothing");
    }

    @Test
    void symptomsOfOneFileSeeEachOther() {
        List<Symptom> file = FileFacts.link(List.of(port, ping), List.of(), List.of()).symptoms();
        assertEquals(List.of(port, ping), file); // equal copies, same line
        assertEquals(4, file.get(0).getLine());
        assertTrue(file.get(0).hasSymptom("network.ping_ok"));
        assertSame(file.get(1), file.get(0).symptom("network.ping_ok"));
        assertEquals(Boolean.FALSE, file.get(0).symptom("network.ping_ok").getFlag());
        assertSame(file.get(0), file.get(1).symptom("network.rdp_port_state"));
        assertFalse(file.get(0).hasSymptom("tls.handshake_ok"));
        Symptom none = file.get(0).symptom("tls.handshake_ok");
        assertEquals("tls.handshake_ok", none.getName());
        assertNull(none.getFlag());
        assertTrue(Double.isNaN(none.getNumber()));
        assertEquals("", none.getText());
    }

    @Test
    void aSymptomOutsideADiagnosisSeesNoOther() {
        assertFalse(port.hasSymptom("network.ping_ok"));
        assertEquals("", port.symptom("network.ping_ok").getText());
        FileFacts.link(List.of(port, ping), List.of(), List.of());
        assertFalse(port.hasSymptom("network.ping_ok"), "the originals are not changed");
    }

    @Test
    void eventsAndSessionsOfOneFileSeeItsSymptomsAndEventIds() {
        HostEvent auth = new HostEvent("Security", "TerminalServices-RemoteConnectionManager", 1149, "", "");
        HostEvent cert = new HostEvent("System", "TerminalServices-RemoteConnectionManager", 1058, "", "");
        UserSession disc = new UserSession("FIN\\mrossi", "Disc", 300);
        FileFacts file = FileFacts.link(List.of(port, ping), List.of(auth, cert), List.of(disc));
        assertEquals(List.of(auth, cert), file.events());
        assertEquals(List.of(disc), file.sessions());
        for (var fact : List.of(file.symptoms().get(0), file.events().get(1), file.sessions().get(0))) {
            Symptom portSeen = fact instanceof Symptom s ? s.symptom("network.rdp_port_state")
                    : fact instanceof HostEvent e ? e.symptom("network.rdp_port_state")
                    : ((UserSession) fact).symptom("network.rdp_port_state");
            assertSame(file.symptoms().get(0), portSeen, fact.toString());
        }
        assertTrue(file.sessions().get(0).hasSymptom("network.ping_ok"));
        assertFalse(file.sessions().get(0).hasSymptom("client.user"));
        assertEquals("", file.sessions().get(0).symptom("client.user").getText());
        assertTrue(file.symptoms().get(1).hasEvent(1149));
        assertTrue(file.events().get(0).hasEvent(1058));
        assertTrue(file.sessions().get(0).hasEvent(1058));
        assertFalse(file.sessions().get(0).hasEvent(1004));
        assertFalse(disc.hasEvent(1149), "the originals see nothing");
        assertFalse(auth.hasSymptom("network.ping_ok"), "the originals see nothing");
    }

    @Test
    void aNameTwiceInOneFileIsRejected() {
        Symptom again = new Symptom("network.ping_ok", true, 9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FileFacts.link(List.of(ping, port, again), List.of(), List.of()));
        assertEquals("symptom network.ping_ok is given twice", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SymptomSet("f.yaml", "h", null,
                List.of(ping, port, again), List.of(), List.of(), List.of(), null));
        assertEquals("symptom network.ping_ok is given twice", e.getMessage());
    }

    @Test
    void theBuilderRefusesASecondValueForANameLikeAFileDoes() {
        SymptomSet.Builder b = SymptomSet.builder("h.example").symptom("client.error_code", "0x904");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.symptom("client.error_code", "0x7"));
        assertEquals("symptom client.error_code is given twice", e.getMessage());
        assertEquals("0x904", b.build().symptom("client.error_code").orElseThrow().getText(), "the first value stays");
        SymptomSet.Builder unknown = SymptomSet.builder("h.example").symptom("site.rack", "a1");
        assertThrows(IllegalArgumentException.class, () -> unknown.symptom("site.rack", "b2"));
    }

    /** A null from calling code is refused where it is given, with what it was, not later inside a diagnosis. */
    @Test
    void theBuilderRefusesNullsWhereTheyAreGiven() {
        SymptomSet.Builder b = SymptomSet.builder("h.example");
        assertEquals("event", assertThrows(NullPointerException.class, () -> b.event(null)).getMessage());
        assertEquals("session", assertThrows(NullPointerException.class, () -> b.session(null)).getMessage());
        assertEquals("warning", assertThrows(NullPointerException.class, () -> b.warning(null)).getMessage());
        assertEquals("name", assertThrows(NullPointerException.class, () -> b.symptom(null, true)).getMessage());
        assertEquals("symptom network.ping_ok: no value (null)",
                assertThrows(IllegalArgumentException.class, () -> b.symptom("network.ping_ok", null)).getMessage());
        assertEquals("symptom site.rack: no value (null)",
                assertThrows(IllegalArgumentException.class, () -> b.symptom("site.rack", null)).getMessage());
        assertTrue(b.build().symptoms().isEmpty(), "nothing half-added");
    }

    /** A target typed as an address looks up no name; the dns-wrong-host rules read this. */
    @Test
    void textIsAddressIsTrueForIpv4WithOrWithoutAPortAndForIpv6() {
        for (String a : List.of("10.1.2.3", "10.1.2.3:3390", "192.168.0.10", "::1", "fe80::1", "[fe80::1]:3390", "2001:db8::7")) {
            assertTrue(new Symptom("target.host", a).textIsAddress(), a);
        }
        for (String n : List.of("fin-app-07.corp.example", "fin-app-07:3390", "FIN-APP-07", "", "10.1.2.3:", ":3389", "10.1.2.3:33a",
                "1e5", "10.1.2.3x", "host:3389")) {
            assertFalse(new Symptom("target.host", n).textIsAddress(), n);
        }
        // the same answers as the rules' earlier regular expression, on each of these
        for (String t : List.of("10.1.2.3", "10.1.2.3:3390", "::1", "fin-app-07", "10.1.2.3:", ":3389", "1.2", "..", "1:2:3", "a.b.c")) {
            boolean regex = t.matches("[0-9.]+(:[0-9]+)?") || t.indexOf(":") != t.lastIndexOf(":");
            assertEquals(regex, new Symptom("target.host", t).textIsAddress(), t);
        }
    }

    /** A target on the client's own loopback is a local port forwarder (FileFact.targetIsLoopback); the firewall rules read this. */
    @Test
    void textPortReadsThePortTypedAfterTheHost() {
        assertEquals(3390, new Symptom("target.host", "fs-03.corp.example:3390").textPort());
        assertEquals(53389, new Symptom("target.host", " 10.1.2.3:53389 ").textPort());
        assertEquals(3391, new Symptom("target.host", "[fe80::1]:3391").textPort());
        for (String n : List.of("", "fs-03.corp.example", "fs-03:", "fs-03:33a", "fs-03:0", "fs-03:65536", "fs-03:1234567",
                "fe80::1", "[fe80::1]", "[fe80::1]x", "[fe80::1]:")) {
            assertEquals(-1, new Symptom("target.host", n).textPort(), n);
        }
    }

    @Test
    void textIsLoopbackIsTrueForLocalhostAnd127AndColonColonOneWithOrWithoutAPort() {
        for (String a : List.of("localhost", "LOCALHOST:13389", "localhost.", " localhost:3389 ", "127.0.0.1", "127.0.0.2:3390",
                "127.10.20.30", "::1", "[::1]", "[::1]:50022", "0:0:0:0:0:0:0:1")) {
            assertTrue(new Symptom("target.host", a).textIsLoopback(), a);
        }
        for (String n : List.of("", "localhost.corp.example", "mylocalhost", "localhost:", "localhost:33a", "127.0.0", "127.0.0.1.example.net",
                "127..0.1", "127.0.0.1:", "128.0.0.1", "10.1.2.3", "fe80::1", "[fe80::1]:3390", "[::1", "[::1]x", "::10")) {
            assertFalse(new Symptom("target.host", n).textIsLoopback(), n);
        }
    }

    @Test
    void firstLabelIsTheNameBeforeTheDomainOrPortInLowerCase() {
        assertEquals("fin-app-07", new Symptom("target.host", "FIN-APP-07.corp.example").firstLabel());
        assertEquals("fin-app-07", new Symptom("target.host", " fin-app-07:3390 ").firstLabel());
        assertEquals("fin-app-07", new Symptom("ntlm.dns_computer_name", "fin-app-07").firstLabel());
        assertEquals("", new Symptom("target.host", ".corp").firstLabel());
    }

    /** The name's own addresses of a family: its first address and its address list. */
    @Test
    void nameHasAddressOfFamilyReadsTheResolvedAddressAndTheAddressList() {
        assertTrue(first(List.of(new Symptom("network.dns_resolved_ip", "10.0.0.9"))).nameHasAddressOfFamily("10.0.0.7"));
        assertFalse(first(List.of(new Symptom("network.dns_resolved_ip", "fd00::9"))).nameHasAddressOfFamily("10.0.0.7"));
        assertTrue(first(List.of(new Symptom("network.dns_resolved_ip", "fd00::9"), new Symptom("network.dns_all_ips", "fd00::9, 10.0.0.9")))
                .nameHasAddressOfFamily("10.0.0.7"));
        assertFalse(first(List.of(new Symptom("network.dns_resolved_ip", "fd00::9"), new Symptom("network.dns_all_ips", "fd00::9,,fd00::8, ")))
                .nameHasAddressOfFamily("10.0.0.7"));
        assertTrue(first(List.of(new Symptom("network.dns_all_ips", "10.0.0.9,fd00::8"))).nameHasAddressOfFamily("fd00::1"));
        assertFalse(first(List.of(new Symptom("network.dns_expected_ip", "10.0.0.7"))).nameHasAddressOfFamily("10.0.0.7"), "no address of the name");
        assertTrue(first(List.of(new Symptom("network.dns_resolved_ip", "::ffff:10.0.0.9"))).nameHasAddressOfFamily("10.0.0.7"), "IPv4-mapped");
    }

    /** What answered on the RDP port is another machine: the name resolves elsewhere, or the NAT forward misses the host. */
    @Test
    void answeredByAnotherMachineWhenTheNameOrTheForwardLeadsElsewhere() {
        assertTrue(first(List.of(new Symptom("network.dns_resolved_ip", "10.0.0.9"), new Symptom("network.dns_expected_ip", "10.0.0.7")))
                .answeredByAnotherMachine());
        assertFalse(first(List.of(new Symptom("network.dns_resolved_ip", "10.0.0.7"), new Symptom("network.dns_expected_ip", "10.0.0.7 ")))
                .answeredByAnotherMachine(), "the real address");
        assertFalse(first(List.of(new Symptom("network.dns_resolved_ip", "fd00::9"), new Symptom("network.dns_expected_ip", "10.0.0.7"),
                new Symptom("network.dns_all_ips", "fd00::9, 10.0.0.7"))).answeredByAnotherMachine(), "the real address is among the name's");
        assertFalse(first(List.of(new Symptom("network.dns_resolved_ip", "10.0.0.9"))).answeredByAnotherMachine(), "the real address unknown");
        assertFalse(first(List.of(new Symptom("network.dns_resolved_ip", "fd00::9"), new Symptom("network.dns_expected_ip", "10.0.0.7")))
                .answeredByAnotherMachine(), "an IPv6 address is not compared with an IPv4 one (a dual-stack host has both)");
        assertTrue(first(List.of(new Symptom("network.dns_resolved_ip", "fd00::9"), new Symptom("network.dns_expected_ip", "fd00::7")))
                .answeredByAnotherMachine(), "two IPv6 addresses are");
        assertTrue(first(List.of(new Symptom("network.dns_resolved_ip", "fd00::9"), new Symptom("network.dns_expected_ip", "10.0.0.7"),
                new Symptom("network.dns_all_ips", "fd00::9, 10.0.0.9"))).answeredByAnotherMachine(),
                "the name's IPv4 address is another one");
        assertTrue(first(List.of(new Symptom("network.nat_forward_ok", false))).answeredByAnotherMachine());
        assertFalse(first(List.of(new Symptom("network.nat_forward_ok", true))).answeredByAnotherMachine());
        assertFalse(new Symptom("network.nat_forward_ok", false).answeredByAnotherMachine(), "outside a diagnosis a fact sees nothing");
    }

    @Test
    void nameResolvesElsewhereIsTheNameHalfOfAnsweredByAnotherMachine() {
        assertTrue(first(List.of(new Symptom("network.dns_resolved_ip", "10.0.0.9"), new Symptom("network.dns_expected_ip", "10.0.0.7")))
                .nameResolvesElsewhere());
        assertFalse(first(List.of(new Symptom("network.dns_resolved_ip", "10.0.0.7"), new Symptom("network.dns_expected_ip", "10.0.0.7")))
                .nameResolvesElsewhere(), "the real address");
        assertFalse(first(List.of(new Symptom("network.nat_forward_ok", false))).nameResolvesElsewhere(), "a forward is not the name");
        assertTrue(first(List.of(new Symptom("network.nat_forward_ok", false))).answeredByAnotherMachine());
    }

    /** Several addresses on either side (a multi-homed or dual-stack host) compare as sets: order, spacing and case do not count. */
    @Test
    void addressListsCompareAsSets() {
        assertEquals(List.of("10.0.0.22", "2001:db8::22", "10.0.0.23"), FileView.addresses(" 10.0.0.22,2001:DB8::22 ;  10.0.0.23 ,"));
        assertEquals(List.of(), FileView.addresses("  "));
        assertTrue(first(List.of(new Symptom("network.dns_resolved_ip", "2001:db8::22, 10.0.0.22"),
                new Symptom("network.dns_expected_ip", "10.0.0.22,2001:DB8::22"))).nameResolvesToHostAddresses());
        assertFalse(first(List.of(new Symptom("network.dns_resolved_ip", "2001:db8::22, 10.0.0.22"),
                new Symptom("network.dns_expected_ip", "10.0.0.22,2001:db8::22"))).nameResolvesElsewhere(), "the host's own addresses");
        assertTrue(first(List.of(new Symptom("network.dns_resolved_ip", "10.0.0.9, 10.0.0.22"),
                new Symptom("network.dns_expected_ip", "10.0.0.22"))).nameResolvesElsewhere(), "a stale record beside the real one");
        assertFalse(first(List.of(new Symptom("network.dns_resolved_ip", "10.0.0.9, 10.0.0.22"),
                new Symptom("network.dns_expected_ip", "10.0.0.22"))).nameResolvesToHostAddresses());
        assertFalse(first(List.of(new Symptom("network.dns_resolved_ip", "2001:db8::9, 10.0.0.22"),
                new Symptom("network.dns_expected_ip", "10.0.0.22"))).nameResolvesElsewhere(), "an IPv6 address beside a host known by IPv4 only");
        assertFalse(first(List.of(new Symptom("network.dns_resolved_ip", "10.0.0.22"))).nameResolvesToHostAddresses(), "no expected address");
    }

    @Test
    void hostShutsRdpPortWhenTheHostsOwnFactsRefuseEveryClient() {
        assertTrue(first(List.of(new Symptom("network.rdp_port_state", "closed"), new Symptom("server.rdp_enabled", false))).hostShutsRdpPort());
        assertTrue(first(List.of(new Symptom("network.rdp_port_state", "closed"), new Symptom("server.listener_state", "down"))).hostShutsRdpPort());
        assertTrue(first(List.of(new Symptom("network.rdp_port_state", "closed"), new Symptom("server.service.termservice", "stopped")))
                .hostShutsRdpPort());
        assertTrue(first(List.of(new Symptom("network.rdp_port_state", "filtered"), new Symptom("server.firewall_rdp_allowed", false)))
                .hostShutsRdpPort());
        assertFalse(first(List.of(new Symptom("network.rdp_port_state", "open"), new Symptom("server.service.termservice", "hung")))
                .hostShutsRdpPort(), "a hung service still accepts the TCP connect");
        assertFalse(first(List.of(new Symptom("network.rdp_port_state", "closed"), new Symptom("server.rdp_enabled", true),
                new Symptom("server.listener_state", "listen"), new Symptom("server.service.termservice", "running"),
                new Symptom("server.firewall_rdp_allowed", true))).hostShutsRdpPort(), "a host that lets RDP in");
        assertFalse(first(List.of(new Symptom("network.rdp_port_state", "closed"))).hostShutsRdpPort(), "no host facts");
        assertFalse(new Symptom("server.rdp_enabled", false).hostShutsRdpPort(), "outside a diagnosis a fact sees nothing");
    }

    private static Symptom first(List<Symptom> symptoms) {
        return FileFacts.link(symptoms, List.of(), List.of()).symptoms().get(0);
    }

    /** The OS checks the rules use instead of regular expressions: whole words of the caption, in any case. */
    @Test
    void osChecksReadCaptionsAsAdminsAndWindowsWriteThem() {
        assertTrue(os("Microsoft Windows 11 Pro").namesModernWindows());
        assertTrue(os("windows server 2022 datacenter: azure edition").namesModernWindows());
        assertFalse(os("Windows 8.1 Enterprise").namesModernWindows());
        assertTrue(os("Microsoft Windows Server 2008 R2 Standard").namesOldWindows());
        assertTrue(os("Windows Embedded POSReady 7").namesOldWindows());
        assertFalse(os("Windows Server 2012 R2").namesOldWindows());
        assertTrue(os("Windows Embedded POSReady 2009").namesXpEraWindows());
        assertFalse(os("Windows 7 Professional").namesXpEraWindows());
        assertTrue(os("Windows Vista Business").namesWindowsWithCredSsp());
        assertTrue(os("Windows Server 2016 Standard").namesWindowsWithCredSsp());
        assertFalse(os("Windows Server 2003 R2").namesWindowsWithCredSsp());
        assertTrue(os("Ubuntu 24.04 LTS (xrdp 0.10)").namesNonWindowsOs());
        assertFalse(os("Windows Server 2022 with FreeRDP installed").namesNonWindowsOs(), "names Windows too");
        for (String client : List.of("iOS 17.5 (Windows App 11.0)", "iPadOS 18", "Android 14", "ChromeOS 126", "IGEL OS 12.4",
                "HP ThinPro 8.1", "Dell Wyse ThinOS 10", "macOS Sonoma 14.6")) {
            assertTrue(os(client).namesNonWindowsOs(), client);
        }
        assertFalse(os("Windows 11 (BIOS mode UEFI)").namesNonWindowsOs(), "bios is no iOS, and it names Windows");
        assertFalse(os("Kiosk with custom BIOS").namesNonWindowsOs(), "bios is no iOS");
        assertFalse(os("Windows 11 with the Windows App").namesNonWindowsOs(), "names Windows besides the app");
        assertTrue(os("Microsoft Windows 11 Home").namesWindowsHomeEdition());
        assertTrue(os("Windows 7 Home Premium").namesWindowsHomeEdition());
        assertTrue(os("Windows 10 Home Single Language 22H2").namesWindowsHomeEdition());
        assertFalse(os("Windows 11 Pro").namesWindowsHomeEdition());
        assertFalse(os("Windows Home Server 2011").namesWindowsHomeEdition(), "a server that accepts Remote Desktop");
        assertFalse(os("Windows Server 2022 (HOME-DC01)").namesWindowsHomeEdition());
        assertTrue(os("Windows 11 Famille").namesWindowsHomeEdition(), "the French caption");
        assertFalse(os("iPadOS 18 (Windows App), home network").namesWindowsHomeEdition(), "the Windows App is no Windows");
        assertFalse(os("Windows 11 Pro (homelab-pc)").namesWindowsHomeEdition(), "home only inside a word");
        assertTrue(os("Windows Server 2019").textContains("SERVER"));
        assertFalse(os("").namesOldWindows());
    }

    private static Symptom os(String caption) {
        return new Symptom("server.os", caption, 0);
    }

    /**
     * The probe's connected address against the host's: another address of the same family is another machine; one of the
     * host's (in any case, among several written with commas, semicolons or blanks) is not, nor is an address of a family
     * the host's addresses do not show (a dual-stack host's IPv6 address may simply not be written down).
     */
    @Test
    void anotherAddressThanTheHostsIsOneOfTheSameFamilyNotAmongThem() {
        Symptom old = new Symptom("network.connected_ip", "10.20.1.99", 3);
        assertTrue(old.textIsAnotherAddressThan("10.20.1.10"));
        assertFalse(old.textIsAnotherAddressThan("10.20.1.10; 10.20.1.99"));
        assertFalse(new Symptom("network.connected_ip", "FD00::7", 3).textIsAnotherAddressThan("10.20.1.10,fd00::7"));
        assertFalse(new Symptom("network.connected_ip", "fd00::7", 3).textIsAnotherAddressThan("10.20.1.10"), "no IPv6 address of the host known");
        assertTrue(new Symptom("network.connected_ip", "fd00::8", 3).textIsAnotherAddressThan("10.20.1.10 fd00::7"));
        assertFalse(new Symptom("network.connected_ip", " ", 3).textIsAnotherAddressThan("10.20.1.10"));
        assertFalse(old.textIsAnotherAddressThan(null));
    }

    @Test
    void addressesAreAmongOthersWhenEveryOneOfThemIsListed() {
        Symptom expected = new Symptom("network.dns_expected_ip", " 10.20.9.40 ", 2);
        assertTrue(expected.addressesAreAmong("10.20.1.15,10.20.9.40"));
        assertTrue(expected.addressesAreAmong("10.20.1.15; 10.20.9.40"));
        assertTrue(expected.addressesAreAmong("10.20.1.15 10.20.9.40"));
        assertFalse(expected.addressesAreAmong("10.20.1.15, 10.20.9.41"), "no prefix or substring match");
        assertFalse(expected.addressesAreAmong("110.20.9.40"));
        assertTrue(new Symptom("network.dns_expected_ip", "FD00::7, 10.20.9.40", 2).addressesAreAmong("10.20.9.40;fd00::7;10.1.1.1"));
        assertFalse(new Symptom("network.dns_expected_ip", "fd00::7, 10.20.9.40", 2).addressesAreAmong("10.20.9.40"), "every one, not any");
        assertFalse(new Symptom("network.connected_ip", " ", 3).addressesAreAmong("10.20.9.40"));
        assertFalse(expected.addressesAreAmong(null));
    }
}
