<#
.SYNOPSIS
    Collects Remote Desktop symptom facts on this Windows machine and writes an rdp-doctor symptom
    file (schema rdp-symptoms/v1, JSON).

.DESCRIPTION
    The same collection as "rdp-doctor collect", without Java, for pushing to many machines with the
    tools you already use (GPO startup script, SCCM/Intune, PsExec, Invoke-Command, Azure Run Command).

    -Side Host (default), on the RDP host, as administrator: TermService/SessionEnv/UmRdpService,
    fDenyTSConnections, PortNumber, LanAdapter, SecurityLayer, UserAuthentication (Group Policy values win),
    MaxOutstandingConnections, the logon mode (TSServerDrainMode, WinStationsDisabled: change logon),
    CredSSP AllowEncryptionOracle, Schannel TLS 1.0/1.1/1.2 server switches, network
    profile and Remote Desktop firewall rules, the RDP certificate and its MachineKeys key, sessions
    and the RDP listener, contract events of the last 7 days, licensing grace days and license server
    reachability, session limit and count, last update and newest KB, security products, OS, cloud,
    and on a domain member whether its secure channel works (Test-ComputerSecureChannel).

    -Side Client -Target HOST, on the PC that fails to connect, as the user who connects: saved
    credentials for HOST, Default.rdp, VPN adapters, security products, CredSSP policy, the client side of
    Schannel's TLS 1.0/1.1/1.2 switches, OS, updates.

    Problems (access denied, missing cmdlets) are printed as warnings; the file holds what could be read.
    Feed the files to "rdp-doctor diagnose FILE" or "rdp-doctor batch DIR".

    The sections between "# >>> NAME" and "# <<< NAME" are the snippets the rdp-doctor collectors run
    (src/main/resources/io/github/rdpdoctor/collectors/windows/NAME); a test keeps them identical.
    Edit them there and regenerate this file (see StandaloneScriptTest), not here.

.PARAMETER Side
    Host (the RDP host; default) or Client (the PC that fails to connect).

.PARAMETER Target
    The RDP host as users type it in mstsc. Written as the file's "host". Required with -Side Client;
    on the host side the default is this computer's name.

.PARAMETER OutFile
    Where to write the JSON symptom file (UTF-8 without a byte order mark). Without it the JSON goes to
    standard output as ASCII (other characters as \uXXXX escapes), which any redirection or pipe keeps.

.EXAMPLE
    powershell.exe -NoProfile -ExecutionPolicy Bypass -File .\Collect-RdpSymptoms.ps1 -OutFile "C:\Windows\Temp\rdp-$env:COMPUTERNAME.json"

.EXAMPLE
    .\Collect-RdpSymptoms.ps1 -Side Client -Target fin-app-07.corp.example -OutFile "$env:TEMP\rdp-client.json"

.NOTES
    Windows PowerShell 5.1 (also runs on PowerShell 7). Makes no network calls except a TCP connect to
    each configured RD license server (port 135).
#>
[CmdletBinding()]
param(
    [ValidateSet('Host', 'Client')]
    [string]$Side = 'Host',
    [string]$Target,
    [string]$OutFile
)

Set-StrictMode -Off
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
if ($Side -eq 'Client' -and -not $Target) {
    throw '-Side Client needs -Target HOST (the RDP host the user connects to)'
}
$script:RdpProblems = New-Object System.Collections.ArrayList
function Write-RdpProblem([string]$Message) { [void]$script:RdpProblems.Add($Message) }

# >>> common.ps1
# Helpers shared by the rdp-doctor snippets (Windows PowerShell 5.1).

# The named values of a registry key as an ordered dictionary (values that do not exist are left
# out); $null when the key does not exist. Throws when the key cannot be read (access denied).
function Get-RdpRegistryValues {
    param([string]$Path, [string[]]$Names)
    if (-not (Test-Path -LiteralPath $Path)) {
        return $null
    }
    $key = Get-Item -LiteralPath $Path -ErrorAction Stop
    $values = [ordered]@{}
    foreach ($n in $Names) {
        $v = $key.GetValue($n, $null)
        if ($null -ne $v) {
            $values[$n] = $v
        }
    }
    return $values
}
# <<< common.ps1

function Get-RdpRawServices {
# >>> services.ps1
# Remote Desktop services: TermService (Remote Desktop Services), SessionEnv (Remote Desktop
# Configuration) and UmRdpService (UserMode Port Redirector). Status and StartType print as numbers;
# a service that is not installed is left out.
Get-Service -Name 'TermService', 'SessionEnv', 'UmRdpService' -ErrorAction SilentlyContinue |
    Select-Object -Property 'Name', 'DisplayName', 'Status', 'StartType' |
    ConvertTo-Json -Depth 4 -Compress
# <<< services.ps1
}

