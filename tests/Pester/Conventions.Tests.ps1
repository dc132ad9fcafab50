# One meaning per parameter name, checked over every exported cmdlet (Get-Command), so that a new cmdlet or parameter
# cannot bring back a second name for a concept, a second type for a name, a -Force that does extra work or two sources
# of credentials; and the old names, kept as aliases, still run.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-VodToolsUnderTest
    $script:cmdlets = Get-Command -Module VodTools -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-VodToolsUnderTest

    # The naming table: a concept's one name, the type of its value (of each element, for an array), and the names it
    # went by before, which may only be aliases of it.
    $script:concepts = @(
        @{ Name = 'Tag'; Type = [string]; Old = @('Tags') }
        @{ Name = 'CategoryId'; Type = [long]; Old = @('CateId') }
        @{ Name = 'EmulatorUrl'; Type = [uri]; Old = @() }
        @{ Name = 'Url'; Type = [string]; Old = @() }                        # a source URL, never an emulator's address
        @{ Name = 'TimeoutSec'; Type = [int]; Old = @('Timeout', 'StartTimeoutSec') }
        @{ Name = 'AttemptTimeoutSec'; Type = [int]; Old = @() }
        @{ Name = 'AuthTimeoutSec'; Type = [int]; Old = @('AuthTimeout') }
        @{ Name = 'Bucket'; Type = [string]; Old = @() }
        @{ Name = 'MediaId'; Type = [string]; Old = @() }
        @{ Name = 'TemplateGroupId'; Type = [string]; Old = @() }
        @{ Name = 'JournalPath'; Type = [string]; Old = @() }
        @{ Name = 'Path'; Type = [string]; Old = @() }
        @{ Name = 'LiteralPath'; Type = [string]; Old = @() }
        @{ Name = 'Force'; Type = [switch]; Old = @() }
        @{ Name = 'PassThru'; Type = [switch]; Old = @() }
        @{ Name = 'ThrottleLimit'; Type = [int]; Old = @() }
    )
    # -Force means "do not ask" (and, for a file, "replace it"): exactly these cmdlets have it. Extra work has its own switch.
    $script:forceCmdlets = @(
        'Export-VodMigrationReport', 'Initialize-VodBucketAccess', 'New-VodPassMpsRole', 'Remove-OssObject', 'Remove-RamPolicy',
        'Remove-RamRole', 'Remove-RamRolePolicy', 'Remove-VodCategory', 'Remove-VodDomain', 'Remove-VodMedia', 'Reset-VodEmulator',
        'Restore-VodEmulatorState', 'Save-VodEmulatorState'
    )
    # Verbs whose cmdlets leave nothing new to pass on: the only state-changing cmdlets that may emit nothing at all.
    $script:nothingToPass = 'Remove', 'Clear', 'Reset', 'Restore', 'Stop'

    function Get-ElementType([type] $Type) {
        if ($Type -eq [switch]) { return $Type }
        if ($Type.IsArray) { $Type = $Type.GetElementType() }
        $underlying = [Nullable]::GetUnderlyingType($Type)
        if ($underlying) { $underlying } else { $Type }
    }
}

