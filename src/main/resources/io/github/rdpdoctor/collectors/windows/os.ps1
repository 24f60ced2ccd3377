# The computer's own name, the operating system (edition, version, build, feature version) and the SMBIOS
# strings from which the cloud is told apart: manufacturer, model, BIOS vendor/version/serial, chassis asset tag. No network.
$result = [ordered]@{}
$result.ComputerName = $env:COMPUTERNAME
try {
    $os = Get-CimInstance -ClassName Win32_OperatingSystem
    $result.Caption = $os.Caption
    $result.Version = $os.Version
    $result.BuildNumber = $os.BuildNumber
    $result.ProductType = $os.ProductType
} catch {
    Write-RdpProblem "Win32_OperatingSystem: $($_.Exception.Message)"
}
try {
    $cv = Get-RdpRegistryValues -Path 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion' -Names @('DisplayVersion', 'ReleaseId', 'UBR')
    if ($cv) { $result.DisplayVersion = $cv['DisplayVersion']; $result.ReleaseId = $cv['ReleaseId']; $result.UBR = $cv['UBR'] }
} catch {
    Write-RdpProblem "CurrentVersion: $($_.Exception.Message)"
}
try {
    $cs = Get-CimInstance -ClassName Win32_ComputerSystem
    $result.Manufacturer = $cs.Manufacturer
    $result.Model = $cs.Model
} catch {
    Write-RdpProblem "Win32_ComputerSystem: $($_.Exception.Message)"
}
try {
    $bios = Get-CimInstance -ClassName Win32_BIOS
    $result.BiosManufacturer = $bios.Manufacturer
    $result.BiosVersion = $bios.SMBIOSBIOSVersion
    $result.BiosSerialNumber = $bios.SerialNumber
    $result.ChassisAssetTag = @(Get-CimInstance -ClassName Win32_SystemEnclosure)[0].SMBIOSAssetTag
} catch {
    Write-RdpProblem "Win32_BIOS: $($_.Exception.Message)"
}
$result | ConvertTo-Json -Depth 4 -Compress
