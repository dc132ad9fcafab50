# For VOD suites: calls VOD on the session's emulator directly, for what the suite's own cmdlets do not do
# (template groups). Import after Start-TestEmulator.

# -Service Ram, Sts or Mts calls that product instead.
# -MaxAttempts: tries per call (5 by default), for emulators that inject faults.
function Invoke-TestVod([string] $Action, [hashtable] $Parameters = @{}, [ValidateSet('Vod', 'Ram', 'Sts', 'Mts')] [string] $Service = 'Vod', [int] $MaxAttempts = 5) {
    $client = New-TestRpcClient $Service $MaxAttempts
    $client.CallAsync($Action, (ConvertTo-TestParameters $Parameters), [Threading.CancellationToken]::None).GetAwaiter().GetResult().GetRawText() | ConvertFrom-Json
}

# Many calls of one VOD action at once, one per parameter set, outside the account's QPS budget (to set up large
# catalogues quickly); waits for all and throws on the first failure.
function Invoke-TestVodMany([string] $Action, [hashtable[]] $ParameterSets, [int] $Concurrency = 100) {
    $client = New-TestRpcClient Vod 5 -NoQpsBudget
    for ($start = 0; $start -lt $ParameterSets.Count; $start += $Concurrency) {
        $tasks = foreach ($set in $ParameterSets[$start..([Math]::Min($ParameterSets.Count, $start + $Concurrency) - 1)]) {
            $client.CallAsync($Action, (ConvertTo-TestParameters $set), [Threading.CancellationToken]::None)
        }
        [Threading.Tasks.Task]::WaitAll([Threading.Tasks.Task[]]@($tasks))
    }
}

function New-TestRpcClient([string] $Service, [int] $MaxAttempts, [switch] $NoQpsBudget) {
    $options = [VodTools.Api.ClientOptions]::new()
    $options.Retry = [VodTools.Api.Http.RetryPolicy]::new($MaxAttempts, [TimeSpan]::FromMilliseconds(50), [TimeSpan]::FromSeconds(1))
    $options.UseQpsBudget = -not $NoQpsBudget
    $context = [VodTools.Commands.Common.VodContext]::Current.Settings
    [VodTools.Api.RpcClient]::new([VodTools.Api.RpcService]::$Service, $context.Endpoints[[VodTools.Api.Endpoints.CloudService]::$Service],
        [VodTools.Api.Credentials.StaticCredentialProvider]::new([VodTools.Api.Credentials.CloudCredentials]::new($context.AccessKeyId, $context.AccessKeySecret), 'test'), [VodTools.Api.Http.HttpTransport]::Shared, $options)
}

function ConvertTo-TestParameters([hashtable] $Parameters) {
    $pairs = [System.Collections.Generic.List[System.Collections.Generic.KeyValuePair[string, string]]]::new()
    foreach ($p in $Parameters.GetEnumerator()) { $pairs.Add([System.Collections.Generic.KeyValuePair[string, string]]::new($p.Key, $p.Value)) }
    , $pairs
}

# The account's default transcode template group (the emulator starts with one).
function Get-TestTemplateGroupId {
    (Invoke-TestVod ListTranscodeTemplateGroup).TranscodeTemplateGroupList[0].TranscodeTemplateGroupId
}

Export-ModuleMember -Function Invoke-TestVod, Invoke-TestVodMany, Get-TestTemplateGroupId
