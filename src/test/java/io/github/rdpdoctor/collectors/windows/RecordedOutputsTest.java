package io.github.rdpdoctor.collectors.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rdpdoctor.collectors.CollectorResult;
import io.github.rdpdoctor.symptoms.HostEvent;
import io.github.rdpdoctor.symptoms.UserSession;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every parser against recorded Windows PowerShell 5.1 output (see {@link Recordings}). */
class RecordedOutputsTest {

    static CollectorResult read(String recording, Side side, String target) {
        WindowsCollector c = Recordings.collectorFor(recording, new FakeRunner());
        return c.interpret(Recordings.load(recording), side, target, Recordings.NOW);
    }

    static CollectorResult host(String recording) {
        return read(recording, Side.HOST, null);
    }

    static boolean warned(CollectorResult r, String part) {
        return r.warnings().stream().anyMatch(w -> w.contains(part));
    }

    static void assertWarned(CollectorResult r, String part) {
        assertTrue(warned(r, part), "expected a warning containing '" + part + "', got " + r.warnings());
    }

    static Stream<String> recordings() {
        return Recordings.all().stream();
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void everyRecordingGivesFactsOrWarningsAndNeverAParserFailure(String recording) {
        for (Side side : Side.values()) {
            CollectorResult r = read(recording, side, "fin-app-07.corp.example");
            assertFalse(warned(r, "could not read the output"), recording + ": " + r.warnings());
            assertFalse(warned(r, "is not JSON"), recording + ": " + r.warnings());
            boolean someFacts = !r.symptoms().isEmpty() || !r.events().isEmpty() || !r.sessions().isEmpty();
            boolean emptyByNature = recording.equals("events/no-events") || recording.equals("domain/workgroup");
            assertTrue(someFacts || !r.warnings().isEmpty() || emptyByNature, recording + " gave nothing at all");
            r.symptoms().keySet().forEach(name -> assertTrue(name.startsWith("server.") || name.startsWith("client.")
                    || name.startsWith("tls.") || name.startsWith("network."), name));
        }
    }

    // ---- services ---------------------------------------------------------------------------------

    @Test
    void servicesRunning() {
        CollectorResult r = host("services/running");
        assertEquals(Map.of("server.service.termservice", "running"), r.symptoms());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void servicesStoppedOnAGermanHostWithNumericStatus() {
        CollectorResult r = host("services/stopped-german");
        assertEquals("stopped", r.symptoms().get("server.service.termservice"));
        assertWarned(r, "TermService (Remote Desktop Services) is stopped, start type disabled");
        assertWarned(r, "SessionEnv (Remote Desktop Configuration; makes the RDP certificate) is stopped");
        assertFalse(warned(r, "UmRdpService"));
    }

    @Test
    void aServiceStuckInStopPendingIsHung() {
        CollectorResult r = host("services/stop-pending");
        assertEquals("hung", r.symptoms().get("server.service.termservice"));
        assertWarned(r, "stuck stopping (StopPending)");
    }

    @Test
    void oneServiceFoundPrintsAnObjectNotAnArray() {
        CollectorResult r = host("services/single-object");
        assertEquals("running", r.symptoms().get("server.service.termservice"));
        assertWarned(r, "SessionEnv is not installed");
        assertWarned(r, "UmRdpService is not installed");
    }

    @Test
    void noServiceFoundPrintsNothing() {
        CollectorResult r = host("services/none-installed");
        assertTrue(r.symptoms().isEmpty());
        assertWarned(r, "TermService is not installed");
    }

    @Test
    void aPowerShellErrorOnStderrWithExitCodeOneBecomesOneWarning() {
        CollectorResult r = host("services/scm-denied");
        assertTrue(r.symptoms().isEmpty());
        assertEquals(List.of("PowerShell failed (exit code 1): Get-Service : Cannot open Service Control Manager on computer '.'. "
                + "This operation might require other privileges."), r.warnings());
    }

    @Test
    void anErrorThatPowerShellWroteAsClixmlKeepsItsMessage() {
        // powershell.exe -EncodedCommand with standard error redirected writes errors as CLIXML, not as text
        CollectorResult r = host("services/scm-denied-clixml");
        assertTrue(r.symptoms().isEmpty());
        assertEquals(List.of("PowerShell failed (exit code 1): Get-Service : Cannot open Service Control Manager on computer '.'. "
                + "This operation might require other privileges."), r.warnings());
    }

    // ---- registry ---------------------------------------------------------------------------------

    @Test
    void registryDefaults() {
        CollectorResult r = host("rdp-settings/defaults");
        assertEquals(Map.of("server.rdp_enabled", true, "network.rdp_port", 3389L, "server.listener_port", 3389L,
                "server.listener_lan_adapter", 0L, "server.security_layer", 2L, "server.user_authentication", 1L,
                "server.max_outstanding_connections", 3000L, "server.credssp_oracle", 0L, "server.logon_mode", "enabled"),
                r.symptoms());
        assertEquals(List.of(), r.warnings());
    }

    /** A hardening baseline turned TLS 1.0 and 1.1 off for the server side of Schannel: the host accepts TLS 1.2 or newer. */
    @Test
    void aHostWhoseSchannelAcceptsTls12OrNewerOnly() {
        CollectorResult r = host("rdp-settings/tls12-only-baseline");
        assertEquals("1.2", r.symptoms().get("server.tls_min_version"));
        assertEquals(true, r.symptoms().get("server.tls12_enabled"));
        assertWarned(r, "Schannel accepts TLS 1.2 or newer only on this host");
        assertFalse(host("rdp-settings/defaults").symptoms().containsKey("server.tls_min_version"), "no TLS 1.0 switch: OS default");
    }

    /** change logon /drain: TSServerDrainMode 2 (WinStationsDisabled "0", a REG_SZ) is drain mode. */
    @Test
    void aDrainingHostIsInDrainMode() {
        assertEquals("drain", host("rdp-settings/drain-mode").symptoms().get("server.logon_mode"));
    }

    /** change logon /disable: WinStationsDisabled "1" refuses every remote logon, whatever TSServerDrainMode says. */
    @Test
    void winStationsDisabledMeansLogonsDisabled() {
        CollectorResult r = host("rdp-settings/logons-disabled");
        assertEquals("disabled", r.symptoms().get("server.logon_mode"));
        assertEquals(List.of(), r.warnings());
    }

    /** A drain mode no change logon writes is a warning naming the value, and the logon mode is left unknown. */
    @Test
    void anUnknownDrainModeIsAWarningNotAGuess() {
        CollectorResult r = host("rdp-settings/drain-mode-unknown-value");
        assertNull(r.symptoms().get("server.logon_mode"));
        assertWarned(r, "TSServerDrainMode has the unknown value 7 (0, 1 or 2 expected); ignored");
    }

    /** Without the Winlogon key's value the logon mode is not guessed (an older collection, or the key unreadable). */
    @Test
    void theLogonModeIsNotGuessedWithoutWinStationsDisabled() {
        assertNull(host("rdp-settings/missing-values").symptoms().get("server.logon_mode"));
    }

    @Test
    void groupPolicyValuesWinOverTheListenerValues() {
        CollectorResult r = host("rdp-settings/policy-wins");
        assertEquals(false, r.symptoms().get("server.rdp_enabled"));
        assertEquals(3390L, r.symptoms().get("network.rdp_port"));
        assertEquals(3390L, r.symptoms().get("server.listener_port"));
        assertEquals(2L, r.symptoms().get("server.listener_lan_adapter"), "the listener bound to one adapter (no policy sets it)");
        assertEquals(2L, r.symptoms().get("server.security_layer"));
        assertEquals(1L, r.symptoms().get("server.user_authentication"));
        assertEquals(true, r.symptoms().get("server.tls12_enabled"));
        assertWarned(r, "MinEncryptionLevel is 4 (FIPS compliant)");
    }

    @Test
    void missingRegistryValuesAreWarningsNotGuesses() {
        CollectorResult r = host("rdp-settings/missing-values");
        assertNull(r.symptoms().get("server.rdp_enabled"));
        assertNull(r.symptoms().get("server.credssp_oracle"));
        assertEquals(false, r.symptoms().get("server.tls12_enabled"));
        assertWarned(r, "fDenyTSConnections is not set");
    }

    @Test
    void accessDeniedOnTheGermanPolicyKeyAndOutOfRangeValues() {
        CollectorResult r = host("rdp-settings/policy-denied-german");
        assertWarned(r, "Der angeforderte Registrierungszugriff ist unzulässig.");
        assertWarned(r, "server.security_layer: value 3 left out");
        assertNull(r.symptoms().get("server.security_layer"));
        assertEquals(4294967295L, r.symptoms().get("server.max_outstanding_connections"), "DWORD 0xFFFFFFFF reads as -1");
        assertEquals(2L, r.symptoms().get("server.credssp_oracle"));
        assertEquals(false, r.symptoms().get("server.tls12_enabled"));
        assertWarned(r, "DisabledByDefault");
        assertEquals(true, r.symptoms().get("server.rdp_enabled"));
    }

    // ---- firewall ---------------------------------------------------------------------------------

    @Test
    void publicProfileWithRulesOnlyForDomainAndPrivate() {
        CollectorResult r = host("firewall/public-blocked");
        assertEquals("public", r.symptoms().get("server.network_profile"));
        assertEquals(false, r.symptoms().get("server.firewall_rdp_allowed"));
        assertWarned(r, "no enabled inbound Remote Desktop rule for the public profile (2 enabled for other profiles)");
    }

    @Test
    void domainProfileWithTheRdpRulesForAnyProfile() {
        CollectorResult r = host("firewall/domain-allowed");
        assertEquals(Map.of("server.network_profile", "domain", "server.firewall_rdp_allowed", true), r.symptoms());
    }

    @Test
    void theStrictestConnectedNetworkDecidesAndAFirewallThatIsOffAllows() {
        CollectorResult r = host("firewall/german-public-firewall-off");
        assertEquals("public", r.symptoms().get("server.network_profile"));
        assertEquals(true, r.symptoms().get("server.firewall_rdp_allowed"));
        assertWarned(r, "Windows Firewall is off for the Public profile");
        assertWarned(r, "several networks connected (private, public)");
    }

    @Test
    void aGroupPolicyBlockRuleForTheRdpPortWins() {
        CollectorResult r = host("firewall/gpo-block-rule");
        assertEquals(false, r.symptoms().get("server.firewall_rdp_allowed"));
        assertWarned(r, "inbound block rule for Remote Desktop on the Domain profile: Block RDP from guests (GPO)");
    }

    @Test
    void aProfileThatBlocksAllIncomingConnectionsIgnoresTheAllowRules() {
        CollectorResult r = host("firewall/block-all-connections");
        assertEquals(Map.of("server.network_profile", "domain", "server.firewall_rdp_allowed", false), r.symptoms());
        assertWarned(r, "the Domain firewall profile blocks all incoming connections, including allowed apps");
    }

    @Test
    void afterAPortChangeTheBuiltInRulesForTcp3389AndTheUdpAndShadowRulesDoNotLetRdpIn() {
        CollectorResult r = host("firewall/port-changed-only-builtin-rules");
        assertEquals(false, r.symptoms().get("server.firewall_rdp_allowed"));
        assertWarned(r, "rules that do not carry RDP on TCP 3390 were not counted: Remote Desktop - User Mode (TCP-In) (port 3389), "
                + "Remote Desktop - User Mode (UDP-In) (UDP), Remote Desktop - Shadow (TCP-In) (program %SystemRoot%\\system32\\RdpSa.exe)");
        CollectorResult own = host("firewall/port-changed-with-own-rule");
        assertEquals(Map.of("server.network_profile", "domain", "server.firewall_rdp_allowed", true), own.symptoms());
        assertEquals(List.of(), own.warnings());
    }

    @Test
    void windows2008WithoutTheNetSecurityCmdlets() {
        CollectorResult r = host("firewall/cmdlets-missing");
        assertTrue(r.symptoms().isEmpty());
        assertWarned(r, "The term 'Get-NetConnectionProfile' is not recognized");
        assertWarned(r, "no connected network profile found");
    }

    @Test
    void rulesThatCannotBeReadLeaveTheAnswerOpen() {
        CollectorResult r = host("firewall/rules-denied");
        assertEquals("domain", r.symptoms().get("server.network_profile"));
        assertNull(r.symptoms().get("server.firewall_rdp_allowed"));
        assertWarned(r, "firewall_rdp_allowed unknown");
    }

    // ---- certificate ------------------------------------------------------------------------------

    @Test
    void selfSignedCertificateWithReadableKey() {
        CollectorResult r = host("certificate/self-signed-ok");
        assertEquals(Map.of("server.cert_expired", false, "tls.cert_days_left", 162L, "tls.cert_self_signed", true,
                "server.rdp_cert_thumbprint", "5A1F3C9E0B7D4A2E8C6F1B3D5E7A9C0B2D4F6E81", "server.machinekeys_ok", true), r.symptoms());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void expiredCertificateWithGenericReadRights() {
        CollectorResult r = host("certificate/expired");
        assertEquals(true, r.symptoms().get("server.cert_expired"));
        assertEquals(-23L, r.symptoms().get("tls.cert_days_left"));
        assertEquals(true, r.symptoms().get("server.machinekeys_ok"), "GENERIC_READ counts as read");
    }

    @Test
    void germanHostDenyingNetzwerkdienstByNameOnly() {
        CollectorResult r = host("certificate/machinekeys-denied-german");
        assertEquals(false, r.symptoms().get("server.machinekeys_ok"));
        assertEquals(false, r.symptoms().get("server.cert_expired"));
        assertWarned(r, "NETWORK SERVICE cannot read the RDP key file f686aace6942fb7f7ceb231212eef4a4_c0ffee00");
    }

    @Test
    void noKeyFileForTheSelfSignedCertificate() {
        CollectorResult r = host("certificate/no-key-file");
        assertEquals(false, r.symptoms().get("server.machinekeys_ok"));
        assertWarned(r, "no RDP key file");
    }

    @Test
    void accessDeniedLeavesMachineKeysOpenButKeepsTheCertificateFacts() {
        CollectorResult r = host("certificate/access-denied");
        assertEquals(false, r.symptoms().get("server.cert_expired"));
        assertNull(r.symptoms().get("server.machinekeys_ok"));
        assertWarned(r, "Win32_TSGeneralSetting: Access denied");
        assertWarned(r, "machinekeys_ok unknown");
    }

    @Test
    void caIssuedCertificateFromThePersonalStore() {
        CollectorResult r = host("certificate/ca-issued-expired");
        assertEquals(true, r.symptoms().get("server.cert_expired"));
        assertEquals(-2L, r.symptoms().get("tls.cert_days_left"));
        assertEquals(false, r.symptoms().get("tls.cert_self_signed"));
        assertNull(r.symptoms().get("server.machinekeys_ok"), "a CA-issued certificate has another key container");
    }

    @Test
    void listenerNamingAMissingThumbprint() {
        CollectorResult r = host("certificate/thumbprint-not-found");
        assertWarned(r, "names certificate DEADBEEF00112233445566778899AABBCCDDEEFF, which is in neither");
        assertEquals(false, r.symptoms().get("server.cert_expired"));
        assertEquals(true, r.symptoms().get("server.machinekeys_ok"));
        assertNull(r.symptoms().get("server.rdp_cert_thumbprint"), "what the listener presents is not known: its certificate is missing");
    }

    // ---- sessions ---------------------------------------------------------------------------------

    @Test
    void englishQwinstaAndQuser() {
        CollectorResult r = host("sessions/english");
        assertEquals("listen", r.symptoms().get("server.listener_state"));
        assertEquals(2L, r.symptoms().get("server.session_count"));
        assertEquals(2L, r.symptoms().get("server.session_limit"), "administration mode: two sessions");
        assertEquals(List.of(new UserSession("jdoe", "active", 0), new UserSession("alice", "disconnected", 1563)), r.sessions());
    }

    @Test
    void germanQwinstaAndQuserOnAnRdSessionHost() {
        CollectorResult r = host("sessions/german-rdsh");
        assertEquals("listen", r.symptoms().get("server.listener_state"), "Abhören is Listen");
        assertEquals(3L, r.symptoms().get("server.session_count"));
        assertEquals(10L, r.symptoms().get("server.session_limit"));
        assertEquals(List.of(new UserSession("lnguyen", "active", 1003), new UserSession("mdiaz", "active", 1),
                new UserSession("tkim", "disconnected", 48)), r.sessions());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void quserExitsWithOneWhenNobodyIsLoggedOn() {
        CollectorResult r = host("sessions/nobody-logged-on");
        assertEquals(0L, r.symptoms().get("server.session_count"));
        assertEquals("listen", r.symptoms().get("server.listener_state"));
        assertTrue(r.sessions().isEmpty());
    }

    @Test
    void withoutQuserTheSessionsComeFromQwinstaAndNoListenerMeansDown() {
        CollectorResult r = host("sessions/listener-down-no-quser");
        assertEquals("down", r.symptoms().get("server.listener_state"));
        assertEquals(List.of(new UserSession("Administrator", "active", -1), new UserSession("bob", "disconnected", -1)),
                r.sessions());
        assertEquals(1L, r.symptoms().get("server.session_count"), "the console session does not count");
        assertNull(r.symptoms().get("server.session_limit"), "mode unknown (access denied), no MaxInstanceCount");
        assertWarned(r, "Win32_TerminalServiceSetting: Access denied");
    }

    // ---- events -----------------------------------------------------------------------------------

    @Test
    void eventsWithTimesAndMessages() {
        CollectorResult r = host("events/certificate-trouble");
        assertEquals(List.of(1058, 36870, 1149), r.events().stream().map(HostEvent::getId).toList());
        HostEvent first = r.events().get(0);
        assertEquals("System", first.getLog());
        assertEquals("Microsoft-Windows-TerminalServices-RemoteConnectionManager", first.getSource());
        assertEquals("2026-11-19T22:41:05Z", first.getTime());
        assertEquals("Remote Desktop Services: User authentication succeeded: User: jdoe Domain: CORP Source Network Address: 10.20.30.40",
                r.events().get(2).getMessage());
        assertTrue(r.symptoms().isEmpty());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void oneEventIsAnObjectAndNoEventsIsNothing() {
        assertEquals(List.of(1006), host("events/single-event").events().stream().map(HostEvent::getId).toList());
        CollectorResult none = host("events/no-events");
        assertTrue(none.events().isEmpty());
        assertEquals(List.of(), none.warnings());
    }

    @Test
    void germanProfileEventsKeepTheirUmlauts() {
        CollectorResult r = host("events/profile-german");
        assertEquals(List.of(1511, 1515), r.events().stream().map(HostEvent::getId).toList());
        assertTrue(r.events().get(0).getMessage().contains("temporären Profil"), r.events().get(0).getMessage());
    }

    @Test
    void anUnreadableLogAndAnEventWithoutId() {
        CollectorResult r = host("events/operational-denied");
        assertEquals(List.of(36871), r.events().stream().map(HostEvent::getId).toList());
        assertWarned(r, "Attempted to perform an unauthorized operation");
        assertWarned(r, "1 event(s) without a readable Id were left out");
    }

    // ---- licensing --------------------------------------------------------------------------------

    @Test
    void graceExpiredAndLicenseServerDown() {
        CollectorResult r = host("licensing/grace-expired-server-down");
        assertEquals(Map.of("server.licensing_grace_days", 0L, "server.license_server_reachable", false, "server.rdsh_role", true,
                "server.licensing_mode", "not_configured"), r.symptoms());
        assertWarned(r, "lic01.corp.example");
    }

    @Test
    void inGraceWithOneOfTwoServersAnswering() {
        CollectorResult r = host("licensing/in-grace");
        assertEquals(Map.of("server.licensing_grace_days", 97L, "server.license_server_reachable", true, "server.rdsh_role", true,
                "server.licensing_mode", "per_user"), r.symptoms());
        assertWarned(r, "lic02.corp.example");
    }

    @Test
    void administrationModeHasNoLicensing() {
        CollectorResult r = host("licensing/admin-mode");
        assertEquals(Map.of("server.rdsh_role", false), r.symptoms(), "no RD Session Host role, no licensing facts");
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void perDeviceLicensingModeOfAnRdSessionHost() {
        CollectorResult r = host("licensing/per-device-licensed");
        assertEquals(Map.of("server.license_server_reachable", true, "server.rdsh_role", true, "server.licensing_mode", "per_device"),
                r.symptoms(), "no grace days read, LicensingType 2");
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void licensingAccessDeniedOnAGermanHost() {
        CollectorResult r = host("licensing/access-denied-german");
        assertTrue(r.symptoms().isEmpty());
        assertWarned(r, "Zugriff verweigert");
    }

    @Test
    void rdSessionHostWithoutLicenseServer() {
        assertWarned(host("licensing/rdsh-no-license-server"), "without a configured license server");
    }

    // ---- updates ----------------------------------------------------------------------------------

    @Test
    void serverUpdatesNewestKbAndCredssp() {
        CollectorResult r = host("updates/server-2019");
        assertEquals(Map.of("server.last_update_days", 36L, "server.recent_update", "KB5044277", "server.credssp_patched", true),
                r.symptoms());
    }

    @Test
    void theSameOutputOnTheClientGivesClientFactsOnly() {
        CollectorResult r = read("updates/server-2019", Side.CLIENT, "h");
        assertEquals(Map.of("client.last_update_days", 36L), r.symptoms());
    }

    @Test
    void server2008R2WithTheMarch2018RollupHasTheCredsspUpdate() {
        // KB4088875, the March 2018 monthly rollup, is the CVE-2018-0886 update; May 2018 only changed client defaults
        CollectorResult r = host("updates/server-2008r2-march-2018");
        assertEquals(true, r.symptoms().get("server.credssp_patched"));
        assertEquals("KB4088875", r.symptoms().get("server.recent_update"));
        assertEquals(3174L, r.symptoms().get("server.last_update_days"));
    }

    @Test
    void server2008R2LastUpdatedBeforeMarch2018IsUnpatched() {
        CollectorResult r = host("updates/server-2008r2-february-2018");
        assertEquals(false, r.symptoms().get("server.credssp_patched"));
        assertEquals("KB4074598", r.symptoms().get("server.recent_update"));
    }

    @Test
    void server2016AtOrAboveTheMarch2018RevisionIsPatched() {
        CollectorResult r = host("updates/server-2016-german-old");
        assertEquals(true, r.symptoms().get("server.credssp_patched"), "14393.2214 >= 14393.2125 (KB4088787, March 2018)");
        CollectorResult older = host("updates/server-2016-february-2018");
        assertEquals(false, older.symptoms().get("server.credssp_patched"), "14393.2068 < 14393.2125");
    }

    @Test
    void updatesWithoutInstallDatesOrUnreadable() {
        CollectorResult r = host("updates/no-install-dates");
        assertNull(r.symptoms().get("server.last_update_days"));
        assertEquals(true, r.symptoms().get("server.credssp_patched"));
        assertWarned(r, "no installed update has an install date");
        CollectorResult denied = host("updates/hotfix-denied");
        assertNull(denied.symptoms().get("server.last_update_days"));
        assertWarned(denied, "Get-HotFix: Access denied");
    }

    // ---- security products ------------------------------------------------------------------------

    @Test
    void serverFallsBackToKnownServices() {
        assertEquals(Map.of("server.security_software", "CrowdStrike Falcon"), host("security-products/server-crowdstrike").symptoms());
        assertEquals(Map.of("server.security_software", "none"), host("security-products/server-defender-only").symptoms());
        assertEquals(Map.of("server.security_software", "none"), host("security-products/server-nothing").symptoms());
    }

    @Test
    void clientSecurityCenterProductsThatAreOn() {
        CollectorResult r = read("security-products/client-sophos", Side.CLIENT, "h");
        assertEquals(Map.of("client.security_software", "Sophos Anti-Virus, Sophos Intercept X"), r.symptoms());
        assertEquals(List.of(), r.warnings(), "Defender being off is not worth a warning");
    }

    @Test
    void germanClientWithoutSecurityCenter() {
        CollectorResult r = read("security-products/client-securitycenter-broken-german", Side.CLIENT, "h");
        assertEquals(Map.of("client.security_software", "Kaspersky Endpoint Security"), r.symptoms());
        assertWarned(r, "Ungültiger Namespace");
    }

    // ---- OS and cloud -----------------------------------------------------------------------------

    @Test
    void osAndCloud() {
        assertEquals(Map.of("server.os", "Windows Server 2019 Datacenter", "server.cloud", "azure", "server.computer_name", "APP-AZ-07"),
                host("os/azure-2019").symptoms());
        assertEquals("none", host("os/onprem-hyperv").symptoms().get("server.cloud"), "Hyper-V without Azure's asset tag");
        assertEquals(Map.of("server.os", "Windows Server 2022 Datacenter", "server.cloud", "aws"), host("os/aws-2022").symptoms());
        assertEquals("gcp", host("os/gcp-2016").symptoms().get("server.cloud"));
        CollectorResult old = host("os/vmware-2008r2-no-registry");
        assertEquals(Map.of("server.os", "Windows Server 2008 R2 Standard", "server.cloud", "none"), old.symptoms());
        assertWarned(old, "Requested registry access is not allowed");
    }

    @Test
    void clientOsWithFeatureVersionAndNoCloud() {
        CollectorResult r = read("os/client-win11-german", Side.CLIENT, "h");
        assertEquals(Map.of("client.os", "Windows 11 Pro 23H2"), r.symptoms());
    }

    @Test
    void brokenWmiStillGivesTheCloud() {
        CollectorResult r = host("os/wmi-broken");
        assertEquals(Map.of("server.cloud", "none"), r.symptoms());
        assertWarned(r, "the OS name could not be read");
        assertWarned(r, "Win32_OperatingSystem: Invalid class");
    }

    // ---- domain membership and the secure channel -------------------------------------------------

    @Test
    void aDomainMemberWhoseSecureChannelWorks() {
        CollectorResult r = host("domain/member-channel-ok");
        assertEquals(Map.of("server.secure_channel_ok", true), r.symptoms());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void aDomainMemberWhoseTrustIsBroken() {
        CollectorResult r = host("domain/member-channel-broken");
        assertEquals(Map.of("server.secure_channel_ok", false), r.symptoms());
        assertWarned(r, "the secure channel with corp.example is broken (Test-ComputerSecureChannel returned False)");
    }

    @Test
    void aWorkgroupMachineHasNoSecureChannel() {
        CollectorResult r = host("domain/workgroup");
        assertEquals(Map.of(), r.symptoms());
        assertEquals(List.of(), r.warnings());
    }

    /** No domain controller answered: the test could not run, which says nothing about the trust — a warning, no fact. */
    @Test
    void aSecureChannelTestThatCouldNotRunIsAWarningNotAFact() {
        CollectorResult r = host("domain/no-domain-controller");
        assertEquals(Map.of(), r.symptoms());
        assertWarned(r, "could not be contacted");
        assertWarned(r, "the secure channel with corp.example was not tested");
    }

    /** The client's own secure channel says nothing about the host's: the collector serves the host side only. */
    @Test
    void theSecureChannelIsTestedOnTheHostOnly() {
        assertEquals(java.util.Set.of(Side.HOST), new DomainCollector().sides());
    }

    // ---- Microsoft Entra ID join state (dsregcmd /status) -------------------------------------------

    @Test
    void anEntraJoinedHostAndItsTenant() {
        CollectorResult r = host("entra/joined");
        assertEquals(Map.of("server.entra_join", "joined", "server.entra_tenant_id", "5b1f2c3d-8e4a-4f6b-9c7d-0a1b2c3d4e5f"), r.symptoms());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void theJoinStateOfEachSideIsWrittenUnderItsOwnName() {
        CollectorResult hybrid = read("entra/hybrid-joined", Side.CLIENT, "fin-app-07.corp.example");
        assertEquals(Map.of("client.entra_join", "hybrid_joined", "client.entra_tenant_id", "5b1f2c3d-8e4a-4f6b-9c7d-0a1b2c3d4e5f"), hybrid.symptoms());
        CollectorResult registered = read("entra/registered-other-tenant", Side.CLIENT, "fin-app-07.corp.example");
        assertEquals(Map.of("client.entra_join", "registered", "client.entra_tenant_id", "0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a"), registered.symptoms());
        assertEquals(Map.of("client.entra_join", "none"), read("entra/none", Side.CLIENT, "fin-app-07.corp.example").symptoms());
    }

    @Test
    void aWindowsWithoutDsregcmdHasNoJoinStateAndSaysWhy() {
        CollectorResult r = host("entra/no-dsregcmd");
        assertEquals(Map.of(), r.symptoms());
        assertWarned(r, "dsregcmd.exe is not on this Windows");
    }

    // ---- client -----------------------------------------------------------------------------------

    @Test
    void savedCredentialsUserHintCredsspAndDefaultRdp() {
        CollectorResult r = read("client-rdp/saved-credentials", Side.CLIENT, "fin-app-07.corp.example");
        assertEquals(Map.of("client.saved_credentials", true, "client.user", "CORP\\alice", "client.credssp_oracle", 2L), r.symptoms());
        assertWarned(r, "Documents\\Default.rdp exists (2278 bytes, changed 2026-07-01)");
        CollectorResult other = read("client-rdp/saved-credentials", Side.CLIENT, "FIN-APP-08.corp.example");
        assertEquals(false, other.symptoms().get("client.saved_credentials"));
        assertNull(other.symptoms().get("client.user"));
    }

    /** Default.rdp's enablecredsspsupport:i:0 (mstsc then offers no CredSSP) is written as client.credssp_support false. */
    @Test
    void defaultRdpThatTurnsCredSspOff() {
        CollectorResult r = read("client-rdp/default-rdp-credssp-off", Side.CLIENT, "plc-hmi-04.plant.example");
        assertEquals(Map.of("client.saved_credentials", false, "client.user", "PLANT\\operator3", "client.credssp_support", false), r.symptoms());
        assertWarned(r, "Documents\\Default.rdp exists (2406 bytes, changed 2026-09-24)");
    }

    @Test
    void germanCmdkeyWithAWildcardTarget() {
        CollectorResult r = read("client-rdp/german-wildcard", Side.CLIENT, "fin-app-07.corp.example");
        assertEquals(true, r.symptoms().get("client.saved_credentials"));
        assertEquals(false, read("client-rdp/german-wildcard", Side.CLIENT, "fin-app-07.other.example")
                .symptoms().get("client.saved_credentials"));
    }

    @Test
    void nothingSavedAndACrashedCmdkey() {
        CollectorResult r = read("client-rdp/nothing-saved", Side.CLIENT, "hr-portal-02.corp.example");
        assertEquals(Map.of("client.saved_credentials", false, "client.user", "CORP\\ysato", "client.credssp_oracle", 0L), r.symptoms());
        CollectorResult crashed = read("client-rdp/cmdkey-crashed", Side.CLIENT, "h");
        assertEquals(Map.of("client.credssp_oracle", 1L), crashed.symptoms());
        assertWarned(crashed, "cmdkey /list failed (exit code -1073741515)");
        assertWarned(read("client-rdp/nothing-saved", Side.CLIENT, null), "no target host given");
        CollectorResult missing = read("client-rdp/cmdkey-missing", Side.CLIENT, "h");
        assertTrue(missing.symptoms().isEmpty(), "no cmdkey is no answer, not 'nothing saved'");
        assertWarned(missing, "cmdkey /list failed; saved_credentials unknown");
    }

    /**
     * Win32_DeviceGuard's SecurityServicesRunning containing 1 means Credential Guard runs: client.credential_guard true;
     * false when it does not (or the Windows has no Device Guard); no fact, and the problem as a warning, when the class
     * cannot be read. The computer's own name, when the output carries it, is client.computer_name.
     */
    @Test
    void credentialGuardRunningOffAndUnreadable() {
        CollectorResult on = read("client-rdp/credential-guard-running", Side.CLIENT, "erp-ts-02.corp.example");
        assertEquals(Map.of("client.saved_credentials", true, "client.user", "CORP\\mkoenig", "client.credential_guard", true,
                "client.computer_name", "LT-MKOENIG"), on.symptoms());
        CollectorResult off = read("client-rdp/credential-guard-off", Side.CLIENT, "erp-ts-02.corp.example");
        assertEquals(Map.of("client.saved_credentials", false, "client.credential_guard", false), off.symptoms());
        CollectorResult unreadable = read("client-rdp/credential-guard-unreadable", Side.CLIENT, "erp-ts-02.corp.example");
        assertFalse(unreadable.symptoms().containsKey("client.credential_guard"), unreadable.symptoms().toString());
        assertWarned(unreadable, "Win32_DeviceGuard: Access denied");
    }

    /** A hardening baseline turned TLS 1.0 and 1.1 off on the client: it offers TLS 1.2 or newer only. */
    @Test
    void aClientWhoseSchannelOffersTls12OrNewerOnly() {
        CollectorResult r = read("client-rdp/schannel-tls10-11-off", Side.CLIENT, "legacy-erp.corp.example");
        assertEquals("1.2", r.symptoms().get("client.tls_min_version"));
        assertFalse(r.symptoms().containsKey("client.tls12_enabled"), "TLS 1.2 is not set: the OS default holds");
        assertWarned(r, "Schannel offers TLS 1.2 or newer only on this client");
    }

    /** DisabledByDefault 1 turns TLS 1.2 off for mstsc even beside Enabled 0xFFFFFFFF; TLS 1.0 set on is the lowest. */
    @Test
    void aClientWhoseSchannelTurnedTls12Off() {
        CollectorResult r = read("client-rdp/schannel-tls12-off", Side.CLIENT, "h");
        assertEquals(false, r.symptoms().get("client.tls12_enabled"));
        assertEquals("1.0", r.symptoms().get("client.tls_min_version"));
        assertWarned(r, "Schannel TLS 1.2 is turned off on this client");
    }

    @Test
    void aClientWithoutSchannelSwitchesGetsNoTlsFacts() {
        CollectorResult r = read("client-rdp/schannel-defaults", Side.CLIENT, "h");
        assertFalse(r.symptoms().containsKey("client.tls12_enabled") || r.symptoms().containsKey("client.tls_min_version"),
                r.symptoms().toString());
        assertFalse(warned(r, "Schannel"), r.warnings().toString());
    }

    @Test
    void vpnAdaptersAndConnections() {
        assertEquals(Map.of("client.vpn_active", true), read("client-vpn/anyconnect", Side.CLIENT, "h").symptoms());
        assertEquals(Map.of("client.vpn_active", false), read("client-vpn/no-vpn", Side.CLIENT, "h").symptoms());
        assertEquals(Map.of("client.vpn_active", true), read("client-vpn/windows-vpn-connected", Side.CLIENT, "h").symptoms());
        CollectorResult failed = read("client-vpn/cmdlets-failed", Side.CLIENT, "h");
        assertTrue(failed.symptoms().isEmpty());
        assertWarned(failed, "Zugriff verweigert");
        assertWarned(failed, "neither network adapters nor VPN connections could be read");
    }
}
