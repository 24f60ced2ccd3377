package io.github.rdpdoctor.symptoms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HostEventTest {
    private static HostEvent event(int id, String message) {
        return new HostEvent("System", "x", id, "2026-12-10T09:00:00Z", message);
    }

    private static final HostEvent LOGON = event(1149,
            "Remote Desktop Services: User authentication succeeded:\r\n\r\nUser: jdoe\r\nDomain: CORP\r\nSource Network Address: 10.20.30.40");
    private static final HostEvent LOGON_ONE_LINE = event(1149,
            "Remote Desktop Services: User authentication succeeded: User: mjones Domain: OPS Source Network Address: 10.210.4.18");
    private static final HostEvent PROFILE = event(1508,
            "Windows was unable to load the registry file C:\\Users\\adm-ptan\\ntuser.dat. DETAIL - The process cannot access the file");

    @Test
    void theUserLineOfA1149NamesItsAccount() {
        assertEquals("jdoe", LOGON.getNamedUser());
        assertEquals("mjones", LOGON_ONE_LINE.getNamedUser());
        assertEquals("jdoe", event(1149, "User: CORP\\jdoe Domain: CORP").getNamedUser());
        assertEquals("jdoe", event(4625, "An account failed to log on.\r\n\r\nSubject:\r\n\tSecurity ID:\t\tS-1-0-0\r\n\tAccount Name:\t\t-\r\n"
                + "\r\nLogon Type:\t\t\t3\r\n\r\nAccount For Which Logon Failed:\r\n\tSecurity ID:\t\tS-1-0-0\r\n\tAccount Name:\t\tjdoe\r\n"
                + "\tAccount Domain:\t\tCORP\r\n").getNamedUser());
        assertEquals("jdoe", event(4625, "{\"EventData\":{\"SubjectUserName\":\"-\",\"TargetUserName\":\"jdoe\",\"TargetDomainName\":\"CORP\","
                + "\"Status\":\"0xc000006e\",\"SubStatus\":\"0xc0000072\"}}").getNamedUser());
        assertTrue(event(4625, "Account For Which Logon Failed: Account Name: jdoe Account Domain: CORP").namesUser("CORP\\jdoe"));
        assertFalse(event(4625, "Account For Which Logon Failed: Account Name: admin Account Domain: .").namesUser("jdoe"));
        assertFalse(event(4625, "An account failed to log on.").namesUser("jdoe"));
        assertEquals("jdoe", event(4625, "An account failed to log on. Logon Type: 3. Account Name: jdoe. Account Domain: CORP. Failure Reason:"
                + " Unknown user name or bad password.").getNamedUser(), "pasted short, without the header, the sentence's full stop left out");
        assertEquals("jdoe", event(4625, "An account failed to log on. Subject: Account Name: - Account Name: CORP\\jdoe Source Network Address:"
                + " 10.1.2.3").getNamedUser(), "the last account named, not the empty subject");
        assertEquals("jdoe", event(4625, "Account For Which Logon Failed: Account Name: jdoe. Account Domain: CORP.").getNamedUser());
        assertTrue(event(4625, "An account failed to log on. Account Name: jdoe, Account Domain: CORP. Status: 0xC000006E Sub Status:"
                + " 0xC0000072").namesUser("CORP\\jdoe"), "pasted on one line, a comma after the name (no account name holds one)");
        assertEquals("jdoe", event(4740, "A user account was locked out. Account That Was Locked Out: Account Name: jdoe; Caller Computer"
                + " Name: LT-01").getNamedUser());
        assertEquals("", event(4624, "An account was successfully logged on. Account Name: jdoe.").getNamedUser(),
                "only a 4625's account names are read this way");
        assertEquals("jdoe", event(1149, "User: jdoe@corp.example Domain: CORP").getNamedUser());
        assertEquals("John Smith", event(1149, "User: John Smith\r\nDomain: WS-07\r\nSource Network Address: 10.1.2.3").getNamedUser(),
                "an account name with a space (local accounts often have one)");
        assertEquals("John Smith", event(1149, "User: John Smith Domain: WS-07 Source Network Address: 10.1.2.3").getNamedUser(),
                "the same folded onto one line, as the Windows collector writes it");
        assertFalse(event(1149, "User: John Smith Domain: WS-07").namesAnotherUser("WS-07\\John Smith"), "John Smith's own logon");
        assertEquals("jdoe", event(1149, "user:jdoe").getNamedUser(), "any case, at the very start");
    }

    /**
     * LocalSessionManager 21 names the account with its domain, and folded onto one line (as the Windows collector writes
     * it) the name is followed by the two-word label "Session ID:".
     */
    @Test
    void theUserLineOfASessionLogonNamesItsAccount() {
        String lsm = "Remote Desktop Services: Session logon succeeded:\r\n\r\nUser: CORP\\alice\r\nSession ID: 3\r\nSource Network Address: 10.1.2.3";
        assertEquals("alice", event(21, lsm).getNamedUser());
        assertEquals("alice", event(21, lsm.replaceAll("\\s+", " ")).getNamedUser(), "folded onto one line");
        assertEquals("John Smith", event(21, "User: WS-07\\John Smith Session ID: 2 Source Network Address: LOCAL").getNamedUser());
        assertTrue(event(21, lsm.replaceAll("\\s+", " ")).namesUser("CORP\\Alice"));
        assertFalse(event(21, lsm).namesUser("bob"));
        assertFalse(event(21, lsm).namesUser(""));
        assertFalse(event(21, lsm).isConsoleLogon());
        assertTrue(event(21, "User: CORP\\alice Session ID: 1 Source Network Address: LOCAL").isConsoleLogon());
        assertTrue(event(21, "User: CORP\\alice\r\nSession ID: 1\r\nSource Network Address:\r\nlocal").isConsoleLogon());
    }

    @Test
    void aProfilePathNamesItsFolder() {
        assertEquals("adm-ptan", PROFILE.getNamedUser());
        assertEquals("sbeck.CORP", event(1508, "unable to load C:\\Users\\sbeck.CORP\\NTUSER.DAT").getNamedUser());
    }

    /** osquery's events carry their data as JSON text, where each backslash of a path is escaped ({@code \\}). */
    @Test
    void aProfilePathInOsqueryEventDataNamesItsFolder() {
        HostEvent osquery = event(1508, "{\"EventData\":{\"param1\":\"C:\\\\Users\\\\adm-ptan\\\\ntuser.dat\"}}");
        assertEquals("adm-ptan", osquery.getNamedUser());
        assertTrue(osquery.namesAnotherUser("CORP\\adm-jdoe"));
    }

    @Test
    void messagesWithoutAnAccountNameNone() {
        assertEquals("", event(1511, "Windows cannot find the local profile and is logging you on with a temporary profile.").getNamedUser());
        assertEquals("", event(1149, "User: \r\nDomain: CORP").getNamedUser(), "an empty User: line");
        assertEquals("", event(1149, "User: Domain: CORP").getNamedUser(), "an empty User: line, whitespace folded");
        assertEquals("", event(1508, "unable to load C:\\Users\\Default\\NTUSER.DAT").getNamedUser(), "a shared profile");
        assertEquals("", event(1508, "unable to load C:\\Users\\TEMP\\NTUSER.DAT").getNamedUser(), "the temporary profile is whoever's");
        assertEquals("", event(1508, "unable to load C:\\Users\\TEMP.CORP.000\\NTUSER.DAT").getNamedUser(), "also per domain");
        assertEquals("tempest", event(1508, "unable to load C:\\Users\\tempest\\NTUSER.DAT").getNamedUser(), "an account named like it");
        assertEquals("", event(1149, "Benutzer: jdoe").getNamedUser(), "another language is not guessed");
    }

    @Test
    void anotherUserIsOneTheMessageNamesThatIsNotTheAccount() {
        assertTrue(LOGON.namesAnotherUser("CORP\\akovacs"));
        assertTrue(PROFILE.namesAnotherUser("CORP\\adm-jdoe"));
        assertFalse(LOGON.namesAnotherUser("CORP\\JDoe"), "domain prefix and case do not matter");
        assertFalse(LOGON.namesAnotherUser("jdoe@corp.example"));
        assertFalse(event(1508, "C:\\Users\\sbeck.CORP\\NTUSER.DAT").namesAnotherUser("CORP\\sbeck"), "NAME.DOMAIN is NAME's");
        assertFalse(event(1508, "C:\\Users\\sbeck.000\\NTUSER.DAT").namesAnotherUser("sbeck"), "NAME.000 is NAME's");
    }

    @Test
    void withoutAnAccountOrANamedUserNothingIsAnotherUsers() {
        assertFalse(LOGON.namesAnotherUser(""), "connecting user unknown");
        assertFalse(LOGON.namesAnotherUser(null));
        assertFalse(event(1511, "temporary profile").namesAnotherUser("CORP\\jdoe"), "the message names no one");
    }

    @Test
    void aCopyForADiagnosisKeepsTheNamedUser() {
        HostEvent linked = FileFacts.link(java.util.List.of(new Symptom("client.user", "CORP\\akovacs", 3)),
                java.util.List.of(LOGON), java.util.List.of()).events().get(0);
        assertEquals("jdoe", linked.getNamedUser());
        assertTrue(linked.namesAnotherUser(linked.symptom("client.user").getText()));
    }

    /** {@code hasEventOf(id, account)}: the file has that event and it is the account's or names no one. */
    @Test
    void aFileHasAnEventOfAnAccountWhenItIsTheirsOrNamesNoOne() {
        var file = FileFacts.link(java.util.List.of(new Symptom("client.user", "CORP\\jdoe", 3)),
                java.util.List.of(LOGON, PROFILE, event(1511, "temporary profile")), java.util.List.of());
        Symptom user = file.symptoms().get(0);
        assertTrue(user.hasEventOf(1149, "CORP\\jdoe"), "jdoe's own logon");
        assertFalse(user.hasEventOf(1149, "akovacs"), "only jdoe logged on");
        assertTrue(user.hasEventOf(1149, ""), "an unknown account: any logon counts");
        assertFalse(user.hasEventOf(1508, "jdoe"), "the 1508 is adm-ptan's");
        assertTrue(user.hasEventOf(1511, "jdoe"), "a 1511 that names no one counts");
        assertFalse(user.hasEventOf(1058, "jdoe"), "no such event");
        assertFalse(new Symptom("client.user", "jdoe", 1).hasEventOf(1149, "jdoe"), "outside a diagnosis a fact sees nothing");
    }

    /** {@code hasProfileEventNaming(account)}: a User Profile Service 1502/1508/1511/1515 that names the account. */
    @Test
    void aFileHasAProfileEventNamingAnAccountOnlyWhenTheEventNamesIt() {
        var file = FileFacts.link(java.util.List.of(new Symptom("client.user", "CORP\\jdoe", 3)),
                java.util.List.of(LOGON, PROFILE, event(1511, "temporary profile")), java.util.List.of());
        Symptom user = file.symptoms().get(0);
        assertTrue(user.hasProfileEventNaming("adm-ptan"), "the 1508 names adm-ptan's profile");
        assertFalse(user.hasProfileEventNaming("CORP\\jdoe"), "the 1511 names no one");
        assertFalse(user.hasProfileEventNaming(""), "no account");
        var own = FileFacts.link(java.util.List.of(new Symptom("client.user", "jdoe", 3)),
                java.util.List.of(event(1502, "Windows cannot load the locally stored profile. C:\\Users\\jdoe\\ntuser.dat")),
                java.util.List.of());
        assertTrue(own.symptoms().get(0).hasProfileEventNaming("CORP\\jdoe"), "jdoe's profile path");
        assertFalse(new Symptom("client.user", "jdoe", 1).hasProfileEventNaming("jdoe"), "outside a diagnosis a fact sees nothing");
    }

    /** The alert code of a Schannel 36887 / 36888 is read from each wording Windows writes; other events carry none. */
    @Test
    void schannelFatalAlertsCarryTheirTlsAlertCode() {
        assertEquals(70, schannel(36887, "A fatal alert was received from the remote endpoint. The TLS protocol defined fatal alert code is 70.").getTlsAlert());
        assertEquals(40, schannel(36888, "A fatal alert was generated and sent to the remote endpoint. This may result in termination of the connection. The TLS protocol defined fatal error code is 40. The Windows SChannel error state is 1205.").getTlsAlert());
        assertEquals(46, schannel(36887, "The following fatal alert was received: 46.").getTlsAlert());
        assertEquals(70, schannel(36888, "Der vom TLS-Protokoll definierte schwerwiegende Fehlercode lautet 70. Der Windows SChannel-Fehlerstatus lautet 105.").getTlsAlert());
        assertEquals(HostEvent.NO_ALERT, schannel(36887, "A fatal alert was received from the remote endpoint.").getTlsAlert());
        assertEquals(HostEvent.NO_ALERT, schannel(36887, "code is 1205").getTlsAlert(), "not an alert code");
        assertEquals(HostEvent.NO_ALERT, schannel(36874, "An TLS 1.2 connection request was received ... none of the cipher suites supported by the client application are supported by the server.").getTlsAlert());
        assertEquals(71, schannel(36888, "error state TLS12x: code is 71").getTlsAlert(), "a number inside a word is skipped");
    }

    private static HostEvent schannel(int id, String message) {
        return new HostEvent("System", "Schannel", id, "2026-11-20T09:00:00Z", message);
    }

    @Test
    void aNumberOfItsOwnIsNamedNotOneInsideALongerNumberOrWord() {
        assertTrue(event(36871, "A fatal error occurred while creating a TLS server credential. The internal error state is 10013.")
                .namesNumber(10013));
        assertTrue(event(36871, "10013").namesNumber(10013));
        assertTrue(event(36871, "Der interne Fehlerstatus lautet 10013").namesNumber(10013));
        assertFalse(event(36871, "The internal error state is 10011.").namesNumber(10013));
        assertFalse(event(36871, "state 110013, code 100130, 0x10013, e10013").namesNumber(10013));
        assertTrue(event(36871, "state 110013 and then 10013.").namesNumber(10013));
        assertFalse(event(36871, "").namesNumber(10013));
    }

    @Test
    void a4625WithStatusLogonTypeNotGrantedRefusesTheLogonType() {
        assertTrue(event(4625, "An account failed to log on. Logon Type: 10. Failure Reason: The user has not been granted the requested"
                + " logon type at this machine. Status: 0xC000015B Sub Status: 0x0").refusesLogonType());
        assertTrue(event(4625, "{\"EventData\":{\"TargetUserName\":\"jdoe\",\"Status\":\"0xc000015b\",\"SubStatus\":\"0x0\"}}")
                .refusesLogonType());
        assertFalse(event(4625, "Failure Reason: Unknown user name or bad password. Status: 0xC000006D Sub Status: 0xC000006A").refusesLogonType());
        assertFalse(event(4624, "Status: 0xC000015B").refusesLogonType());
    }

    @Test
    void a4625ThatRefusesTheAccountNamesItsStatus() {
        assertEquals("0xC0000234 (the account is locked out)",
                event(4625, "Failure Reason: Account locked out. Status: 0xC0000234 Sub Status: 0x0").getAccountRefusal());
        assertEquals("0xC0000072 (the account is disabled)",
                event(4625, "Failure Reason: Account currently disabled. Status: 0xC000006E Sub Status: 0xC0000072").getAccountRefusal());
        assertEquals("0xC0000071 (the password has expired)",
                event(4625, "{\"EventData\":{\"TargetUserName\":\"jdoe\",\"Status\":\"0xc000006e\",\"SubStatus\":\"0xc0000071\"}}")
                        .getAccountRefusal());
        assertTrue(event(4625, "Status: 0xC0000193").refusesAccount());
        assertTrue(event(4625, "Status: 0xC0000224 Sub Status: 0x0").refusesAccount());
        assertFalse(event(4625, "Failure Reason: Unknown user name or bad password. Status: 0xC000006D Sub Status: 0xC000006A").refusesAccount());
        assertFalse(event(4625, "Status: 0xC000015B Sub Status: 0x0").refusesAccount(), "a refused logon type is no state of the account");
        assertFalse(event(4740, "A user account was locked out. Status: 0xC0000234").refusesAccount(), "only a failed logon");
        assertEquals("", event(4624, "Status: 0xC0000234").getAccountRefusal());
    }

    @Test
    void aProtectedUsersNtlmFailureNamesItsAccount() {
        String text = "NTLM authentication failed because the account was a member of the Protected User group.\r\n\r\nAccount Name:\tadm-jlee\r\nDevice Name:\tWS-04";
        HostEvent security = new HostEvent("Security", "Microsoft-Windows-Security-Auditing", 4822, "2026-12-10T09:00:00Z", text);
        HostEvent channel = new HostEvent("Microsoft-Windows-Authentication/ProtectedUserFailures-DomainController", "x", 100, "2026-12-10T09:00:00Z", text);
        for (HostEvent e : new HostEvent[] {security, channel}) {
            assertTrue(e.refusesNtlmForProtectedUser());
            assertEquals("adm-jlee", e.getNamedUser());
            assertTrue(e.namesUser("CORP\\adm-jlee"));
        }
        HostEvent other = event(100, text);
        assertFalse(other.refusesNtlmForProtectedUser(), "event 100 of another log");
        assertEquals("", other.getNamedUser());
    }

    @Test
    void a4625WithTrustRelationshipFailureRefusesForBrokenTrust() {
        assertTrue(event(4625, "Failure Reason: The trust relationship between this workstation and the primary domain failed."
                + " Status: 0xC000018D Sub Status: 0x0").refusesForBrokenTrust());
        assertTrue(event(4625, "{\"EventData\":{\"TargetUserName\":\"jdoe\",\"Status\":\"0xc000018d\"}}").refusesForBrokenTrust());
        assertFalse(event(4625, "Status: 0xC0000234 Sub Status: 0x0").refusesForBrokenTrust());
        assertFalse(event(3210, "0xC000018D").refusesForBrokenTrust(), "only a failed logon");
    }

    /**
     * Security 4740 (an account locked out) and 4767 (unlocked) name the account under their target header, not the caller in
     * "Subject:" (Microsoft Learn, "4740(S)", "4767(S)"); a 4740's "Caller Computer Name" (TargetDomainName in osquery's JSON
     * data) is the machine whose failed logons locked it.
     */
    @Test
    void lockoutAndUnlockEventsNameTheTargetAccountAndTheLockoutSource() {
        HostEvent lockout = event(4740, "A user account was locked out.\n\nSubject:\n\tSecurity ID:\t\tSYSTEM\n\tAccount Name:\t\tFS01$\n"
                + "\tAccount Domain:\t\tCORP\n\nAccount That Was Locked Out:\n\tSecurity ID:\t\tFS01\\svc-backup\n\tAccount Name:\t\tsvc-backup\n\n"
                + "Additional Information:\n\tCaller Computer Name:\tLAPTOP-0457\n");
        assertEquals("svc-backup", lockout.getNamedUser());
        assertTrue(lockout.namesUser("FS01\\svc-backup"));
        assertFalse(lockout.namesUser("FS01$"), "the caller in Subject: is not the locked account");
        assertEquals("LAPTOP-0457", lockout.getLockoutSource());
        HostEvent fromOsquery = event(4740, "{\"EventData\":{\"TargetUserName\":\"jdoe\",\"TargetDomainName\":\"KIOSK-12\",\"SubjectUserName\":\"DC01$\"}}");
        assertEquals("jdoe", fromOsquery.getNamedUser());
        assertEquals("KIOSK-12", fromOsquery.getLockoutSource());
        assertEquals("", event(4740, "A user account was locked out.").getLockoutSource(), "no caller named");
        assertEquals("", event(4625, "Caller Computer Name: X").getLockoutSource(), "only a lockout");
        HostEvent unlock = event(4767, "A user account was unlocked.\n\nSubject:\n\tAccount Name:\t\tadmin-jk\n\tAccount Domain:\t\tCORP\n\n"
                + "Target Account:\n\tSecurity ID:\t\tCORP\\jdoe\n\tAccount Name:\t\tjdoe\n\tAccount Domain:\t\tCORP\n");
        assertEquals("jdoe", unlock.getNamedUser(), "the unlocked account, not the administrator who unlocked it");
    }

    /** A 4740's caller computer compared with the client's own name: first DNS label, any case, leading backslashes dropped. */
    @Test
    void aLockoutsCallerComputerIsComparedWithTheClientsName() {
        HostEvent lockout = event(4740, "A user account was locked out.\n\nAdditional Information:\n\tCaller Computer Name:\tLAPTOP-0457\n");
        assertTrue(lockout.lockedOutFrom("laptop-0457"));
        assertTrue(lockout.lockedOutFrom("\\\\LAPTOP-0457"));
        assertTrue(lockout.lockedOutFrom("Laptop-0457.corp.example"));
        assertFalse(lockout.lockedOutFrom("LAPTOP-0458"));
        assertTrue(lockout.lockedOutFromAnotherComputer("LAPTOP-0458"));
        assertFalse(lockout.lockedOutFromAnotherComputer("laptop-0457"));
        assertFalse(lockout.lockedOutFromAnotherComputer(""), "this client's name unknown: neither");
        assertFalse(lockout.lockedOutFrom(""), "this client's name unknown: neither");
        HostEvent unnamed = event(4740, "A user account was locked out.");
        assertFalse(unnamed.lockedOutFrom("LAPTOP-0457") || unnamed.lockedOutFromAnotherComputer("LAPTOP-0457"), "no caller named: neither");
    }
}
