# Connected network profiles, the firewall profiles, and the inbound rules that decide whether RDP
# gets in: the Remote Desktop group (@FirewallAPI.dll,-28752, the same in every language) and the
# rules for the RDP port, from the active policy store (local and Group Policy rules). Enums as numbers.
$result = [ordered]@{ Profiles = $null; FirewallProfiles = $null; Rules = $null; PortRules = $null }
try {
    $result.Profiles = @(Get-NetConnectionProfile | ForEach-Object {
        [pscustomobject]@{ Name = $_.Name; InterfaceAlias = $_.InterfaceAlias; NetworkCategory = [int]$_.NetworkCategory }
    })
} catch {
    Write-RdpProblem "Get-NetConnectionProfile: $($_.Exception.Message)"
}
try {
    $result.FirewallProfiles = @(Get-NetFirewallProfile -PolicyStore ActiveStore | ForEach-Object {
        [pscustomobject]@{ Name = [string]$_.Name; Enabled = [int]$_.Enabled; DefaultInboundAction = [int]$_.DefaultInboundAction }
    })
} catch {
    Write-RdpProblem "Get-NetFirewallProfile: $($_.Exception.Message)"
}
function ConvertTo-RdpRule($rule) {
    [pscustomobject]@{ Name = $rule.Name; DisplayName = $rule.DisplayName; Enabled = [int]$rule.Enabled; Profile = [int]$rule.Profile; Direction = [int]$rule.Direction; Action = [int]$rule.Action }
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
    $port = 3389
    $listener = Get-RdpRegistryValues -Path 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp' -Names @('PortNumber')
    if ($listener -and $null -ne $listener['PortNumber']) { $port = $listener['PortNumber'] }
    $result.PortRules = @(Get-NetFirewallPortFilter -PolicyStore ActiveStore |
        Where-Object { $_.Protocol -eq 'TCP' -and @($_.LocalPort) -contains [string]$port } |
        Get-NetFirewallRule | ForEach-Object { ConvertTo-RdpRule $_ })
} catch {
    Write-RdpProblem "firewall rules for the RDP port: $($_.Exception.Message)"
}
$result | ConvertTo-Json -Depth 4 -Compress
