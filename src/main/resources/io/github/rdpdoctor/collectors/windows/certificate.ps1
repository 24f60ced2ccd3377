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
