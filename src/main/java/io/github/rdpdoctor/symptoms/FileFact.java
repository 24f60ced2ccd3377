package io.github.rdpdoctor.symptoms;

/**
 * What symptoms, host events and sessions have in common: in a diagnosis each of them also sees the rest of its
 * file — the symptoms by name and the ids of the events (see {@link FileFacts}). The engine uses that to match a rule
 * that joins facts as one pattern (see the README, "Writing and testing rules"); rule authors may call these methods
 * too. Outside a diagnosis a fact sees nothing.
 */
public abstract sealed class FileFact permits Symptom, HostEvent, UserSession {
    /** What this fact sees of its file; {@link FileView#NONE} when not part of a diagnosis. */
    private final FileView file;

    FileFact(FileView file) {
        this.file = file;
    }

    /** What this fact sees of its file. */
    final FileView file() {
        return file;
    }

    /** Whether this fact's file has a symptom with that name (false when not part of a diagnosis). */
    public final boolean hasSymptom(String name) {
        return file.hasSymptom(name);
    }

    /**
     * The symptom of this fact's file with that name; when the file has none, a symptom without a value (flag null,
     * number NaN, text empty), so check {@link #hasSymptom(String)} first.
     */
    public final Symptom symptom(String name) {
        return file.symptom(name);
    }

    /** Whether this fact's file has a host event with that id (false when not part of a diagnosis). */
    public final boolean hasEvent(int id) {
        return file.hasEvent(id);
    }

    /**
     * Whether this fact's file has a Schannel fatal-alert event (36887 / 36888) carrying that TLS alert code
     * ({@link HostEvent#getTlsAlert()}), e.g. 70 protocol_version (false when not part of a diagnosis).
     */
    public final boolean hasTlsAlertEvent(int alert) {
        return file.hasTlsAlertEvent(alert);
    }

    /**
     * Whether this fact's file has a host event with that id that does not name another account than {@code account}
     * (see {@link HostEvent#namesAnotherUser(String)}): the event is that user's, or names nobody.
     */
    public final boolean hasEventOf(int id, String account) {
        return file.hasEventOf(id, account);
    }

    /**
     * Whether this fact's file has a User Profile Service event (1502, 1508, 1511, 1515: domain-notes.md, "Event ids") that
     * names {@code account} ({@link HostEvent#namesUser(String)}, e.g. a profile path under C:\Users\NAME): the host went on to
     * load that user's profile. An event that names no one does not count.
     */
    public final boolean hasProfileEventNaming(String account) {
        return file.hasProfileEventNaming(account);
    }

    /**
     * Whether what answered on the RDP port is known not to be the host, so that its answers (negotiation, TLS,
     * certificate) say nothing about the host: the name resolves to another address than the host's real one
     * ({@code network.dns_resolved_ip} against {@code network.dns_expected_ip}) and the real one is not among the name's
     * addresses ({@code network.dns_all_ips}), or the NAT / port forward to the host is missing or points elsewhere
     * ({@code network.nat_forward_ok} false). Only when the name is known to have an address of the expected one's family
     * ({@link #nameHasAddressOfFamily(String)}): a resolved IPv6 address beside an expected IPv4 one is no such sign by
     * itself, since a dual-stack host has one address of each.
     */
    public final boolean answeredByAnotherMachine() {
        return file.answeredByAnotherMachine();
    }

    /**
     * Whether another computer answers under the host's name: the target was typed as a name ({@code target.host}, not an
     * address), the machine that answered calls itself another computer in its NTLM challenge ({@code ntlm.dns_computer_name},
     * first label compared) and its address is not the host's ({@link #answeredByAnotherMachine()}). Both signs are required,
     * so a CNAME alias with the host's own address, or a clone answering with the host's name, is not read as another
     * machine. Such a connection never reaches the host. False outside a diagnosis.
     */
    public final boolean anotherComputerAnswersUnderTheName() {
        if (!hasSymptom("target.host") || !hasSymptom("ntlm.dns_computer_name")) {
            return false;
        }
        Symptom target = symptom("target.host");
        Symptom ntlm = symptom("ntlm.dns_computer_name");
        return !target.textIsAddress() && !ntlm.getText().trim().isEmpty() && !ntlm.firstLabel().equals(target.firstLabel())
                && answeredByAnotherMachine();
    }

