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
