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
