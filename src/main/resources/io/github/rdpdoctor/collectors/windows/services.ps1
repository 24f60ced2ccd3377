# Remote Desktop services: TermService (Remote Desktop Services), SessionEnv (Remote Desktop
# Configuration) and UmRdpService (UserMode Port Redirector). Status and StartType print as numbers;
# a service that is not installed is left out.
Get-Service -Name 'TermService', 'SessionEnv', 'UmRdpService' -ErrorAction SilentlyContinue |
    Select-Object -Property 'Name', 'DisplayName', 'Status', 'StartType' |
    ConvertTo-Json -Depth 4 -Compress
