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
