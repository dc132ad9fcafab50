# For VOD suites: calls VOD on the session's emulator directly, for what the suite's own cmdlets do not do
# (template groups). Import after Start-TestEmulator.

# -Service Ram, Sts or Mts calls that product instead.
# -MaxAttempts: tries per call (5 by default), for emulators that inject faults.
function Invoke-TestVod([string] $Action, [hashtable] $Parameters = @{}, [ValidateSet('Vod', 'Ram', 'Sts', 'Mts')] [string] $Service = 'Vod', [int] $MaxAttempts = 5) {
    $options = [VodTools.Api.ClientOptions]::new()
    $options.Retry = [VodTools.Api.Http.RetryPolicy]::new($MaxAttempts, [TimeSpan]::FromMilliseconds(50), [TimeSpan]::FromSeconds(1))
    $context = [VodTools.Commands.Common.VodContext]::Current.Settings
    $client = [VodTools.Api.RpcClient]::new([VodTools.Api.RpcService]::$Service, $context.Endpoints[[VodTools.Api.Endpoints.CloudService]::$Service],
        [VodTools.Api.Credentials.StaticCredentialProvider]::new([VodTools.Api.Credentials.CloudCredentials]::new($context.AccessKeyId, $context.AccessKeySecret), 'test'), [VodTools.Api.Http.HttpTransport]::Shared, $options)
    $pairs = [System.Collections.Generic.List[System.Collections.Generic.KeyValuePair[string, string]]]::new()
    foreach ($p in $Parameters.GetEnumerator()) { $pairs.Add([System.Collections.Generic.KeyValuePair[string, string]]::new($p.Key, $p.Value)) }
    $client.CallAsync($Action, $pairs, [Threading.CancellationToken]::None).GetAwaiter().GetResult().GetRawText() | ConvertFrom-Json
}

# The account's default transcode template group (the emulator starts with one).
function Get-TestTemplateGroupId {
    (Invoke-TestVod ListTranscodeTemplateGroup).TranscodeTemplateGroupList[0].TranscodeTemplateGroupId
}

Export-ModuleMember -Function Invoke-TestVod, Get-TestTemplateGroupId