function Get-RdpRawRdpSettings {
# >>> rdp-settings.ps1
# Remote Desktop settings from the registry, by section. Group Policy values (section Policy) win
# over the RDP-Tcp listener values; the reader of this output applies that rule.
$ts = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server'
$sections = @(
    @{ Section = 'TerminalServer'; Path = $ts; Names = @('fDenyTSConnections', 'MaxOutstandingConnections', 'TSServerDrainMode') },
    @{ Section = 'Winlogon'; Path = 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon'; Names = @('WinStationsDisabled') },
    @{ Section = 'RdpTcp'; Path = "$ts\WinStations\RDP-Tcp"; Names = @('PortNumber', 'LanAdapter', 'SecurityLayer', 'UserAuthentication', 'MinEncryptionLevel') },
    @{ Section = 'Policy'; Path = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'; Names = @('fDenyTSConnections', 'SecurityLayer', 'UserAuthentication', 'MinEncryptionLevel') },
    @{ Section = 'CredSSP'; Path = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System\CredSSP\Parameters'; Names = @('AllowEncryptionOracle') },
    @{ Section = 'Tls10Server'; Path = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server'; Names = @('Enabled', 'DisabledByDefault') },
    @{ Section = 'Tls11Server'; Path = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server'; Names = @('Enabled', 'DisabledByDefault') },
    @{ Section = 'Tls12Server'; Path = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server'; Names = @('Enabled', 'DisabledByDefault') }
)
$result = [ordered]@{}
foreach ($s in $sections) {
    try {
        $result[$s.Section] = Get-RdpRegistryValues -Path $s.Path -Names $s.Names
    } catch {
        Write-RdpProblem "$($s.Path): $($_.Exception.Message)"
    }
}
$result | ConvertTo-Json -Depth 4 -Compress
# <<< rdp-settings.ps1
}

function Get-RdpRawFirewall {
# >>> firewall.ps1
# Connected network profiles, the firewall profiles, and the inbound rules that decide whether RDP
# gets in: the Remote Desktop group (@FirewallAPI.dll,-28752, the same in every language) and the
# rules for the RDP port, from the active policy store (local and Group Policy rules), each with its
# protocol, local ports and program (the group also holds the UDP and the Shadow rule, and its TCP rule
# opens 3389 only, whatever PortNumber says). Enums as numbers.
$result = [ordered]@{ Port = 3389; Profiles = $null; FirewallProfiles = $null; Rules = $null; PortRules = $null }
try {
    $listener = Get-RdpRegistryValues -Path 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp' -Names @('PortNumber')
    if ($listener -and $null -ne $listener['PortNumber']) { $result.Port = $listener['PortNumber'] }
} catch {
    Write-RdpProblem "PortNumber: $($_.Exception.Message)"
}
try {
    $result.Profiles = @(Get-NetConnectionProfile | ForEach-Object {
        [pscustomobject]@{ Name = $_.Name; InterfaceAlias = $_.InterfaceAlias; NetworkCategory = [int]$_.NetworkCategory }
    })
} catch {
    Write-RdpProblem "Get-NetConnectionProfile: $($_.Exception.Message)"
}
try {
    $result.FirewallProfiles = @(Get-NetFirewallProfile -PolicyStore ActiveStore | ForEach-Object {
        [pscustomobject]@{ Name = [string]$_.Name; Enabled = [int]$_.Enabled; DefaultInboundAction = [int]$_.DefaultInboundAction; AllowInboundRules = [int]$_.AllowInboundRules }
    })
} catch {
    Write-RdpProblem "Get-NetFirewallProfile: $($_.Exception.Message)"
}
function ConvertTo-RdpRule($rule) {
    $ports = @($rule | Get-NetFirewallPortFilter)
    $apps = @($rule | Get-NetFirewallApplicationFilter)
    [pscustomobject]@{ Name = $rule.Name; DisplayName = $rule.DisplayName; Enabled = [int]$rule.Enabled; Profile = [int]$rule.Profile; Direction = [int]$rule.Direction; Action = [int]$rule.Action
        Protocol = [string]$ports[0].Protocol; LocalPort = @($ports[0].LocalPort | ForEach-Object { [string]$_ }); Program = [string]$apps[0].Program }
}
try {
    $result.Rules = @(Get-NetFirewallRule -Group '@FirewallAPI.dll,-28752' -PolicyStore ActiveStore -ErrorAction Stop | ForEach-Object { ConvertTo-RdpRule $_ })
} catch {
    if ([string]$_.FullyQualifiedErrorId -like 'CmdletizationQuery_NotFound*') {
        $result.Rules = @()
    } else {
        Write-RdpProblem "Remote Desktop firewall rules: $($_.Exception.Message)"
    }
}
try {
    $port = [string]$result.Port
    $result.PortRules = @(Get-NetFirewallPortFilter -PolicyStore ActiveStore |
        Where-Object { $_.Protocol -eq 'TCP' -and @($_.LocalPort) -contains $port } |
        Get-NetFirewallRule | ForEach-Object { ConvertTo-RdpRule $_ })
} catch {
    Write-RdpProblem "firewall rules for the RDP port: $($_.Exception.Message)"
}
$result | ConvertTo-Json -Depth 4 -Compress
# <<< firewall.ps1
}

function Get-RdpRawCertificate {
# >>> certificate.ps1
# The Remote Desktop certificate: the thumbprint the RDP-Tcp listener uses, the certificates of the
# "Remote Desktop" store (and the configured one from "My"), and the access rules of the key files of
# the RDP self-signed certificate (f686aace6942fb7f7ceb231212eef4a4*) in MachineKeys.
$result = [ordered]@{ Now = [DateTime]::UtcNow; ConfiguredThumbprint = $null; Certificates = @(); KeyFiles = $null; KeyAccess = $null }
try {
    $general = Get-CimInstance -Namespace 'root/cimv2/TerminalServices' -ClassName Win32_TSGeneralSetting -Filter "TerminalName='RDP-Tcp'"
    if ($general -and $general.SSLCertificateSHA1Hash) { $result.ConfiguredThumbprint = [string]$general.SSLCertificateSHA1Hash }
} catch {
    Write-RdpProblem "Win32_TSGeneralSetting: $($_.Exception.Message)"
}
if (-not $result.ConfiguredThumbprint) {
    try {
        $bytes = (Get-Item -LiteralPath 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp').GetValue('SSLCertificateSHA1Hash', $null)
        if ($bytes) { $result.ConfiguredThumbprint = (@($bytes | ForEach-Object { $_.ToString('X2') }) -join '') }
    } catch {
        Write-RdpProblem "SSLCertificateSHA1Hash: $($_.Exception.Message)"
    }
}
foreach ($store in @('Remote Desktop', 'My')) {
    $path = "Cert:\LocalMachine\$store"
    try {
        if (-not (Test-Path -LiteralPath $path)) { continue }
        foreach ($c in @(Get-ChildItem -LiteralPath $path)) {
            if ($store -eq 'My' -and $c.Thumbprint -ne $result.ConfiguredThumbprint) { continue }
            $result.Certificates += [pscustomobject]@{ Store = $store; Thumbprint = $c.Thumbprint; Subject = $c.Subject; Issuer = $c.Issuer; NotBefore = $c.NotBefore.ToUniversalTime(); NotAfter = $c.NotAfter.ToUniversalTime(); HasPrivateKey = $c.HasPrivateKey }
        }
    } catch {
        Write-RdpProblem "$($path): $($_.Exception.Message)"
    }
}
$dir = Join-Path $env:ProgramData 'Microsoft\Crypto\RSA\MachineKeys'
try {
    $files = @(Get-ChildItem -LiteralPath $dir -Filter 'f686aace6942fb7f7ceb231212eef4a4*' -Force)
    $result.KeyFiles = @($files | ForEach-Object { [pscustomobject]@{ Name = $_.Name; LastWriteTime = $_.LastWriteTimeUtc } })
    $access = @()
    foreach ($f in $files) {
        $acl = Get-Acl -LiteralPath $f.FullName
        foreach ($a in $acl.Access) {
            $sid = $null
            try { $sid = $a.IdentityReference.Translate([System.Security.Principal.SecurityIdentifier]).Value } catch { $sid = $null }
            $access += [pscustomobject]@{ File = $f.Name; Identity = [string]$a.IdentityReference; Sid = $sid; Rights = [int]$a.FileSystemRights; Type = [int]$a.AccessControlType }
        }
    }
    $result.KeyAccess = $access
} catch {
    Write-RdpProblem "$($dir): $($_.Exception.Message)"
}
$result | ConvertTo-Json -Depth 4 -Compress
# <<< certificate.ps1
}

function Get-RdpRawSessions {
# >>> sessions.ps1
# Sessions and the RDP listener as qwinsta and quser print them (in the OS language), the session
# limit settings, and whether the host is an RD Session Host (TerminalServerMode 1) or a client
# edition (ProductType 1). quser exits with 1 when nobody is logged on.
$ErrorActionPreference = 'Continue'
$bin = Join-Path $env:SystemRoot 'System32'
if (Test-Path -LiteralPath (Join-Path $env:SystemRoot 'Sysnative\qwinsta.exe')) { $bin = Join-Path $env:SystemRoot 'Sysnative' }
$result = [ordered]@{}
foreach ($tool in @('Qwinsta', 'Quser')) {
    try {
        $out = & (Join-Path $bin "$($tool.ToLower()).exe") 2>&1
        $result["$($tool)ExitCode"] = $LASTEXITCODE
        $result[$tool] = @($out | ForEach-Object { [string]$_ })
    } catch {
        Write-RdpProblem "$($tool): $($_.Exception.Message)"
    }
}
try {
    $result.PolicyLimits = Get-RdpRegistryValues -Path 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services' -Names @('MaxInstanceCount')
    $result.RdpTcpLimits = Get-RdpRegistryValues -Path 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp' -Names @('MaxInstanceCount')
} catch {
    Write-RdpProblem "MaxInstanceCount: $($_.Exception.Message)"
}
try {
    $result.ProductType = (Get-CimInstance -ClassName Win32_OperatingSystem -ErrorAction Stop).ProductType
} catch {
    Write-RdpProblem "Win32_OperatingSystem: $($_.Exception.Message)"
}
try {
    $result.TerminalServerMode = (Get-CimInstance -Namespace 'root/cimv2/TerminalServices' -ClassName Win32_TerminalServiceSetting -ErrorAction Stop).TerminalServerMode
} catch {
    Write-RdpProblem "Win32_TerminalServiceSetting: $($_.Exception.Message)"
}
$result | ConvertTo-Json -Depth 4 -Compress
# <<< sessions.ps1
}

function Get-RdpRawEvents {
# >>> events.ps1
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
# <<< events.ps1
}

function Get-RdpRawLicensing {
# >>> licensing.ps1
# RD licensing: RD Session Host mode, licensing mode (LicensingType 2 per device, 4 per user, 5 not yet configured), grace period days left (GetGracePeriodDays; reading
# root/cimv2/TerminalServices needs administrator rights), and each configured license server
# (WMI list and the LicenseServers policy) with whether it answers on TCP 135 within 2 seconds.
$result = [ordered]@{ TerminalServerMode = $null; LicensingType = $null; GracePeriodDays = $null; GraceReturnValue = $null; LicenseServers = @() }
$servers = @()
$setting = $null
try {
    $setting = Get-CimInstance -Namespace 'root/cimv2/TerminalServices' -ClassName Win32_TerminalServiceSetting
    $result.TerminalServerMode = $setting.TerminalServerMode
    $result.LicensingType = $setting.LicensingType
} catch {
    Write-RdpProblem "Win32_TerminalServiceSetting: $($_.Exception.Message)"
}
if ($setting) {
    try {
        $list = Invoke-CimMethod -InputObject $setting -MethodName GetSpecifiedLicenseServerList
        $servers += @($list.SpecifiedLSList)
    } catch {
        Write-RdpProblem "GetSpecifiedLicenseServerList: $($_.Exception.Message)"
    }
    if ($result.TerminalServerMode -eq 1) {
        try {
            $grace = Invoke-CimMethod -InputObject $setting -MethodName GetGracePeriodDays
            $result.GraceReturnValue = $grace.ReturnValue
            $result.GracePeriodDays = $grace.DaysLeft
        } catch {
            Write-RdpProblem "GetGracePeriodDays: $($_.Exception.Message)"
        }
    }
}
try {
    $policy = Get-RdpRegistryValues -Path 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services' -Names @('LicenseServers')
    if ($policy -and $policy['LicenseServers']) { $servers += @([string]$policy['LicenseServers'] -split '[,;\s]+') }
} catch {
    Write-RdpProblem "LicenseServers policy: $($_.Exception.Message)"
}
$seen = @{}
foreach ($name in $servers) {
    if (-not $name -or $seen.ContainsKey($name)) { continue }
    $seen[$name] = $true
    $reachable = $false
    $client = New-Object System.Net.Sockets.TcpClient
    try {
        $connect = $client.BeginConnect($name, 135, $null, $null)
        if ($connect.AsyncWaitHandle.WaitOne(2000) -and $client.Connected) { $reachable = $true }
    } catch {
        $reachable = $false
    } finally {
        $client.Close()
    }
    $result.LicenseServers += [pscustomobject]@{ Name = $name; Reachable = $reachable }
}
$result | ConvertTo-Json -Depth 4 -Compress
# <<< licensing.ps1
}

function Get-RdpRawUpdates {
# >>> updates.ps1
# Installed updates (Get-HotFix) and the OS build with its update revision (UBR).
$result = [ordered]@{ Now = [DateTime]::UtcNow; CurrentBuild = $null; UBR = $null; HotFixes = $null }
try {
    $cv = Get-RdpRegistryValues -Path 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion' -Names @('CurrentBuild', 'UBR')
    if ($cv) { $result.CurrentBuild = $cv['CurrentBuild']; $result.UBR = $cv['UBR'] }
} catch {
    Write-RdpProblem "CurrentVersion: $($_.Exception.Message)"
}
try {
    $result.HotFixes = @(Get-HotFix | Select-Object -Property 'HotFixID', 'Description', 'InstalledOn')
} catch {
    Write-RdpProblem "Get-HotFix: $($_.Exception.Message)"
}
$result | ConvertTo-Json -Depth 4 -Compress
# <<< updates.ps1
}

function Get-RdpRawSecurityProducts {
# >>> security-products.ps1
# Security products: Security Center's AntiVirusProduct (client editions only; servers have no
# root/SecurityCenter2) and, on every edition, the services of known endpoint products.
$result = [ordered]@{ ProductType = $null; AntiVirus = $null; Services = $null }
try {
    $result.ProductType = (Get-CimInstance -ClassName Win32_OperatingSystem).ProductType
} catch {
    Write-RdpProblem "Win32_OperatingSystem: $($_.Exception.Message)"
}
if ($result.ProductType -eq 1) {
    try {
        $result.AntiVirus = @(Get-CimInstance -Namespace 'root/SecurityCenter2' -ClassName AntiVirusProduct | Select-Object -Property 'displayName', 'productState')
    } catch {
        Write-RdpProblem "SecurityCenter2: $($_.Exception.Message)"
    }
}
$known = @('WinDefend', 'Sense', 'CSFalconService', 'SentinelAgent', 'SepMasterService', 'ccSvcHst', 'mfemms', 'masvc', 'SAVService', 'ekrn', 'AVP*', 'ntrtscan', 'TmListen', 'CylanceSvc', 'CbDefense', 'cyserver', 'xagt', 'EPSecurityService', 'MBAMService', 'WRSVC')
try {
    $result.Services = @(Get-Service -Name $known -ErrorAction SilentlyContinue | Select-Object -Property 'Name', 'DisplayName', 'Status')
} catch {
    Write-RdpProblem "Get-Service: $($_.Exception.Message)"
}
$result | ConvertTo-Json -Depth 4 -Compress
# <<< security-products.ps1
}

function Get-RdpRawOs {
# >>> os.ps1
# The computer's own name, the operating system (edition, version, build, feature version) and the SMBIOS
# strings from which the cloud is told apart: manufacturer, model, BIOS vendor/version/serial, chassis asset tag. No network.
$result = [ordered]@{}
$result.ComputerName = $env:COMPUTERNAME
try {
    $os = Get-CimInstance -ClassName Win32_OperatingSystem
    $result.Caption = $os.Caption
    $result.Version = $os.Version
    $result.BuildNumber = $os.BuildNumber
    $result.ProductType = $os.ProductType
} catch {
    Write-RdpProblem "Win32_OperatingSystem: $($_.Exception.Message)"
}
try {
    $cv = Get-RdpRegistryValues -Path 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion' -Names @('DisplayVersion', 'ReleaseId', 'UBR')
    if ($cv) { $result.DisplayVersion = $cv['DisplayVersion']; $result.ReleaseId = $cv['ReleaseId']; $result.UBR = $cv['UBR'] }
} catch {
    Write-RdpProblem "CurrentVersion: $($_.Exception.Message)"
}
try {
    $cs = Get-CimInstance -ClassName Win32_ComputerSystem
    $result.Manufacturer = $cs.Manufacturer
    $result.Model = $cs.Model
} catch {
    Write-RdpProblem "Win32_ComputerSystem: $($_.Exception.Message)"
}
try {
    $bios = Get-CimInstance -ClassName Win32_BIOS
    $result.BiosManufacturer = $bios.Manufacturer
    $result.BiosVersion = $bios.SMBIOSBIOSVersion
    $result.BiosSerialNumber = $bios.SerialNumber
    $result.ChassisAssetTag = @(Get-CimInstance -ClassName Win32_SystemEnclosure)[0].SMBIOSAssetTag
} catch {
    Write-RdpProblem "Win32_BIOS: $($_.Exception.Message)"
}
$result | ConvertTo-Json -Depth 4 -Compress
# <<< os.ps1
}

function Get-RdpRawDomain {
# >>> domain.ps1
# Domain membership (Win32_ComputerSystem.PartOfDomain, Domain) and, on a domain member, whether its secure
# channel with the domain works: Test-ComputerSecureChannel returns True when a domain controller accepts the
# machine account's password, False when the trust relationship is broken (a restore older than the last
# machine password change, a clone that kept the name, a reset or deleted computer account). A workgroup
# machine has no secure channel and is not tested. Needs a domain controller on the network.
$result = [ordered]@{ PartOfDomain = $null; Domain = $null; SecureChannel = $null }
try {
    $cs = Get-CimInstance -ClassName Win32_ComputerSystem
    $result.PartOfDomain = [bool]$cs.PartOfDomain
    $result.Domain = [string]$cs.Domain
} catch {
    Write-RdpProblem "Win32_ComputerSystem: $($_.Exception.Message)"
}
if ($result.PartOfDomain -eq $true) {
    try {
        $result.SecureChannel = [bool](Test-ComputerSecureChannel -ErrorAction Stop)
    } catch {
        Write-RdpProblem "Test-ComputerSecureChannel: $($_.Exception.Message)"
    }
}
$result | ConvertTo-Json -Depth 4 -Compress
# <<< domain.ps1
}

function Get-RdpRawEntra {
# >>> entra.ps1
# Microsoft Entra ID join state from dsregcmd /status (Windows 10 / Server 2016 and later): AzureAdJoined,
# DomainJoined (both YES: hybrid joined), WorkplaceJoined (Entra registered, for the user who runs it), the
# tenant of the join (TenantId) or of the registration (WorkplaceTenantId). Its field names are not localized.
# No network: dsregcmd /status reads the local state.
$result = [ordered]@{ AzureAdJoined = $null; DomainJoined = $null; WorkplaceJoined = $null; TenantId = $null; WorkplaceTenantId = $null }
$exe = Join-Path $env:SystemRoot 'System32\dsregcmd.exe'
if (Test-Path -LiteralPath $exe) {
    try {
        foreach ($line in @(& $exe /status 2>&1)) {
            if ([string]$line -match '^\s*(AzureAdJoined|DomainJoined|WorkplaceJoined|TenantId|WorkplaceTenantId)\s*:\s*(.*?)\s*$') {
                if ($null -eq $result[$Matches[1]]) { $result[$Matches[1]] = $Matches[2] }
            }
        }
    } catch {
        Write-RdpProblem "dsregcmd: $($_.Exception.Message)"
    }
} else {
    Write-RdpProblem "dsregcmd.exe is not on this Windows (before Windows 10 / Server 2016): no Microsoft Entra join state"
}
$result | ConvertTo-Json -Depth 4 -Compress
# <<< entra.ps1
}

function Get-RdpRawClientRdp {
# >>> client-rdp.ps1
# What mstsc keeps on this client: saved credentials for Remote Desktop targets (only the TERMSRV/
# lines of cmdkey /list), the hidden Documents\Default.rdp (its size, date and enablecredsspsupport
# setting), the per-host entries with their user name hint, the CredSSP encryption oracle policy, the
# client side of Schannel's TLS 1.0/1.1/1.2 switches (Enabled, DisabledByDefault; absent when not set), and
# whether Credential Guard runs (Win32_DeviceGuard; a Windows without that class, before Windows 10, has none), and
# the computer's own name, which a host's Security events name as the source of failed logons.
# Run it as the user who connects.
$ErrorActionPreference = 'Continue'
$result = [ordered]@{ CmdkeyExitCode = $null; CmdkeyTargets = $null; DefaultRdp = $null; Servers = @(); AllowEncryptionOracle = $null; Schannel = $null; CredentialGuardRunning = $null; ComputerName = $env:COMPUTERNAME }
try {
    $out = & (Join-Path $env:SystemRoot 'System32\cmdkey.exe') /list 2>&1
    $result.CmdkeyExitCode = $LASTEXITCODE
    $result.CmdkeyTargets = @($out | ForEach-Object { [string]$_ } | Where-Object { $_ -match 'TERMSRV/' } | ForEach-Object { $_.Trim() })
} catch {
    Write-RdpProblem "cmdkey: $($_.Exception.Message)"
}
try {
    $rdp = Join-Path ([Environment]::GetFolderPath('MyDocuments')) 'Default.rdp'
    if (Test-Path -LiteralPath $rdp) {
        $f = Get-Item -LiteralPath $rdp -Force -ErrorAction Stop
        # mstsc writes Default.rdp as UTF-16 with a byte order mark, which Select-String reads; the last setting wins.
        $credsspLine = Select-String -LiteralPath $rdp -Pattern '^\s*enablecredsspsupport:i:(\d+)' -ErrorAction Stop | Select-Object -Last 1
        $result.DefaultRdp = [pscustomobject]@{ Length = $f.Length; LastWriteTime = $f.LastWriteTimeUtc; EnableCredSspSupport = $(if ($credsspLine) { [int]$credsspLine.Matches[0].Groups[1].Value } else { $null }) }
    }
} catch {
    Write-RdpProblem "Default.rdp: $($_.Exception.Message)"
}
try {
    $key = 'HKCU:\Software\Microsoft\Terminal Server Client\Servers'
    if (Test-Path -LiteralPath $key) {
        $result.Servers = @(Get-ChildItem -LiteralPath $key -ErrorAction Stop | ForEach-Object { [pscustomobject]@{ Name = $_.PSChildName; UsernameHint = $_.GetValue('UsernameHint', $null) } })
    }
} catch {
    Write-RdpProblem "Terminal Server Client: $($_.Exception.Message)"
}
try {
    $credssp = Get-RdpRegistryValues -Path 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System\CredSSP\Parameters' -Names @('AllowEncryptionOracle')
    if ($credssp) { $result.AllowEncryptionOracle = $credssp['AllowEncryptionOracle'] }
} catch {
    Write-RdpProblem "CredSSP: $($_.Exception.Message)"
}
$schannel = [ordered]@{}
foreach ($version in @('TLS 1.0', 'TLS 1.1', 'TLS 1.2')) {
    try {
        $schannel[$version] = Get-RdpRegistryValues -Path "HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\$version\Client" -Names @('Enabled', 'DisabledByDefault')
    } catch {
        Write-RdpProblem "Schannel $version Client: $($_.Exception.Message)"
    }
}
$result.Schannel = $schannel
try {
    $dg = Get-CimInstance -Namespace 'root\Microsoft\Windows\DeviceGuard' -ClassName 'Win32_DeviceGuard' -ErrorAction Stop
    $result.CredentialGuardRunning = [bool](@($dg.SecurityServicesRunning) -contains 1)
} catch {
    # 0x8004100E invalid namespace: no Device Guard on this Windows, so no Credential Guard either
    if ([string]$_.Exception.Message -match '0x8004100E|Invalid namespace') { $result.CredentialGuardRunning = $false }
    else { Write-RdpProblem "Win32_DeviceGuard: $($_.Exception.Message)" }
}
$result | ConvertTo-Json -Depth 4 -Compress
# <<< client-rdp.ps1
}

function Get-RdpRawClientVpn {
# >>> client-vpn.ps1
# Network adapters that are up (with their driver description) and the Windows VPN connections.
$result = [ordered]@{ Adapters = $null; VpnConnections = $null }
try {
    $result.Adapters = @(Get-NetAdapter | Where-Object { [string]$_.Status -eq 'Up' } | ForEach-Object {
        [pscustomobject]@{ Name = $_.Name; InterfaceDescription = $_.InterfaceDescription; Status = [string]$_.Status }
    })
} catch {
    Write-RdpProblem "Get-NetAdapter: $($_.Exception.Message)"
}
try {
    $vpn = @(Get-VpnConnection -ErrorAction SilentlyContinue) + @(Get-VpnConnection -AllUserConnection -ErrorAction SilentlyContinue)
    $result.VpnConnections = @($vpn | Where-Object { $_ } | ForEach-Object {
        [pscustomobject]@{ Name = $_.Name; ServerAddress = $_.ServerAddress; ConnectionStatus = [string]$_.ConnectionStatus }
    })
} catch {
    Write-RdpProblem "Get-VpnConnection: $($_.Exception.Message)"
}
$result | ConvertTo-Json -Depth 4 -Compress
# <<< client-vpn.ps1
}

# ---------------------------------------------------------------------------------------------
# From the snippets' output to contract facts: the same rules as the Java collectors
# (io.github.rdpdoctor.collectors.windows.*Collector), written for PowerShell.
# ---------------------------------------------------------------------------------------------

$script:Now = [DateTime]::UtcNow
$script:Facts = [ordered]@{}
$script:Warnings = New-Object System.Collections.ArrayList
$script:Events = New-Object System.Collections.ArrayList
$script:Sessions = New-Object System.Collections.ArrayList
$script:Prefix = 'server.'
if ($Side -eq 'Client') { $script:Prefix = 'client.' }

function Add-RdpWarning([string]$Collector, [string]$Message) {
    $line = "$($Collector): $Message"
    if (-not $script:Warnings.Contains($line)) { [void]$script:Warnings.Add($line) }
}

# Sets a fact; a value outside the contract's range becomes a warning.
function Set-RdpFact([string]$Collector, [string]$Name, $Value, $Min = $null, $Max = $null) {
    if ($null -eq $Value) { return }
    if (($null -ne $Min -and $Value -lt $Min) -or ($null -ne $Max -and $Value -gt $Max)) {
        Add-RdpWarning $Collector "$($Name): value $Value left out (out of range)"
        return
    }
    $script:Facts[$Name] = $Value
}

# Runs a snippet in this process; returns Ok (it did not fail) and Data (its JSON output, parsed).
function Invoke-RdpSnippet([string]$Collector, [string]$Function) {
    $before = $script:RdpProblems.Count
    $ok = $true
    $text = $null
    try {
        $text = & $Function
    } catch {
        $ok = $false
        Add-RdpWarning $Collector "failed: $($_.Exception.Message)"
    }
    for ($i = $before; $i -lt $script:RdpProblems.Count; $i++) { Add-RdpWarning $Collector $script:RdpProblems[$i] }
    $data = $null
    if ($null -ne $text) {
        $joined = [string]::Join("`n", @($text | ForEach-Object { [string]$_ }))
        if ($joined.Trim()) {
            try {
                $data = ConvertFrom-Json -InputObject $joined
            } catch {
                Add-RdpWarning $Collector "output is not JSON: $($_.Exception.Message)"
            }
        }
    }
    return [pscustomobject]@{ Ok = $ok; Data = $data }
}

# The rows of nothing, one object or an array (or the {"value":[...],"Count":n} wrapper), one by one
# to the pipeline: use it as @(Get-RdpRows $x).
function Get-RdpRows($Value) {
    if ($null -eq $Value) { return }
    $items = $Value
    if ($Value -isnot [System.Array] -and $Value.PSObject -and $Value.PSObject.Properties['value'] -and $Value.PSObject.Properties['Count'] -and $Value.value -is [System.Array]) {
        $items = $Value.value
    }
    foreach ($item in @($items)) {
        if ($null -ne $item) { $item }
    }
}

# A date as ConvertTo-Json/ConvertFrom-Json leave it (DateTime, "/Date(ms)/", ISO text, Get-Date object), in UTC.
function ConvertTo-RdpDate($Value) {
    if ($null -eq $Value) { return $null }
    $d = $null
    if ($Value -is [DateTime]) {
        $d = $Value.ToUniversalTime()
    } elseif ($Value -is [string]) {
        if ($Value -match '^\\?/Date\((-?\d+)') {
            $d = (New-Object DateTime 1970, 1, 1, 0, 0, 0, ([DateTimeKind]::Utc)).AddMilliseconds([double]$Matches[1])
        } else {
            $parsed = [DateTime]::MinValue
            $styles = [Globalization.DateTimeStyles]::AdjustToUniversal -bor [Globalization.DateTimeStyles]::AssumeUniversal
            if ([DateTime]::TryParse($Value, [Globalization.CultureInfo]::InvariantCulture, $styles, [ref]$parsed)) { $d = $parsed }
        }
    } elseif ($Value.PSObject -and $Value.PSObject.Properties['value']) {
        return ConvertTo-RdpDate $Value.value
    }
    if ($null -eq $d -or $d.Year -lt 1980) { return $null }
    return $d
}

function Format-RdpIso([DateTime]$Date) {
    return $Date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", [Globalization.CultureInfo]::InvariantCulture)
}

function Get-RdpDaysSince([DateTime]$Date, [DateTime]$Now) {
    $days = [long][Math]::Floor(($Now - $Date).TotalDays)
    if ($days -lt 0) { return [long]0 }
    return $days
}

function Test-RdpNumber($Value) {
    return ($Value -is [int] -or $Value -is [long] -or $Value -is [decimal] -or $Value -is [double] -or $Value -is [uint32])
}

# --- windows-services ------------------------------------------------------------------------
function Read-RdpServices($Run) {
    $c = 'windows-services'
    if (-not $Run.Ok -and $null -eq $Run.Data) { return }
    $byName = @{}
    foreach ($r in @(Get-RdpRows $Run.Data)) { if ($r.Name) { $byName[[string]$r.Name] = $r } }
    foreach ($svc in @('TermService', 'SessionEnv', 'UmRdpService')) {
        $row = $byName[$svc]
        if ($null -eq $row) { Add-RdpWarning $c "$svc is not installed (or not readable)"; continue }
        $status = [string]$row.Status
        $state = $null
        if ($status -eq '4') { $state = 'running' }
        elseif ($status -eq '1') { $state = 'stopped' }
        elseif (@('2', '3', '5', '6', '7') -contains $status) { $state = 'hung' }
        if (-not $state) { Add-RdpWarning $c "$($svc): unknown service status '$status'"; continue }
        if ($svc -eq 'TermService') {
            Set-RdpFact $c 'server.service.termservice' $state
            if ($state -ne 'running') { Add-RdpWarning $c "TermService (Remote Desktop Services) is $state (status $status)" }
        } elseif ($state -ne 'running') {
            Add-RdpWarning $c "$svc is $state (status $status)"
        } elseif ([string]$row.StartType -eq '4') {
            Add-RdpWarning $c "$svc is running but disabled: it will not start after a reboot"
        }
    }
}

# --- windows-rdp-settings --------------------------------------------------------------------
function Get-RdpValue($Data, [string]$Section, [string]$Name) {
    $s = $Data.$Section
    if ($null -eq $s) { return $null }
    $v = $s.$Name
    if (Test-RdpNumber $v) { return [long]$v }
    return $null
}

# One Schannel protocol switch (SCHANNEL\Protocols\TLS 1.x\Server or \Client): $false when Enabled is 0 or DisabledByDefault
# is not 0, $true when Enabled is set otherwise, $null when neither is set (the OS default holds).
function Get-RdpSchannelOffered($Key) {
    if ($null -eq $Key) { return $null }
    if (((Test-RdpNumber $Key.Enabled) -and $Key.Enabled -eq 0) -or ((Test-RdpNumber $Key.DisabledByDefault) -and $Key.DisabledByDefault -ne 0)) { return $false }
    if (Test-RdpNumber $Key.Enabled) { return $true }
    return $null
}

# The lowest TLS version one side still speaks, when its TLS 1.0 switch is set ($null otherwise).
function Get-RdpLowestTls($Tls10, $Tls11, $Tls12) {
    if ($null -eq $Tls10) { return $null }
    if ($Tls10) { return '1.0' }
    if ($Tls11 -ne $false) { return '1.1' }
    if ($Tls12 -ne $false) { return '1.2' }
    return '1.3'
}

function Read-RdpSettings($Run) {
    $c = 'windows-rdp-settings'
    $d = $Run.Data
    if ($null -eq $d) { return }
    $pick = {
        param($Name, $Section)
        $p = Get-RdpValue $d 'Policy' $Name
        if ($null -ne $p) { return $p }
        return (Get-RdpValue $d $Section $Name)
    }
    $deny = & $pick 'fDenyTSConnections' 'TerminalServer'
    if ($null -ne $deny) { Set-RdpFact $c 'server.rdp_enabled' ($deny -eq 0) }
    elseif ($null -ne $d.TerminalServer) { Add-RdpWarning $c 'fDenyTSConnections is not set' }
    Set-RdpFact $c 'network.rdp_port' (Get-RdpValue $d 'RdpTcp' 'PortNumber') 1 65535
    Set-RdpFact $c 'server.listener_port' (Get-RdpValue $d 'RdpTcp' 'PortNumber') 1 65535
    Set-RdpFact $c 'server.listener_lan_adapter' (Get-RdpValue $d 'RdpTcp' 'LanAdapter') 0 255
    Set-RdpFact $c 'server.security_layer' (& $pick 'SecurityLayer' 'RdpTcp') 0 2
    Set-RdpFact $c 'server.user_authentication' (& $pick 'UserAuthentication' 'RdpTcp') 0 1
    if ((& $pick 'MinEncryptionLevel' 'RdpTcp') -eq 4) {
        Add-RdpWarning $c 'MinEncryptionLevel is 4 (FIPS compliant): clients without FIPS support cannot connect'
    }
    $backlog = Get-RdpValue $d 'TerminalServer' 'MaxOutstandingConnections'
    if ($null -ne $backlog) { Set-RdpFact $c 'server.max_outstanding_connections' ($backlog -band [long]4294967295) }
    Set-RdpFact $c 'server.credssp_oracle' (Get-RdpValue $d 'CredSSP' 'AllowEncryptionOracle') 0 2
    # the logon mode as change logon sets it: WinStationsDisabled 1 refuses every remote logon; TSServerDrainMode 2 drains,
    # 1 drains until the next restart; enabled only when both are known (0, or absent from a key that was read)
    $wsd = Get-RdpValue $d 'Winlogon' 'WinStationsDisabled'
    $drain = Get-RdpValue $d 'TerminalServer' 'TSServerDrainMode'
    if ($null -ne $wsd -and $wsd -ne 0 -and $wsd -ne 1) {
        Add-RdpWarning $c "WinStationsDisabled has the unknown value $wsd (0 or 1 expected); ignored"
        $wsd = $null
    }
    if ($null -ne $drain -and ($drain -lt 0 -or $drain -gt 2)) {
        Add-RdpWarning $c "TSServerDrainMode has the unknown value $drain (0, 1 or 2 expected); ignored"
        $drain = $null
    }
    $wsdKnown = ($null -ne $wsd) -or ($null -ne $d.Winlogon -and $null -eq $d.Winlogon.WinStationsDisabled)
    $drainKnown = ($null -ne $drain) -or ($null -ne $d.TerminalServer -and $null -eq $d.TerminalServer.TSServerDrainMode)
    if ($wsd -eq 1) { Set-RdpFact $c 'server.logon_mode' 'disabled' }
    elseif ($drain -eq 2) { Set-RdpFact $c 'server.logon_mode' 'drain' }
    elseif ($drain -eq 1) { Set-RdpFact $c 'server.logon_mode' 'drain_until_restart' }
    elseif ($wsdKnown -and $drainKnown) { Set-RdpFact $c 'server.logon_mode' 'enabled' }
    $tls12 = Get-RdpSchannelOffered $d.Tls12Server
    if ($null -ne $tls12) { Set-RdpFact $c 'server.tls12_enabled' $tls12 }
    $enabled = Get-RdpValue $d 'Tls12Server' 'Enabled'
    if ($tls12 -eq $false -and -not ($null -ne $enabled -and $enabled -eq 0)) {
        Add-RdpWarning $c 'Schannel TLS 1.2 Server DisabledByDefault is set: Remote Desktop does not offer TLS 1.2'
    }
    $min = Get-RdpLowestTls (Get-RdpSchannelOffered $d.Tls10Server) (Get-RdpSchannelOffered $d.Tls11Server) $tls12
    if ($null -ne $min) {
        Set-RdpFact $c 'server.tls_min_version' $min
        if ($min -ne '1.0') {
            $older = '1.1'
            if ($min -eq '1.1') { $older = '1.0' }
            Add-RdpWarning $c "Schannel accepts TLS $min or newer only on this host: clients that offer nothing newer than TLS $older (Windows 7 without KB3080079, a client with TLS 1.2 turned off) cannot connect"
        }
    }
}

# --- windows-firewall ------------------------------------------------------------------------
function Read-RdpFirewall($Run) {
    $c = 'windows-firewall'
    $d = $Run.Data
    if ($null -eq $d) { return }
    $netProfile = $null
    $rank = @{ 'public' = 3; 'private' = 2; 'domain' = 1 }
    $names = @{ 0 = 'public'; 1 = 'private'; 2 = 'domain' }
    $seen = @()
    foreach ($p in @(Get-RdpRows $d.Profiles)) {
        if (-not (Test-RdpNumber $p.NetworkCategory)) { continue }
        $n = $names[[int]$p.NetworkCategory]
        if (-not $n) { continue }
        if ($seen -notcontains $n) { $seen += $n }
        if ($null -eq $netProfile -or $rank[$n] -gt $rank[$netProfile]) { $netProfile = $n }
    }
    if ($null -eq $netProfile) { Add-RdpWarning $c 'no connected network profile found'; return }
    Set-RdpFact $c 'server.network_profile' $netProfile
    if ($seen.Count -gt 1) { Add-RdpWarning $c "several networks connected ($($seen -join ', ')); judged by the strictest, $netProfile" }
    $fwName = $netProfile.Substring(0, 1).ToUpper() + $netProfile.Substring(1)
    $fw = @(Get-RdpRows $d.FirewallProfiles) | Where-Object { [string]$_.Name -eq $fwName } | Select-Object -First 1
    if ($fw -and (Test-RdpNumber $fw.Enabled) -and $fw.Enabled -eq 0) {
        Set-RdpFact $c 'server.firewall_rdp_allowed' $true
        Add-RdpWarning $c "Windows Firewall is off for the $fwName profile"
        return
    }
    if ($fw -and (Test-RdpNumber $fw.AllowInboundRules) -and $fw.AllowInboundRules -eq 0) {
        Set-RdpFact $c 'server.firewall_rdp_allowed' $false
        Add-RdpWarning $c "the $fwName firewall profile blocks all incoming connections, including allowed apps (AllowInboundRules False): no inbound rule applies"
        return
    }
    if ($fw -and $fw.DefaultInboundAction -eq 2) { Set-RdpFact $c 'server.firewall_rdp_allowed' $true; return }
    if ($null -eq $d.Rules -and $null -eq $d.PortRules) {
        Add-RdpWarning $c 'Remote Desktop firewall rules could not be read; firewall_rdp_allowed unknown'
        return
    }
    $bit = @{ 'domain' = 1; 'private' = 2; 'public' = 4 }[$netProfile]
    $allowing = @()
    $blocking = @()
    $ignored = @()
    $done = @{}
    $rules = @(Get-RdpRows $d.Rules) + @(Get-RdpRows $d.PortRules)
    foreach ($r in $rules) {
        if ($r.Name -and $done.ContainsKey([string]$r.Name)) { continue }
        if ($r.Name) { $done[[string]$r.Name] = $true }
        # only rules that carry RDP: TCP (or any), the listener's port (or any), no program but svchost.exe or System
        $notRdp = $null
        $protocol = [string]$r.Protocol
        if ($protocol -and @('TCP', '6', 'Any') -notcontains $protocol) { $notRdp = $protocol }
        $listed = @(@(Get-RdpRows $r.LocalPort) | ForEach-Object { [string]$_ } | Where-Object { $_.Trim() })
        if (-not $notRdp -and (Test-RdpNumber $d.Port) -and $listed.Count -gt 0) {
            $hit = $false
            foreach ($lp in $listed) {
                if ($lp.Trim() -eq 'Any' -or $lp.Trim() -eq [string]$d.Port) { $hit = $true }
                elseif ($lp.Trim() -match '^(\d{1,5})-(\d{1,5})$' -and [long]$Matches[1] -le $d.Port -and $d.Port -le [long]$Matches[2]) { $hit = $true }
            }
            if (-not $hit) { $notRdp = 'port ' + ($listed -join ',') }
        }
        $program = [string]$r.Program
        if (-not $notRdp -and $program -and @('Any', 'System') -notcontains $program -and ($program -replace '^.*\\', '') -ne 'svchost.exe') { $notRdp = "program $program" }
        if ($notRdp) {
            if ([int]$r.Enabled -eq 1 -and [int]$r.Direction -eq 1 -and [int]$r.Action -eq 2) {
                $label = [string]$r.DisplayName
                if (-not $label) { $label = [string]$r.Name }
                $ignored += "$label ($notRdp)"
            }
            continue
        }
        $covers = ([int]$r.Profile -eq 0) -or (([int]$r.Profile -band $bit) -ne 0)
        if ([int]$r.Enabled -eq 1 -and [int]$r.Direction -eq 1 -and $covers) {
            $label = [string]$r.DisplayName
            if (-not $label) { $label = [string]$r.Name }
            if ([int]$r.Action -eq 4) { $blocking += $label }
            elseif ([int]$r.Action -eq 2) { $allowing += $label }
        }
    }
    if ($blocking.Count -gt 0) {
        Set-RdpFact $c 'server.firewall_rdp_allowed' $false
        Add-RdpWarning $c "inbound block rule for Remote Desktop on the $fwName profile: $($blocking -join ', ')"
    } else {
        Set-RdpFact $c 'server.firewall_rdp_allowed' ($allowing.Count -gt 0)
        if ($allowing.Count -eq 0) { Add-RdpWarning $c "no enabled inbound Remote Desktop rule for the $($netProfile) profile" }
    }
    if (($blocking.Count -gt 0 -or $allowing.Count -eq 0) -and $ignored.Count -gt 0) {
        $rdpPort = 3389
        if (Test-RdpNumber $d.Port) { $rdpPort = $d.Port }
        Add-RdpWarning $c "rules that do not carry RDP on TCP $($rdpPort) were not counted: $($ignored -join ', ')"
    }
}

# --- windows-rdp-certificate -----------------------------------------------------------------
function Read-RdpCertificate($Run) {
    $c = 'windows-rdp-certificate'
    $d = $Run.Data
    if ($null -eq $d) { return }
    $now = ConvertTo-RdpDate $d.Now
    if ($null -eq $now) { $now = $script:Now }
    $certs = @()
    foreach ($x in @(Get-RdpRows $d.Certificates)) {
        $notAfter = ConvertTo-RdpDate $x.NotAfter
        if ($null -eq $notAfter) { Add-RdpWarning $c "certificate $($x.Thumbprint) has no readable NotAfter"; continue }
        $store = [string]$x.Store
        if (-not $store) { $store = 'Remote Desktop' }
        $certs += [pscustomobject]@{ Store = $store; Thumbprint = [string]$x.Thumbprint; NotAfter = $notAfter; SelfSigned = ([string]$x.Subject -eq [string]$x.Issuer) }
    }
    $inUse = $null
    $configured = [string]$d.ConfiguredThumbprint
    if ($configured.Trim()) {
        $inUse = $certs | Where-Object { $_.Thumbprint -eq $configured.Trim() } | Select-Object -First 1
        if (-not $inUse) { Add-RdpWarning $c "the RDP-Tcp listener names certificate $($configured.Trim()), which is in neither the Remote Desktop nor the Personal store" }
    }
    if (-not $inUse) {
        $inUse = $certs | Where-Object { $_.Store -eq 'Remote Desktop' } | Sort-Object -Property NotAfter -Descending | Select-Object -First 1
    }
    if ($inUse) {
        Set-RdpFact $c 'server.cert_expired' ($inUse.NotAfter -lt $now)
        Set-RdpFact $c 'tls.cert_days_left' ([long][Math]::Floor(($inUse.NotAfter - $now).TotalDays))
        Set-RdpFact $c 'tls.cert_self_signed' $inUse.SelfSigned
        # not when the listener names a certificate that is in neither store: what it presents then is a guess
        $named = (-not $configured.Trim()) -or ($inUse.Thumbprint -eq $configured.Trim())
        if ($named -and $inUse.Thumbprint.Trim()) { Set-RdpFact $c 'server.rdp_cert_thumbprint' $inUse.Thumbprint.Trim().ToUpperInvariant() }
        if (-not $inUse.SelfSigned) { return }
    } elseif ($certs.Count -eq 0) {
        Add-RdpWarning $c 'no certificate in the Remote Desktop store (TermService makes one when it starts)'
    }
    if ($null -eq $d.KeyFiles) { Add-RdpWarning $c 'MachineKeys could not be listed; machinekeys_ok unknown'; return }
    $files = @(@(Get-RdpRows $d.KeyFiles) | ForEach-Object { [string]$_.Name })
    if ($files.Count -eq 0) {
        Set-RdpFact $c 'server.machinekeys_ok' $false
        Add-RdpWarning $c 'no RDP key file f686aace6942fb7f7ceb231212eef4a4* in MachineKeys'
        return
    }
    if ($null -eq $d.KeyAccess) { Add-RdpWarning $c 'access rules of the RDP key file could not be read; machinekeys_ok unknown'; return }
    $sids = @('S-1-5-20', 'S-1-1-0', 'S-1-5-11', 'S-1-5-6', 'S-1-5-32-545')
    $names = @('network service', 'netzwerkdienst', 'everyone', 'jeder', 'authenticated users', 'authentifizierte benutzer', 'service', 'dienst', 'users', 'benutzer')
    $ok = $false
    foreach ($f in $files) {
        $allow = $false
        $deny = $false
        foreach ($a in @(Get-RdpRows $d.KeyAccess)) {
            if ($a.File -and [string]$a.File -ne $f) { continue }
            if ($a.Sid) { $concerns = $sids -contains ([string]$a.Sid).ToUpper() }
            else { $concerns = $names -contains (([string]$a.Identity) -replace '^.*\\', '').ToLower() }
            $rights = [long]$a.Rights
            $read = (($rights -band 1) -ne 0) -or (($rights -band [long]2147483648) -ne 0) -or (($rights -band 268435456) -ne 0)
            if (-not $concerns -or -not $read) { continue }
            if ([int]$a.Type -eq 1) { $deny = $true } else { $allow = $true }
        }
        if ($allow -and -not $deny) { $ok = $true }
    }
    Set-RdpFact $c 'server.machinekeys_ok' $ok
    if (-not $ok) { Add-RdpWarning $c "NETWORK SERVICE cannot read the RDP key file $($files -join ', ')" }
}

# --- windows-sessions ------------------------------------------------------------------------
$script:StateWords = @{
    'active' = 'active'; 'aktiv' = 'active'; 'actif' = 'active'; 'activo' = 'active'; 'attivo' = 'active'
    'disc' = 'disconnected'; 'disconnected' = 'disconnected'; 'getr.' = 'disconnected'; 'getr' = 'disconnected'
    'getrennt' = 'disconnected'; ([string][char]0x64 + [char]0xE9 + 'co') = 'disconnected'; 'deco' = 'disconnected'
    'desc' = 'disconnected'; 'desconectado' = 'disconnected'; 'disconn' = 'disconnected'
    'conn' = 'connected'; 'connected' = 'connected'; 'verb.' = 'connected'; 'verbunden' = 'connected'; 'conectado' = 'connected'
    'connq' = 'connectquery'; 'connectquery' = 'connectquery'
    'listen' = 'listen'; 'abhoeren' = 'listen'; 'ecouter' = 'listen'; 'escuchar' = 'listen'; 'escucha' = 'listen'
    'idle' = 'idle'; 'leerlauf' = 'idle'; 'inactif' = 'idle'; 'inactivo' = 'idle'
    'shadow' = 'shadow'; 'reset' = 'reset'; 'down' = 'down'; 'init' = 'init'
}

function Get-RdpSessionState([string]$Word) {
    $w = $Word.Trim().ToLower()
    $s = $script:StateWords[$w]
    if (-not $s -and ($w.StartsWith('abh') -or $w.StartsWith([string][char]0xE9 + 'cout'))) { $s = 'listen' }
    return $s
}

function Get-RdpIdleMinutes([string]$Text) {
    $t = $Text.Trim().ToLower()
    if (@('.', 'none', 'kein', 'keine', 'aucun', 'aucune', 'ninguno') -contains $t) { return [long]0 }
    if ($t -match '^(?:(\d+)\+)?(?:(\d+):)?(\d+)$') {
        $days = 0; $hours = 0
        if ($Matches[1]) { $days = [long]$Matches[1] }
        if ($Matches[2]) { $hours = [long]$Matches[2] }
        return [long]($days * 1440 + $hours * 60 + [long]$Matches[3])
    }
    return [long]-1
}

function Read-RdpSessions($Run) {
    $c = 'windows-sessions'
    $d = $Run.Data
    if ($null -eq $d) { return }
    $winstations = @()
    $first = $true
    $qwinstaLines = @(@(Get-RdpRows $d.Qwinsta) | ForEach-Object { [string]$_ } | Where-Object { $_.Trim() })
    foreach ($l in $qwinstaLines) {
        $line = [string]$l
        if ($first) { $first = $false; if ($line -notmatch '\s\d+(\s|$)') { continue } }
        if ($line -match '^[ >]?(\S+)?\s+(?:(\S+)\s+)?(\d+)\s+(\S+)(?:\s.*)?$') {
            $session = $Matches[1]; $user = $Matches[2]; $word = $Matches[4]
            $state = Get-RdpSessionState $word
            if (-not $state) { $state = $word.ToLower() }
            $winstations += [pscustomobject]@{ Session = $session; User = $user; State = $state }
        }
    }
    $qwinstaOk = ([int]$d.QwinstaExitCode -eq 0) -and $winstations.Count -gt 0
    if ($qwinstaOk) {
        $listening = @($winstations | Where-Object { $_.Session -eq 'rdp-tcp' -and $_.State -eq 'listen' }).Count -gt 0
        if ($listening) { Set-RdpFact $c 'server.listener_state' 'listen' } else { Set-RdpFact $c 'server.listener_state' 'down' }
    } elseif ($qwinstaLines.Count -gt 0) {
        Add-RdpWarning $c "qwinsta failed (exit code $($d.QwinstaExitCode)): $($qwinstaLines[0])"
    }
    $users = @()
    $quser = @(@(Get-RdpRows $d.Quser) | ForEach-Object { [string]$_ } | Where-Object { $_.Trim() })
    $first = $true
    foreach ($line in $quser) {
        if ($first) { $first = $false; if ($line -notmatch '\s\d+\s') { continue } }
        if ($line -match '^[ >]?(\S+)\s+(?:(\S+)\s+)?(\d+)\s+(\S+)\s+(\S+)\s+(\S.*?)\s*$') {
            $user = $Matches[1]; $session = $Matches[2]; $word = $Matches[4]; $idle = $Matches[5]
            $state = Get-RdpSessionState $word
            if (-not $state) { Add-RdpWarning $c "unknown session state '$word' for $user"; $state = $word.ToLower() }
            $users += [pscustomobject]@{ Session = $session; User = $user; State = $state; Idle = (Get-RdpIdleMinutes $idle) }
        } elseif (-not $line.Trim().EndsWith('*')) {
            Add-RdpWarning $c "unreadable quser line: $($line.Trim())"
        }
    }
    $quserOk = ([int]$d.QuserExitCode -eq 0) -and $users.Count -gt 0
    $noUsers = ([int]$d.QuserExitCode -eq 1) -and $users.Count -eq 0 -and $quser.Count -le 2 -and @($quser | Where-Object { $_.Trim().EndsWith('*') }).Count -gt 0
    if (-not $quserOk -and -not $noUsers -and $qwinstaOk) {
        $users = @($winstations | Where-Object { $_.User -and $_.State -ne 'listen' } | ForEach-Object {
            [pscustomobject]@{ Session = $_.Session; User = $_.User; State = $_.State; Idle = [long]-1 } })
        if ($quser.Count -gt 0) { Add-RdpWarning $c "quser failed (exit code $($d.QuserExitCode)): $($quser[0].Trim()); sessions from qwinsta" }
    }
    if ($quserOk -or $noUsers -or $qwinstaOk) {
        foreach ($u in $users) {
            $s = [ordered]@{ user = $u.User; state = $u.State }
            if ($u.Idle -ge 0) { $s.idle_minutes = $u.Idle }
            [void]$script:Sessions.Add($s)
        }
        Set-RdpFact $c 'server.session_count' ([long]@($users | Where-Object { $_.Session -ne 'console' }).Count)
    }
    $limit = $null
    foreach ($v in @((Get-RdpValue $d 'PolicyLimits' 'MaxInstanceCount'), (Get-RdpValue $d 'RdpTcpLimits' 'MaxInstanceCount'))) {
        if ($null -eq $limit -and $null -ne $v) {
            $n = $v -band [long]4294967295
            if ($n -gt 0 -and $n -lt [long]4294967295) { $limit = $n }
        }
    }
    if ($null -eq $limit -and $d.ProductType -eq 1) { $limit = [long]1 }
    if ($null -eq $limit -and (Test-RdpNumber $d.TerminalServerMode) -and $d.TerminalServerMode -eq 0) { $limit = [long]2 }
    Set-RdpFact $c 'server.session_limit' $limit 0
}

# --- windows-events --------------------------------------------------------------------------
function Read-RdpEvents($Run) {
    $c = 'windows-events'
    $bad = 0
    foreach ($e in @(Get-RdpRows $Run.Data)) {
        if (-not (Test-RdpNumber $e.Id)) { $bad++; continue }
        $ev = [ordered]@{ log = [string]$e.LogName; source = [string]$e.ProviderName; id = [int]$e.Id }
        $time = ConvertTo-RdpDate $e.TimeCreated
        if ($null -ne $time) { $ev.time = Format-RdpIso $time }
        $message = ([string]$e.Message -replace '\s+', ' ').Trim()
        if ($message.Length -gt 1000) { $message = $message.Substring(0, 1000) }
        if ($message) { $ev.message = $message }
        [void]$script:Events.Add($ev)
    }
    if ($bad -gt 0) { Add-RdpWarning $c "$bad event(s) without a readable Id were left out" }
}

# --- windows-licensing -----------------------------------------------------------------------
function Read-RdpLicensing($Run) {
    $c = 'windows-licensing'
    $d = $Run.Data
    if ($null -eq $d) { return }
    if (Test-RdpNumber $d.TerminalServerMode) { Set-RdpFact $c 'server.rdsh_role' ($d.TerminalServerMode -eq 1) }
    if ((Test-RdpNumber $d.TerminalServerMode) -and $d.TerminalServerMode -eq 0) { return }
    if (Test-RdpNumber $d.LicensingType) {
        $mode = @{ 2 = 'per_device'; 4 = 'per_user'; 5 = 'not_configured' }[[int]$d.LicensingType]
        if ($mode) { Set-RdpFact $c 'server.licensing_mode' $mode }
    }
    if ((Test-RdpNumber $d.GracePeriodDays) -and ($null -eq $d.GraceReturnValue -or $d.GraceReturnValue -eq 0)) {
        Set-RdpFact $c 'server.licensing_grace_days' ([long][Math]::Max(0, [long]$d.GracePeriodDays))
    } elseif ((Test-RdpNumber $d.GraceReturnValue) -and $d.GraceReturnValue -ne 0) {
        Add-RdpWarning $c "GetGracePeriodDays failed with return value $($d.GraceReturnValue)"
    }
    $reachable = @()
    $unreachable = @()
    foreach ($s in @(Get-RdpRows $d.LicenseServers)) {
        if ($s.Reachable -eq $true) { $reachable += [string]$s.Name } else { $unreachable += [string]$s.Name }
    }
    if ($reachable.Count + $unreachable.Count -gt 0) {
        Set-RdpFact $c 'server.license_server_reachable' ($reachable.Count -gt 0)
        if ($unreachable.Count -gt 0) { Add-RdpWarning $c "license server(s) not answering on TCP 135: $($unreachable -join ', ')" }
    } elseif ($d.TerminalServerMode -eq 1) {
        Add-RdpWarning $c 'RD Session Host without a configured license server'
    }
}

# --- windows-updates -------------------------------------------------------------------------
function Read-RdpUpdates($Run) {
    $c = 'windows-updates'
    $d = $Run.Data
    if ($null -eq $d) { return }
    $now = ConvertTo-RdpDate $d.Now
    if ($null -eq $now) { $now = $script:Now }
    $fixes = @()
    foreach ($h in @(Get-RdpRows $d.HotFixes)) {
        if ($h.HotFixID) { $fixes += [pscustomobject]@{ Id = ([string]$h.HotFixID).Trim(); InstalledOn = (ConvertTo-RdpDate $h.InstalledOn) } }
    }
    $newest = $fixes | Where-Object { $null -ne $_.InstalledOn } | Sort-Object -Property InstalledOn -Descending | Select-Object -First 1
    if ($newest) {
        Set-RdpFact $c ($script:Prefix + 'last_update_days') (Get-RdpDaysSince $newest.InstalledOn $now) 0
        if ($Side -eq 'Host' -and $newest.Id -match '^KB\d+$') { Set-RdpFact $c 'server.recent_update' $newest.Id.ToUpper() }
    } elseif ($null -ne $d.HotFixes) {
        if ($fixes.Count -eq 0) { Add-RdpWarning $c 'no installed updates listed' } else { Add-RdpWarning $c 'no installed update has an install date' }
    }
    if ($Side -ne 'Host') { return }
    # CredSSP (CVE-2018-0886) update of 13 March 2018, as WindowsFacts.credsspPatched decides it
    $build = $null
    if ($null -ne $d.CurrentBuild -and [string]$d.CurrentBuild -match '^\d+$') { $build = [long][string]$d.CurrentBuild }
    $ubr = $null
    if (Test-RdpNumber $d.UBR) { $ubr = [long]$d.UBR }
    $fixedUbr = @{ 10240 = 17797; 10586 = 1478; 14393 = 2125; 15063 = 966; 16299 = 309; 17134 = 1 }
    $kbs = @('KB4088875', 'KB4088878', 'KB4088877', 'KB4088880', 'KB4088876', 'KB4088879', 'KB4103718', 'KB4103712', 'KB4103730', 'KB4103726', 'KB4103725', 'KB4103715', 'KB4056564')
    $patched = $null
    if ($null -ne $build -and $build -ge 17763) { $patched = $true }
    elseif ($null -ne $build -and $fixedUbr.ContainsKey([int]$build)) { if ($null -ne $ubr) { $patched = ($ubr -ge $fixedUbr[[int]$build]) } }
    elseif ($null -ne $build -and $build -gt 9600) { $patched = $null }
    elseif (@($fixes | Where-Object { $kbs -contains $_.Id.ToUpper() }).Count -gt 0) { $patched = $true }
    elseif ($newest) { $patched = ($newest.InstalledOn -ge (New-Object DateTime 2018, 3, 13, 0, 0, 0, ([DateTimeKind]::Utc))) }
    Set-RdpFact $c 'server.credssp_patched' $patched
}

# --- windows-security-products ---------------------------------------------------------------
$script:SecurityServices = [ordered]@{
    'WinDefend' = 'Microsoft Defender Antivirus'; 'Sense' = 'Microsoft Defender for Endpoint'
    'CSFalconService' = 'CrowdStrike Falcon'; 'SentinelAgent' = 'SentinelOne'
    'SepMasterService' = 'Symantec Endpoint Protection'; 'ccSvcHst' = 'Symantec/Norton'
    'mfemms' = 'Trellix (McAfee) Endpoint Security'; 'masvc' = 'Trellix (McAfee) Agent'
    'SAVService' = 'Sophos Anti-Virus'; 'ekrn' = 'ESET Endpoint Security'; 'AVP*' = 'Kaspersky Endpoint Security'
    'ntrtscan' = 'Trend Micro Apex One'; 'TmListen' = 'Trend Micro Apex One'; 'CylanceSvc' = 'Cylance'
    'CbDefense' = 'VMware Carbon Black'; 'cyserver' = 'Palo Alto Networks Cortex XDR'; 'xagt' = 'Trellix (FireEye) HX'
    'EPSecurityService' = 'Bitdefender Endpoint Security'; 'MBAMService' = 'Malwarebytes'; 'WRSVC' = 'Webroot SecureAnywhere'
}

function Read-RdpSecurityProducts($Run) {
    $c = 'windows-security-products'
    $d = $Run.Data
    if ($null -eq $d) { return }
    $products = @()
    foreach ($av in @(Get-RdpRows $d.AntiVirus)) {
        if (-not $av.displayName) { continue }
        $on = $true
        if (Test-RdpNumber $av.productState) { $on = ((([long]$av.productState) -shr 12) -band 0xF) -eq 1 }
        if ($on) { $products += [string]$av.displayName }
        elseif ([string]$av.displayName -notmatch 'Windows Defender|Microsoft Defender') { Add-RdpWarning $c "$($av.displayName) is installed but its real-time protection is off" }
    }
    foreach ($svc in @(Get-RdpRows $d.Services)) {
        if ([string]$svc.Status -ne '4' -and [string]$svc.Status -ne 'Running') { continue }
        foreach ($k in $script:SecurityServices.Keys) {
            if ([string]$svc.Name -like $k) { $products += $script:SecurityServices[$k]; break }
        }
    }
    if ($null -eq $d.Services -and $null -eq $d.AntiVirus) { Add-RdpWarning $c 'neither Security Center nor the services could be read'; return }
    $third = @($products | Where-Object { $_ -notmatch 'Windows Defender|Microsoft Defender' } | Sort-Object -Unique)
    if ($third.Count -eq 0) { Set-RdpFact $c ($script:Prefix + 'security_software') 'none' }
    else { Set-RdpFact $c ($script:Prefix + 'security_software') ($third -join ', ') }
}

# --- windows-os ------------------------------------------------------------------------------
function Read-RdpOs($Run) {
    $c = 'windows-os'
    $d = $Run.Data
    if ($null -eq $d) { return }
    $caption = ([string]$d.Caption).Trim() -replace '\s+', ' '
    if ($caption) {
        $w = $caption.ToLower().IndexOf('windows')
        if ($w -gt 0) { $caption = $caption.Substring($w) }
        $version = [string]$d.DisplayVersion
        if (-not $version) { $version = [string]$d.ReleaseId }
        if ($d.ProductType -eq 1 -and $version -and -not $caption.Contains($version)) { $caption = "$caption $version" }
        Set-RdpFact $c ($script:Prefix + 'os') $caption
    } else {
        Add-RdpWarning $c 'the OS name could not be read'
    }
    if ($Side -ne 'Host') { return }
    if (([string]$d.ComputerName).Trim()) { Set-RdpFact $c 'server.computer_name' ([string]$d.ComputerName).Trim() }
    $all = (@([string]$d.Manufacturer, [string]$d.Model, [string]$d.BiosManufacturer, [string]$d.BiosVersion) -join '|').ToLower()
    $tag = ([string]$d.ChassisAssetTag).Trim()
    $serial = ([string]$d.BiosSerialNumber).Trim().ToLower()
    if (-not $all.Replace('|', '').Trim() -and -not $tag -and -not $serial) { return }
    if ($tag -eq '7783-7084-3265-9085-8269-3286-77') { Set-RdpFact $c 'server.cloud' 'azure' }
    elseif ($all.Contains('amazon') -or $serial.StartsWith('ec2')) { Set-RdpFact $c 'server.cloud' 'aws' }
    elseif ($all.Contains('google')) { Set-RdpFact $c 'server.cloud' 'gcp' }
    else { Set-RdpFact $c 'server.cloud' 'none' }
}

# --- windows-client-rdp ----------------------------------------------------------------------
function Read-RdpClientRdp($Run) {
    $c = 'windows-client-rdp'
    $d = $Run.Data
    if ($null -eq $d) { return }
    if ($null -eq $d.CmdkeyTargets -or ((Test-RdpNumber $d.CmdkeyExitCode) -and $d.CmdkeyExitCode -ne 0)) {
        Add-RdpWarning $c 'cmdkey /list failed; saved_credentials unknown'
    } else {
        $saved = $false
        foreach ($l in @(Get-RdpRows $d.CmdkeyTargets)) {
            foreach ($m in [regex]::Matches([string]$l, '(?i)TERMSRV/([^\s"]+)')) {
                if ($Target -like $m.Groups[1].Value) { $saved = $true }
            }
        }
        Set-RdpFact $c 'client.saved_credentials' $saved
    }
    foreach ($s in @(Get-RdpRows $d.Servers)) {
        if ([string]$s.Name -eq $Target -and $s.UsernameHint) { Set-RdpFact $c 'client.user' ([string]$s.UsernameHint) }
    }
    if (Test-RdpNumber $d.AllowEncryptionOracle) { Set-RdpFact $c 'client.credssp_oracle' ([long]$d.AllowEncryptionOracle) 0 2 }
    if ($d.CredentialGuardRunning -is [bool]) { Set-RdpFact $c 'client.credential_guard' $d.CredentialGuardRunning }
    if ($d.ComputerName) { Set-RdpFact $c 'client.computer_name' ([string]$d.ComputerName) }
    if ($null -ne $d.DefaultRdp) {
        if (Test-RdpNumber $d.DefaultRdp.EnableCredSspSupport) { Set-RdpFact $c 'client.credssp_support' ([long]$d.DefaultRdp.EnableCredSspSupport -ne 0) }
        $changed = ConvertTo-RdpDate $d.DefaultRdp.LastWriteTime
        $when = ''
        if ($null -ne $changed) { $when = ', changed ' + (Format-RdpIso $changed).Substring(0, 10) }
        Add-RdpWarning $c "Documents\Default.rdp exists ($($d.DefaultRdp.Length) bytes$when): mstsc reads it on every start; if every connection from this PC fails, rename it and retry"
    }
    if ($null -ne $d.Schannel) {
        $tls10 = Get-RdpSchannelOffered $d.Schannel.'TLS 1.0'
        $tls11 = Get-RdpSchannelOffered $d.Schannel.'TLS 1.1'
        $tls12 = Get-RdpSchannelOffered $d.Schannel.'TLS 1.2'
        if ($null -ne $tls12) { Set-RdpFact $c 'client.tls12_enabled' $tls12 }
        $min = Get-RdpLowestTls $tls10 $tls11 $tls12
        if ($null -ne $min) {
            Set-RdpFact $c 'client.tls_min_version' $min
            if ($min -ne '1.0') { Add-RdpWarning $c "Schannel offers TLS $min or newer only on this client: hosts and RD Gateways whose highest version is older (Windows Server 2008 R2 without KB3080079) refuse it" }
        }
        if ($tls12 -eq $false) { Add-RdpWarning $c 'Schannel TLS 1.2 is turned off on this client: hosts that accept TLS 1.2 or newer only refuse it' }
    }
}

# --- windows-client-vpn ----------------------------------------------------------------------
function Read-RdpClientVpn($Run) {
    $c = 'windows-client-vpn'
    $d = $Run.Data
    if ($null -eq $d) { return }
    if ($null -eq $d.Adapters -and $null -eq $d.VpnConnections) { Add-RdpWarning $c 'neither network adapters nor VPN connections could be read'; return }
    $pattern = 'vpn|wan miniport|tap-windows|tap-win32|wintun|wireguard|anyconnect|cisco secure client|juniper|pulse secure|ivanti|fortinet|forticlient|globalprotect|pangp|palo alto|check point|sonicwall|netextender|zscaler|openvpn|nordlynx|big-ip edge|f5 networks|array networks|openconnect|softether'
    $active = @()
    foreach ($a in @(Get-RdpRows $d.Adapters)) {
        $status = [string]$a.Status
        if (-not $status) { $status = 'Up' }
        if ($status -eq 'Up' -and [string]$a.InterfaceDescription -match $pattern) { $active += [string]$a.Name }
    }
    foreach ($v in @(Get-RdpRows $d.VpnConnections)) {
        if ([string]$v.ConnectionStatus -eq 'Connected') { $active += [string]$v.Name }
    }
    Set-RdpFact $c 'client.vpn_active' ($active.Count -gt 0)
}

# --- windows-domain --------------------------------------------------------------------------
function Read-RdpDomain($Run) {
    $c = 'windows-domain'
    $d = $Run.Data
    if ($null -eq $d -or $d.PartOfDomain -ne $true) { return }
    $domain = [string]$d.Domain
    if (-not $domain) { $domain = 'its domain' }
    if ($d.SecureChannel -is [bool]) {
        Set-RdpFact $c 'server.secure_channel_ok' $d.SecureChannel
        if (-not $d.SecureChannel) { Add-RdpWarning $c "the secure channel with $domain is broken (Test-ComputerSecureChannel returned False)" }
    } else {
        Add-RdpWarning $c "the secure channel with $domain was not tested"
    }
}

# --- windows-entra ---------------------------------------------------------------------------
function Read-RdpEntra($Run) {
    $c = 'windows-entra'
    $d = $Run.Data
    if ($null -eq $d) { return }
    $joined = ([string]$d.AzureAdJoined).Trim().ToUpper()
    if ($joined -ne 'YES' -and $joined -ne 'NO') { return }
    $domain = ([string]$d.DomainJoined).Trim().ToUpper() -eq 'YES'
    $registered = ([string]$d.WorkplaceJoined).Trim().ToUpper() -eq 'YES'
    $tenant = $null
    if ($joined -eq 'YES') {
        if ($domain) { $state = 'hybrid_joined' } else { $state = 'joined' }
        $tenant = ([string]$d.TenantId).Trim()
    } elseif ($registered) {
        $state = 'registered'
        $tenant = ([string]$d.WorkplaceTenantId).Trim()
    } else {
        $state = 'none'
    }
    Set-RdpFact $c ($script:Prefix + 'entra_join') $state
    if ($tenant) { Set-RdpFact $c ($script:Prefix + 'entra_tenant_id') $tenant.ToLower() }
}

# ---------------------------------------------------------------------------------------------
$started = [DateTime]::UtcNow
if ($Side -eq 'Host') {
    Read-RdpServices (Invoke-RdpSnippet 'windows-services' 'Get-RdpRawServices')
    Read-RdpSettings (Invoke-RdpSnippet 'windows-rdp-settings' 'Get-RdpRawRdpSettings')
    Read-RdpFirewall (Invoke-RdpSnippet 'windows-firewall' 'Get-RdpRawFirewall')
    Read-RdpCertificate (Invoke-RdpSnippet 'windows-rdp-certificate' 'Get-RdpRawCertificate')
    Read-RdpSessions (Invoke-RdpSnippet 'windows-sessions' 'Get-RdpRawSessions')
    Read-RdpEvents (Invoke-RdpSnippet 'windows-events' 'Get-RdpRawEvents')
    Read-RdpLicensing (Invoke-RdpSnippet 'windows-licensing' 'Get-RdpRawLicensing')
    Read-RdpUpdates (Invoke-RdpSnippet 'windows-updates' 'Get-RdpRawUpdates')
    Read-RdpSecurityProducts (Invoke-RdpSnippet 'windows-security-products' 'Get-RdpRawSecurityProducts')
    Read-RdpOs (Invoke-RdpSnippet 'windows-os' 'Get-RdpRawOs')
    Read-RdpDomain (Invoke-RdpSnippet 'windows-domain' 'Get-RdpRawDomain')
    Read-RdpEntra (Invoke-RdpSnippet 'windows-entra' 'Get-RdpRawEntra')
    $hostName = $Target
    if (-not $hostName) { $hostName = $env:COMPUTERNAME }
} else {
    Read-RdpClientRdp (Invoke-RdpSnippet 'windows-client-rdp' 'Get-RdpRawClientRdp')
    Read-RdpClientVpn (Invoke-RdpSnippet 'windows-client-vpn' 'Get-RdpRawClientVpn')
    Read-RdpSecurityProducts (Invoke-RdpSnippet 'windows-security-products' 'Get-RdpRawSecurityProducts')
    Read-RdpOs (Invoke-RdpSnippet 'windows-os' 'Get-RdpRawOs')
    Read-RdpUpdates (Invoke-RdpSnippet 'windows-updates' 'Get-RdpRawUpdates')
    Read-RdpEntra (Invoke-RdpSnippet 'windows-entra' 'Get-RdpRawEntra')
    $hostName = $Target
}

$doc = [ordered]@{ schema = 'rdp-symptoms/v1'; host = $hostName; collected_at = (Format-RdpIso $started); symptoms = $script:Facts }
if ($script:Events.Count -gt 0) { $doc.events = @($script:Events.ToArray()) }
if ($script:Sessions.Count -gt 0) { $doc.sessions = @($script:Sessions.ToArray()) }
$json = $doc | ConvertTo-Json -Depth 4
foreach ($w in $script:Warnings) { Write-Warning $w }
if ($OutFile) {
    if (-not [System.IO.Path]::IsPathRooted($OutFile)) { $OutFile = Join-Path (Get-Location).ProviderPath $OutFile }
    [System.IO.File]::WriteAllText($OutFile, $json, (New-Object System.Text.UTF8Encoding $false))
    Write-Verbose "written to $OutFile"
} else {
    # Standard output has no encoding of its own: Windows PowerShell 5.1's '>' writes UTF-16, cmd.exe's '>' the OEM code
    # page, and a pipe into a native program uses $OutputEncoding (ASCII, where a u-umlaut becomes '?'). As ASCII, with
    # every other character written as a JSON \uXXXX escape, the document reads the same after each of them.
    Write-Output ([regex]::Replace($json, '[^\x00-\x7F]', { param($m) '\u{0:x4}' -f [int][char]$m.Value }))
}
