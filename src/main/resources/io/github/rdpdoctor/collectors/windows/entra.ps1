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