    /**
     * Whether the host answers as a computer in no domain (a workgroup or standalone machine): its NTLM challenge names the
     * host's own computer as its NetBIOS domain ({@code ntlm.nb_domain_name} equal to {@code ntlm.nb_computer_name}, letter
     * case aside; a domain member names its domain there, MS-NLMP 2.2.2.1 MsvAvNbDomainName "the server's NetBIOS domain
     * name") and, when the challenge has a DNS domain ({@code ntlm.dns_domain_name}), names the computer there too (a
     * domain member gives its domain's DNS name, {@code corp.example}); and that challenge is the host's
     * ({@link #answeredByAnotherMachine()} false). Such a host checks its local accounts itself, with NTLM: there is no
     * domain controller to issue it Kerberos tickets. False when a NetBIOS name is unknown or empty.
     */
    public final boolean hostIsWorkgroupComputer() {
        String domain = symptom("ntlm.nb_domain_name").getText().trim();
        String computer = symptom("ntlm.nb_computer_name").getText().trim();
        if (domain.isEmpty() || !domain.equalsIgnoreCase(computer)) {
            return false;
        }
        String dnsDomain = symptom("ntlm.dns_domain_name").getText().trim();
        return (dnsDomain.isEmpty() || dnsDomain.equalsIgnoreCase(computer)
                || dnsDomain.equalsIgnoreCase(symptom("ntlm.dns_computer_name").getText().trim()))
                && !answeredByAnotherMachine();
    }

    /**
     * Whether the probe's TCP connect got through only at a later address of the host name than the one the client's resolver
     * gives first: the name's addresses ({@code network.dns_all_ips}, in the order a Windows client tries them) hold both the
     * first one ({@code network.dns_resolved_ip}) and the one connected to ({@code network.connected_ip}), and these differ
     * within one address family ({@link Symptom#textIsAnotherAddressThan(String)}: an IPv6 address first beside an IPv4
     * connection is a dual-stack host's and no sign). The name's first address then accepted no connection. False when a
     * fact is unknown.
     */
    public final boolean connectedOnlyAtALaterAddressOfTheName() {
        String all = symptom("network.dns_all_ips").getText();
        Symptom first = symptom("network.dns_resolved_ip");
        Symptom connected = symptom("network.connected_ip");
        return !all.isEmpty() && first.textIsAddress() && first.addressesAreAmong(all) && connected.addressesAreAmong(all)
                && connected.textIsAnotherAddressThan(first.getText());
    }

    /**
     * Whether what accepts TCP on the RDP port answers no RDP negotiation: no X.224 Connection Confirm comes
     * ({@code rdp.negotiation} no_response, or the connection is closed first: closed), or what comes is not one
     * ({@code rdp.invalid_response}: an HTTPS server, an RD Gateway or another service behind a forward; MS-RDPBCGR 2.2.1.2).
     * Either way the connection ends before TLS, CredSSP, licensing and the logon. Not when the TCP connect itself failed
     * ({@code network.rdp_port_state} filtered or closed), through an RD Gateway ({@code network.via_gateway}: a direct probe
     * does not take the client's path), nor when another machine answered on the port ({@link #answeredByAnotherMachine()}).
     */
    public final boolean hostAnswersNoRdpNegotiation() {
        String negotiation = symptom("rdp.negotiation").getText();
        String port = symptom("network.rdp_port_state").getText();
        return (negotiation.equals("no_response") || negotiation.equals("closed") || "true".equals(symptom("rdp.invalid_response").getText()))
                && !port.equals("filtered") && !port.equals("closed") && !"true".equals(symptom("network.via_gateway").getText())
                && !answeredByAnotherMachine();
    }

