# Domain membership (Win32_ComputerSystem.PartOfDomain, Domain) and, on a domain member, whether its secure
# channel with the domain works: Test-ComputerSecureChannel returns True when a domain controller accepts the
# machine account's password, False when the trust relationship is broken (a restore older than the last
# machine password change, a clone that kept the name, a reset or deleted computer account). A workgroup
# machine has no secure channel and is not tested. Needs a domain controller on the network.
$result = [ordered]@{ PartOfDomain = $null; Domain = $null; SecureChannel = $null }
try {
    $cs = Get-CimInstance -ClassName Win32_ComputerSystem
    $result.PartOfDomain = [bool]$cs.PartOfDomain
    $result.Domain = [string]$cs.Domain
} catch {
    Write-RdpProblem "Win32_ComputerSystem: $($_.Exception.Message)"
}
if ($result.PartOfDomain -eq $true) {
    try {
        $result.SecureChannel = [bool](Test-ComputerSecureChannel -ErrorAction Stop)
    } catch {
        Write-RdpProblem "Test-ComputerSecureChannel: $($_.Exception.Message)"
    }
}
$result | ConvertTo-Json -Depth 4 -Compress
