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