    /**
     * Whether the file's RDP target ({@code target.host}, as the user typed it) is the client's own loopback
     * ({@link Symptom#textIsLoopback()}: {@code localhost}, {@code 127.0.0.1}, {@code [::1]}, with or without a port): the
     * client connects to a local port forwarder (an IAP, Bastion or SSH tunnel), so a TCP connect that succeeds reached
     * that forwarder, not the host. False outside a diagnosis.
     */
    public final boolean targetIsLoopback() {
        return symptom("target.host").textIsLoopback();
    }

    /**
     * Whether the certificate shown on the RDP port is not the one the host's listener presents: the probe's
     * {@code tls.cert_thumbprint} and the host-side collector's {@code server.rdp_cert_thumbprint} (both SHA-1 thumbprints,
     * normalised to 40 upper-case hex digits by the vocabulary) are known and differ. Not when another machine answered
     * ({@link #answeredByAnotherMachine()}: its certificate is its own) or the probe tested another port than the target's
     * ({@link #probedAnotherPortThanTarget()}), nor when the host logged that it generated a new self-signed certificate
     * (RemoteConnectionManager 1056, "A new self signed certificate to be used for RD Session Host Server authentication on
     * SSL connections has been generated") and the certificate shown on the port is self-signed ({@code tls.cert_self_signed}):
     * TermService then renewed its own certificate between the probe and the host-side collection, which explains the
     * difference (a TLS-inspecting firewall or a load balancer shows a certificate of its own CA or a bought one, not the
     * host's kind of self-signed one; blind holdout round 270, case 3295). False when either thumbprint is unknown.
     */
    public final boolean portShowsAnotherCertificateThanTheHosts() {
        String shown = symptom("tls.cert_thumbprint").getText();
        String own = symptom("server.rdp_cert_thumbprint").getText();
        return !shown.isEmpty() && !own.isEmpty() && !shown.equalsIgnoreCase(own) && !answeredByAnotherMachine()
                && !probedAnotherPortThanTarget()
                && !(symptom("tls.cert_self_signed").getFlag() == Boolean.TRUE && file.hasEventFrom(1056, "RemoteConnectionManager"));
    }

    /**
     * Whether the file's port facts are about another port than the one the client connects to: the RDP target
     * ({@code target.host}) names a port ({@link Symptom#textPort()}, {@code fs-03:3390}) and {@code network.rdp_port},
     * the port the probe tested, is another number (a collector run with its default 3389). What that probe found
     * (open, an X.224 answer) then says nothing about the path to the client's port. False when either port is unknown.
     */
    public final boolean probedAnotherPortThanTarget() {
        Symptom probed = symptom("network.rdp_port");
        double n = probed.getNumber();
        if (Double.isNaN(n)) {
            return false;
        }
        int typed = symptom("target.host").textPort();
        return typed > 0 && n != typed;
    }

    /**
     * Whether the connection is known to use another port than the one the host's rdp-tcp listener is on
     * ({@code server.listener_port}, RDP-Tcp PortNumber as the host-side collectors read it), so that nothing listens on
     * the port the client connects to. The connection's port is the one the RDP target names ({@code target.host},
     * {@code fs-03:3390}); without one, {@code network.rdp_port} when it differs from the listener's (the port a probe or
     * client tested: the host-side collectors write the listener's own port under that name too, so an equal value says
     * nothing). False when the listener's port is unknown.
     */
    public final boolean connectsToAnotherPortThanListener() {
        double listener = symptom("server.listener_port").getNumber();
        if (Double.isNaN(listener)) {
            return false;
        }
        int typed = symptom("target.host").textPort();
        if (typed > 0) {
            return typed != listener;
        }
        double port = symptom("network.rdp_port").getNumber();
        return !Double.isNaN(port) && port != listener;
    }

