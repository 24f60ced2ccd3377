# Helpers shared by the rdp-doctor snippets (Windows PowerShell 5.1).

# The named values of a registry key as an ordered dictionary (values that do not exist are left
# out); $null when the key does not exist. Throws when the key cannot be read (access denied).
function Get-RdpRegistryValues {
    param([string]$Path, [string[]]$Names)
    if (-not (Test-Path -LiteralPath $Path)) {
        return $null
    }
    $key = Get-Item -LiteralPath $Path -ErrorAction Stop
    $values = [ordered]@{}
    foreach ($n in $Names) {
        $v = $key.GetValue($n, $null)
        if ($null -ne $v) {
            $values[$n] = $v
        }
    }
    return $values
}