Describe 'The parameters of <Name>' -ForEach $cmdlets {
    BeforeAll {
        $command = Get-Command $Name
        $own = $command.Parameters.Values | Where-Object { $_.Name -notin [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters }
        $attribute = $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $true)[0]
    }

    It 'give each concept of the naming table its one name and type; old names are only aliases of it' {
        foreach ($parameter in $own) {
            $concept = $concepts | Where-Object Name -eq $parameter.Name
            if ($concept) {
                Get-ElementType $parameter.ParameterType | Should -Be $concept.Type -Because "-$($parameter.Name) is $($concept.Name) everywhere"
            }
            $replaced = $concepts | Where-Object { $_.Old -contains $parameter.Name }
            $replaced | Should -BeNullOrEmpty -Because "-$($parameter.Name) is an old name of -$($replaced.Name): a parameter takes the new name, the old one is its alias"
            foreach ($alias in $parameter.Aliases) {
                $of = $concepts | Where-Object { $_.Old -contains $alias }
                if ($of) { $parameter.Name | Should -Be $of.Name -Because "the old name -$alias is an alias of -$($of.Name) only" }
            }
        }
    }

    It 'use -Url for a source URL only: the emulator''s address is -EmulatorUrl (old alias Url)' {
        foreach ($parameter in $own | Where-Object { $_.Aliases -contains 'Url' }) {
            $parameter.Name | Should -BeIn 'EmulatorUrl', 'FileUrl'
        }
        if ($command.ImplementingType.IsSubclassOf([VodTools.Commands.Common.EmulatorAdminCmdletBase])) {
            $command.Parameters['EmulatorUrl'].Aliases | Should -Contain 'Url'
        }
    }

    It 'name every time limit in seconds, TimeoutSec or AttemptTimeoutSec' {
        foreach ($parameter in $own | Where-Object Name -like '*Timeout*') {
            $parameter.Name | Should -BeLike '*TimeoutSec'
            Get-ElementType $parameter.ParameterType | Should -Be ([int])
        }
    }

    It 'give -Force only its one meaning, do not ask (or replace a file), and to every Remove cmdlet' {
        $has = $command.Parameters.ContainsKey('Force')
        $has | Should -Be ($Name -in $forceCmdlets) -Because 'the table lists the cmdlets whose questions -Force answers'
        if ($Name -like 'Remove-*') { $has | Should -BeTrue }
        if ($has) { $attribute.SupportsShouldProcess | Should -BeTrue -Because '-Force answers the questions of -Confirm' }
        foreach ($parameter in $own) { $parameter.Aliases | Should -Not -Contain 'Force' }
        if ($Name -like 'Remove-*') { $attribute.ConfirmImpact | Should -Be 'High' }
    }

    It 'emit something when they change something (with -PassThru where they would emit nothing), unless nothing is left to pass on' {
        if (-not $attribute.SupportsShouldProcess -or $command.Verb -in $nothingToPass) { return }
        $types = @($command.OutputType.Type | Where-Object { $_ -ne [void] })
        $types | Should -Not -BeNullOrEmpty -Because "$Name changes something: it emits what it changed, or takes -PassThru to"
    }

    It 'pair every -Path with a -LiteralPath (aliases PSPath, LP) in a parameter set of its own' {
        if (-not $command.Parameters.ContainsKey('Path')) { return }
        $literal = $command.Parameters['LiteralPath']
        $literal | Should -Not -BeNullOrEmpty
        $literal.Aliases | Should -Contain 'PSPath'
        $literal.Aliases | Should -Contain 'LP'
        @($command.Parameters['Path'].ParameterSets.Keys | Where-Object { $_ -in $literal.ParameterSets.Keys }) | Should -BeNullOrEmpty
    }

    It 'take one source of credentials: PowerShell refuses a key with a profile as it binds them' {
        if (-not $command.Parameters.ContainsKey('AccessKeyId')) { return }
        $failure = $null
        try { & $Name -AccessKeyId LTAIconventions -ProfileName conventions -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be "ParameterBindingFailed,$($command.ImplementingType.FullName)"
    }

    It 'let a bucket be given as -Bucket wherever VOD calls it a storage location' {
        if ($command.Parameters.ContainsKey('StorageLocation')) { $command.Parameters['StorageLocation'].Aliases | Should -Contain 'Bucket' }
    }
}

Describe 'On an emulator' {
    BeforeAll {
        $script:emulator = Start-TestEmulator -SeedSample -TranscodeSeconds 0
    }
    AfterAll {
        Stop-VodEmulator -ProcessId $emulator.ProcessId
    }

    It '-Force answers the question of a Remove cmdlet where no one can, and -WhatIf still only says' {
        $keys = (Get-OssObject -Bucket media-archive -Prefix films/2023/ | Select-Object -First 2).Key
        $child = Invoke-NonInteractive -Emulator $emulator @"
Remove-OssObject -Bucket media-archive -Key '$($keys[0])' -Force -WhatIf
Remove-OssObject -Bucket media-archive -Key '$($keys[0])' -Force
'AFTER-FORCED'
Remove-OssObject -Bucket media-archive -Key '$($keys[1])'
'AFTER-UNFORCED'
"@
        $child.Output | Should -Match "What if: .*oss://media-archive/$([regex]::Escape($keys[0]))"
        $child.Output | Should -Match 'AFTER-FORCED'
        $child.Output | Should -Match 'Remove-OssObject needs a confirmation the host cannot ask'
        $child.Output | Should -Not -Match 'AFTER-UNFORCED'
        Get-OssObject -Bucket media-archive -Key $keys[0] -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        (Get-OssObject -Bucket media-archive -Key $keys[1]).Key | Should -Be $keys[1]
    }

    It 'take the old names, kept as aliases: -Tags, -CateId, -Timeout, -AuthTimeout and the emulator''s -Url' {
        $category = New-VodCategory 'Old names'
        $media = Get-OssObject -Bucket media-archive -Prefix films/2019/ -Include *.mp4 | Select-Object -First 1 | Register-VodMedia -Tags first
        $media | Set-VodMedia -Tags old, names -CateId $category.CateId
        $read = Get-VodMedia -MediaId $media.MediaId
        $read.Tags | Should -Be 'old,names'
        $read.CateId | Should -Be $category.CateId
        (Find-VodMedia -CateId $category.CateId).MediaId | Should -Be $media.MediaId
        (Get-VodCategory -CateId $category.CateId).CateName | Should -Be 'Old names'
        $task = $media | Start-VodTranscode | Wait-VodTranscode -Timeout 60
        $task.Status | Should -Be 'CompleteAllSucc'
        (Get-VodMezzanine -MediaId $media.MediaId -AuthTimeout 600).MediaId | Should -Be $media.MediaId
        $rule = Set-VodEmulatorFault -Url $emulator.Url -Kind Delay -Probability 0 -DelayMs 1
        (Get-VodEmulatorFault -Url $emulator.Url).Id | Should -Contain $rule.Id
        Clear-VodEmulatorFault -Url $emulator.Url
        Get-VodEmulatorFault -Url $emulator.Url | Should -BeNullOrEmpty
    }
}