    /**
     * Whether the connection was refused (RST, {@code network.rdp_port_state} closed) at a host whose rdp-tcp listener is
     * bound to one network adapter ({@code server.listener_lan_adapter}, RDP-Tcp LanAdapter, above 0): the listener takes
     * connections on that adapter's addresses only, and the host's other addresses answer its port with a reset. Not when
     * another machine answered ({@link #answeredByAnotherMachine()}), nor when the refused port is not the listener's or not
     * the one the client connects to ({@link #connectsToAnotherPortThanListener()}, {@link #probedAnotherPortThanTarget()}):
     * those explain the reset by the port. False when the binding is unknown.
     */
    public final boolean refusedByAListenerBoundToOneAdapter() {
        double lana = symptom("server.listener_lan_adapter").getNumber();
        return lana > 0 && symptom("network.rdp_port_state").getText().equals("closed") && !answeredByAnotherMachine()
                && !connectsToAnotherPortThanListener() && !probedAnotherPortThanTarget();
    }

    /**
     * Whether the connection was refused (RST, {@code network.rdp_port_state} closed) although the host's rdp-tcp listener
     * is up ({@code server.listener_state} listen) and nothing of the host's own shuts the port ({@link #hostShutsRdpPort()}):
     * nothing listens on the port tested, so the listener uses another port, or a device on the path resets it. Not when
     * another machine answered, when the listener's port is known to differ from the connection's or the probe tested
     * another port than the target's (those name the port outright), nor when the listener is bound to one adapter
     * ({@link #refusedByAListenerBoundToOneAdapter()}: that explains the reset). False when a fact is unknown.
     */
    public final boolean refusedWhileTheListenerIsUp() {
        return symptom("network.rdp_port_state").getText().equals("closed") && symptom("server.listener_state").getText().equals("listen")
                && !answeredByAnotherMachine() && !hostShutsRdpPort() && !connectsToAnotherPortThanListener()
                && !probedAnotherPortThanTarget() && !refusedByAListenerBoundToOneAdapter();
    }

    /**
     * Whether the RD Gateway the client goes through is known to stop every connection through it before any host is
     * reached: the client refuses the gateway's certificate — its name does not match ({@code network.gateway_cert_name_match}
     * false), it has expired ({@code gateway.cert_days_left} negative), it is not for server authentication
     * ({@code gateway.cert_server_auth} false) — or the gateway cannot be reached: its name does not resolve
     * ({@code gateway.dns_ok} false), its HTTPS port refuses or does not answer ({@code gateway.port_state} closed or
     * filtered), the TLS handshake with it fails ({@code gateway.tls_handshake_ok} false). Not a self-signed certificate nor a
     * gateway offering only TLS 1.0/1.1: a client that was given the certificate, or still speaks TLS 1.0, passes them.
     */
    public final boolean gatewayStopsEveryConnection() {
        String port = symptom("gateway.port_state").getText();
        return "false".equals(symptom("network.gateway_cert_name_match").getText())
                || symptom("gateway.cert_days_left").getNumber() < 0
                || "false".equals(symptom("gateway.cert_server_auth").getText())
                || "false".equals(symptom("gateway.dns_ok").getText())
                || "false".equals(symptom("gateway.tls_handshake_ok").getText())
                || port.equals("closed") || port.equals("filtered");
    }

    /**
     * Whether the client's resolver is seen to lead the host name to another machine: the name resolves to another
     * address than the host's real one ({@code network.dns_resolved_ip} against {@code network.dns_expected_ip}) and the
     * real one is not among the name's addresses ({@code network.dns_all_ips}). Both may hold several addresses (commas,
     * semicolons or white space between them; compared as sets, without regard to order, spacing or case): the name leads
     * elsewhere when one of its addresses is none of the host's, of a family (IPv4, IPv6) the host's addresses show — an
     * IPv6 address beside a host known only by its IPv4 one is no such sign, since a dual-stack host has one of each.
     * The name half of {@link #answeredByAnotherMachine()}.
     */
    public final boolean nameResolvesElsewhere() {
        return file.nameResolvesElsewhere();
    }

