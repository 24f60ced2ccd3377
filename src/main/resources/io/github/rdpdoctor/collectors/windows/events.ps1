# The events rdp-doctor's rules read, from the last 7 days, newest first per query, one Get-WinEvent
# per log and provider. LocalSessionManager 21 (session logon succeeded) tells the rules which failures a later
# logon followed. Service Control Manager events are logged for every service: only those whose
# message names Remote Desktop Services (TermService) are kept, by its display name in English, German
# (Remotedesktopdienste), French (Services Bureau a distance) or Spanish (Servicios de Escritorio remoto). RD Gateway 201/301
# (RD CAP / RD RAP not met) are read where the host is its own RD Gateway. LsaSrv 6167 (a partial mismatch in the
# machine ID) is what machines cloned without Sysprep log since the authentication hardening of August 2025. Security 4740 / 4767 (an account locked out /
# unlocked) have their own query, so that a flood of 4625s does not push them out. "No events found" and a log or provider that this Windows does not have are
# normal; other errors (access denied) are reported. Prints nothing when there are no events.
$since = (Get-Date).AddDays(-7)
$queries = @(
    @{ Max = 100; Filter = @{ LogName = 'System'; ProviderName = 'Microsoft-Windows-TerminalServices-RemoteConnectionManager'; Id = @(1056, 1057, 1058, 1006, 1003, 1004, 1069, 1128) } },
    @{ Max = 50; Filter = @{ LogName = 'Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational'; Id = @(1149, 1006) } },
    @{ Max = 20; Filter = @{ LogName = 'Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational'; Id = @(260, 261) } },
    @{ Max = 100; Filter = @{ LogName = 'Microsoft-Windows-TerminalServices-LocalSessionManager/Operational'; Id = @(21) } },
    @{ Max = 100; Filter = @{ LogName = 'System'; ProviderName = 'Schannel'; Id = @(36870, 36871, 36874, 36887, 36888) } },
    @{ Max = 100; Filter = @{ LogName = 'Application'; ProviderName = 'Microsoft-Windows-User Profiles Service'; Id = @(1511, 1515, 1502, 1508, 1500) } },
    @{ Max = 50; Filter = @{ LogName = 'System'; ProviderName = 'TermService'; Id = @(71, 1003, 1004) } },
    @{ Max = 50; Filter = @{ LogName = 'Security'; ProviderName = 'Microsoft-Windows-Security-Auditing'; Id = @(4625) } },
    @{ Max = 20; Filter = @{ LogName = 'Security'; ProviderName = 'Microsoft-Windows-Security-Auditing'; Id = @(4740, 4767) } },
    @{ Max = 20; Filter = @{ LogName = 'System'; ProviderName = 'NETLOGON'; Id = @(3210) } },
    @{ Max = 20; Filter = @{ LogName = 'System'; ProviderName = 'LsaSrv'; Id = @(6167) } },
    @{ Max = 50; Filter = @{ LogName = 'Microsoft-Windows-TerminalServices-Gateway/Operational'; Id = @(201, 301) } },
    @{ Max = 200; Match = 'TermService|Remote Desktop Services|Remotedesktopdienste|Services Bureau . distance|Servicios de Escritorio remoto'; Filter = @{ LogName = 'System'; ProviderName = 'Service Control Manager'; Id = @(7011, 7022, 7031, 7034) } }
)
$found = @()
foreach ($q in $queries) {
    $filter = $q.Filter
    $filter.StartTime = $since
    try {
        $events = @(Get-WinEvent -FilterHashtable $filter -MaxEvents $q.Max -ErrorAction Stop)
        if ($q.Match) {
            $events = @($events | Where-Object { [string]$_.Message -match $q.Match })
        }
        $found += $events
    } catch {
        if ([string]$_.FullyQualifiedErrorId -notmatch '^NoMatching') {
            Write-RdpProblem "$($filter.LogName) $($filter.ProviderName): $($_.Exception.Message)"
        }
    }
}
$found | Sort-Object -Property TimeCreated |
    Select-Object -Property 'LogName', 'ProviderName', 'Id', 'TimeCreated', @{ Name = 'Message'; Expression = { $m = [string]$_.Message; if ($m.Length -gt 1000) { $m.Substring(0, 1000) } else { $m } } } |
    ConvertTo-Json -Depth 4 -Compress
