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