    /**
     * Whether every address the client's resolver returns for the host name ({@code network.dns_resolved_ip}) is one of the
     * host's real addresses ({@code network.dns_expected_ip}). Either may hold several addresses, separated by commas,
     * semicolons or white space (a multi-homed or dual-stack host, a name with several A / AAAA records), compared as sets
     * without regard to order, spacing or case: "2001:db8::22, 10.0.0.22" resolves to the host whose addresses are
     * "10.0.0.22, 2001:db8::22". A scan of the texts, without a regular expression or {@code split}.
     */
    public final boolean nameResolvesToHostAddresses() {
        return file.nameResolvesToHostAddresses();
    }

    /**
     * Whether the host's own facts say its RDP port takes no connection from any client, so that a failing TCP connect
     * or other clients failing too is explained on the host: Remote Desktop not allowed ({@code server.rdp_enabled}
     * false, fDenyTSConnections = 1), the rdp-tcp listener down ({@code server.listener_state}), Remote Desktop Services
     * stopped ({@code server.service.termservice}; a hung service still accepts the TCP connect), or the host firewall
     * not allowing RDP inbound on the active profile ({@code server.firewall_rdp_allowed} false).
     */
    public final boolean hostShutsRdpPort() {
        return file.hostShutsRdpPort();
    }

    /**
     * Whether the host name is known to have an address of {@code address}'s family (IPv4 or IPv6; an IPv4-mapped IPv6
     * address counts as IPv4): {@code network.dns_resolved_ip} or one of {@code network.dns_all_ips} (comma
     * separated) is of that family. Two addresses of different families are never equal, yet a dual-stack host has one of
     * each: an expected IPv4 address says whether the name leads elsewhere only beside the name's own IPv4 addresses. A
     * scan of the texts, without a regular expression or {@code split}.
     */
    public final boolean nameHasAddressOfFamily(String address) {
        return file.nameHasAddressOfFamily(address);
    }

    /**
     * Whether this fact's file shows the host authenticating the connecting user (1149 naming {@code client.user} or no
     * account) after every Schannel failure it holds (36871, 36874, 36887, 36888): that user's connection completed a TLS
     * handshake after them. False when a time is unknown or there is no such 1149.
     */
    public final boolean connectingUserAuthenticatedAfterEverySchannelFailure() {
        return file.connectingUserAuthenticatedAfterEverySchannelFailure();
    }

    /**
     * Whether this fact's file has a host event with that id that no complete logon follows: no authentication (1149)
     * logged after it with a session logon (LocalSessionManager 21, not a console logon) after that (see
     * {@link HostEvent#followedByLogon()}). An event without a time counts as not followed.
     */
    public final boolean hasEventNotFollowedByLogon(int id) {
        return file.hasEventNotFollowedByLogon(id);
    }

    /**
     * Whether this fact's file has a Service Control Manager event that Remote Desktop Services timed out or hung (7011,
     * 7022 naming it, {@link HostEvent#namesRemoteDesktopServices()}) that no complete logon follows (see
     * {@link HostEvent#followedByLogon()}): the service stopped responding, and nothing logged since shows it working.
     */
    public final boolean remoteDesktopServicesHangNotFollowedByLogon() {
        return file.remoteDesktopServicesHangNotFollowedByLogon();
    }

    /**
     * Whether this fact's file shows the host name not resolving: the probe's lookup failed ({@code network.dns_ok} false)
     * or the client's resolver returned no address ({@code network.dns_resolved_ip} {@link Symptom#textSaysNoAddress()}).
     */
    public final boolean nameSeenNotToResolve() {
        return file.nameSeenNotToResolve();
    }

    /**
     * Whether this fact's file shows the path to the host broken: ping fails ({@code network.ping_ok} false) or the RDP port
     * is filtered or closed ({@code network.rdp_port_state}).
     */
    public final boolean pathToHostSeenBroken() {
        return file.pathToHostSeenBroken();
    }

