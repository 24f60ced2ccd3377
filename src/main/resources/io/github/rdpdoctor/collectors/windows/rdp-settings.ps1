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
