# Security products: Security Center's AntiVirusProduct (client editions only; servers have no
# root/SecurityCenter2) and, on every edition, the services of known endpoint products.
$result = [ordered]@{ ProductType = $null; AntiVirus = $null; Services = $null }
try {
    $result.ProductType = (Get-CimInstance -ClassName Win32_OperatingSystem).ProductType
} catch {
    Write-RdpProblem "Win32_OperatingSystem: $($_.Exception.Message)"
}
if ($result.ProductType -eq 1) {
    try {
        $result.AntiVirus = @(Get-CimInstance -Namespace 'root/SecurityCenter2' -ClassName AntiVirusProduct | Select-Object -Property 'displayName', 'productState')
    } catch {
        Write-RdpProblem "SecurityCenter2: $($_.Exception.Message)"
    }
}
$known = @('WinDefend', 'Sense', 'CSFalconService', 'SentinelAgent', 'SepMasterService', 'ccSvcHst', 'mfemms', 'masvc', 'SAVService', 'ekrn', 'AVP*', 'ntrtscan', 'TmListen', 'CylanceSvc', 'CbDefense', 'cyserver', 'xagt', 'EPSecurityService', 'MBAMService', 'WRSVC')
try {
    $result.Services = @(Get-Service -Name $known -ErrorAction SilentlyContinue | Select-Object -Property 'Name', 'DisplayName', 'Status')
} catch {
    Write-RdpProblem "Get-Service: $($_.Exception.Message)"
}
$result | ConvertTo-Json -Depth 4 -Compress