    /**
     * Whether this fact's file has a Security 4625 that refused {@code account}'s remote logon type after the host
     * authenticated it, with no complete logon of the account since ({@link HostEvent#refusesLogonTypeAfterAuthenticating}).
     */
    public final boolean hasLogonTypeRefusalAfterAuthenticationOf(String account) {
        return file.hasLogonTypeRefusalAfterAuthenticationOf(account);
    }

    /**
     * Whether this fact's file has a Service Control Manager event that Remote Desktop Services timed out, hung or
     * terminated unexpectedly ({@link HostEvent#isRemoteDesktopServicesFailure()}), a start of the host's operating system
     * logged after the latest of them ({@link HostEvent#isSystemStart()}), and no RDP authentication (1149) logged after
     * that start: the service's state and the listener were read on the restarted host, and nothing logged since shows the
     * service serving a connection. False when the events have no times.
     */
    public final boolean restartedAfterRemoteDesktopServicesFailure() {
        return file.restartedAfterRemoteDesktopServicesFailure();
    }

    /**
     * Whether this fact's file shows the host in drain mode: {@code server.logon_mode} {@code drain} or
     * {@code drain_until_restart} (change logon /drain, /drainuntilrestart; TSServerDrainMode 2 or 1). A draining host
     * lets users reconnect to their existing sessions and refuses new logons (Microsoft RDS blog, "Introducing Terminal
     * Services Server Drain Mode"). False when the logon mode is unknown, enabled or disabled.
     */
    public final boolean hostInDrainMode() {
        String mode = symptom("server.logon_mode").getText();
        return mode.equals("drain") || mode.equals("drain_until_restart");
    }

    /** Whether this fact's file lists any session. */
    public final boolean hasSessions() {
        return file.hasSessions();
    }

    /** Whether this fact's file lists a session of {@code account} (see {@link UserSession#belongsTo(String)}). */
    public final boolean hasSessionOf(String account) {
        return file.hasSessionOf(account);
    }

    /** How many sessions of this fact's file hold a session slot ({@link UserSession#isOpen()}). */
    public final int openSessions() {
        return file.openSessions(null);
    }

    /**
     * Whether this fact's file shows the host's session limit reached: {@code server.session_limit} above 0, and
     * {@code server.session_count} or the listed sessions that hold a slot ({@link #openSessions()}) at or above it
     * (Microsoft Learn, policy "Limit number of connections"). False without a limit.
     */
    public final boolean sessionLimitReached() {
        double limit = symptom("server.session_limit").getNumber();
        return limit > 0 && (symptom("server.session_count").getNumber() >= limit || openSessions() >= limit);
    }

    /**
     * Whether this fact's file shows a host joined to Microsoft Entra ID alone ({@code server.entra_join} joined) that requires
     * NLA or may ({@code server.user_authentication} not 0), and a client outside its tenant: neither joined nor registered
     * ({@code client.entra_join} none), or joined or registered in another tenant ({@code client.entra_tenant_id} against
     * {@code server.entra_tenant_id}). Microsoft Learn, "Connect to remote Microsoft Entra joined device": without Microsoft
     * Entra authentication such a client's sign-in to the host is not supported. False outside a diagnosis.
     */
    public final boolean clientOutsideTheEntraHostsTenant() {
        if (!"joined".equals(symptom("server.entra_join").getText()) || symptom("server.user_authentication").getNumber() == 0) {
            return false;
        }
        if ("none".equals(symptom("client.entra_join").getText())) {
            return true;
        }
        return hasSymptom("client.entra_tenant_id") && hasSymptom("server.entra_tenant_id")
                && !symptom("client.entra_tenant_id").getText().equals(symptom("server.entra_tenant_id").getText());
    }

    /** How many sessions of this fact's file hold a session slot and are not {@code account}'s. */
    public final int openSessionsOfOthers(String account) {
        return file.openSessions(account);
    }
}
