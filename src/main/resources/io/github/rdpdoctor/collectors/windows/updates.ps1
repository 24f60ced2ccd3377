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
