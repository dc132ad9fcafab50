BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-VodToolsUnderTest
    $script:emulator = Start-TestEmulator -SeedSample   # bucket media-archive

    # The RPC actions called, from the -Verbose lines ("RAM GetRole attempt 1/5: ...") of output taken with -Verbose 4>&1.
    function Get-CalledAction([Parameter(ValueFromPipeline)] $Record) {
        process { if ($Record -is [System.Management.Automation.VerboseRecord] -and $Record.Message -match '^(RAM|VOD|STS) (\w+) attempt') { $Matches[2] } }
    }
    function Select-Result([Parameter(ValueFromPipeline)] $Record) {
        process { if ($Record -isnot [System.Management.Automation.VerboseRecord]) { $Record } }
    }
    # What -WhatIf tells the user: PowerShell writes it to the host, which a transcript records.
    function Get-WhatIfText([scriptblock] $Command) {
        $path = Join-Path ([IO.Path]::GetTempPath()) "whatif-$([guid]::NewGuid()).txt"
        Start-Transcript -Path $path | Out-Null
        try { & $Command | Out-Null } finally { Stop-Transcript | Out-Null }
        (Get-Content $path -Raw); Remove-Item $path
    }
    $script:writeActions = 'CreateRole', 'UpdateRole', 'DeleteRole', 'CreatePolicy', 'CreatePolicyVersion', 'DeletePolicy', 'AttachPolicyToRole', 'DetachPolicyFromRole'
}

AfterAll {
    Stop-VodEmulator -ProcessId $script:emulator.ProcessId
}

Describe 'New-VodPassMpsRole' {
    It 'creates vod-pass-mps trusting mts.aliyuncs.com by default' {
        $role = New-VodPassMpsRole
        $role | Should -BeOfType VodTools.Model.RamRole
        $role.RoleName | Should -Be 'vod-pass-mps'
        $role.Arn | Should -Be 'acs:ram::1234567890123456:role/vod-pass-mps'
        $trust = $role.AssumeRolePolicyDocument | ConvertFrom-Json
        $trust.Version | Should -Be '1'
        $trust.Statement[0].Action | Should -Be 'sts:AssumeRole'
        $trust.Statement[0].Effect | Should -Be 'Allow'
        $trust.Statement[0].Principal.Service | Should -Be @('mts.aliyuncs.com')
    }

    It 'returns an equivalent existing role unchanged, reading only' {
        $output = New-VodPassMpsRole -Verbose 4>&1
        $calls = $output | Get-CalledAction
        $again = $output | Select-Result
        $calls | Should -Be @('GetRole')
        $again.RoleName | Should -Be 'vod-pass-mps'
    }

    It 'compares trust policies by meaning, not text' {
        $principals = 'vod.aliyuncs.com', 'mts.aliyuncs.com'
        New-VodPassMpsRole -RoleName order-test -ServicePrincipal $principals | Out-Null
        $calls = New-VodPassMpsRole -RoleName order-test -ServicePrincipal ($principals[1], $principals[0], $principals[0]) -Verbose 4>&1 | Get-CalledAction
        $calls | Should -Be @('GetRole')
    }

    It 'replaces the trust policy of a role that trusts others only when answered (high impact): -WhatIf says, -Force or -Confirm:$false replaces' {
        Get-WhatIfText { New-VodPassMpsRole -ServicePrincipal vod.aliyuncs.com -WhatIf } | Should -Match 'Replace the trust policy .*mts\.aliyuncs\.com.* with .*vod\.aliyuncs\.com'
        ((Get-RamRole vod-pass-mps).AssumeRolePolicyDocument | ConvertFrom-Json).Statement[0].Principal.Service | Should -Be @('mts.aliyuncs.com')

        $updated = New-VodPassMpsRole -ServicePrincipal vod.aliyuncs.com -Force
        ($updated.AssumeRolePolicyDocument | ConvertFrom-Json).Statement[0].Principal.Service | Should -Be @('vod.aliyuncs.com')
        $back = New-VodPassMpsRole -Confirm:$false
        ($back.AssumeRolePolicyDocument | ConvertFrom-Json).Statement[0].Principal.Service | Should -Be @('mts.aliyuncs.com')
    }

    It 'asks before replacing a trust policy even at the default $ConfirmPreference; where no one can answer it stops and changes nothing' {
        $child = Invoke-NonInteractive -Emulator $emulator @'
try { New-VodPassMpsRole -ServicePrincipal vod.aliyuncs.com -ErrorAction Stop; 'REPLACED' }
catch { "STOPPED $($_.FullyQualifiedErrorId) $($_.Exception.Message)" }
'@
        $child.Output | Should -Match 'STOPPED VodConfirmationNotPossible,VodTools\.Commands\.NewVodPassMpsRoleCommand'
        $child.Output | Should -Match '-Force or -Confirm:\$false'
        $child.Output | Should -Not -Match 'REPLACED'
        ((Get-RamRole vod-pass-mps).AssumeRolePolicyDocument | ConvertFrom-Json).Statement[0].Principal.Service | Should -Be @('mts.aliyuncs.com')
    }

    It 'creates nothing with -WhatIf' {
        New-VodPassMpsRole -RoleName whatif-role -WhatIf | Should -BeNullOrEmpty
        Get-RamRole whatif-role -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'refuses a bad role name or principal before any call' {
        $calls = New-VodPassMpsRole -RoleName 'bad name!' -ErrorVariable failures -ErrorAction SilentlyContinue -Verbose 4>&1 | Get-CalledAction
        $calls | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'RamRoleNameInvalid,*'
        New-VodPassMpsRole -RoleName ('r' * 65) -ErrorVariable tooLong -ErrorAction SilentlyContinue
        $tooLong[0].FullyQualifiedErrorId | Should -BeLike 'RamRoleNameInvalid,*'
        New-VodPassMpsRole -ServicePrincipal 'mts' -ErrorVariable principal -ErrorAction SilentlyContinue
        $principal[0].FullyQualifiedErrorId | Should -BeLike 'RamServicePrincipalInvalid,*'
    }
}

Describe 'Set-VodPolicy' {
    It 'creates the policy with oss:* on every resource without -Bucket' {
        $policy = Set-VodPolicy -PolicyName broad-policy
        $policy | Should -BeOfType VodTools.Model.RamPolicy
        $policy.DefaultVersion | Should -Be 'v1'
        $statement = ($policy.PolicyDocument | ConvertFrom-Json).Statement[0]
        $statement.Action | Should -Be 'oss:*'
        $statement.Resource | Should -Be '*'
        (Get-RamPolicy broad-policy).PolicyDocument | Should -Be $policy.PolicyDocument
    }

    It 'scopes the policy to the buckets with -Bucket, and leaves an equivalent one alone' {
        $policy = Set-VodPolicy -PolicyName scoped-policy -Bucket media-archive, second-bucket
        ($policy.PolicyDocument | ConvertFrom-Json).Statement[0].Resource | Should -Be @(
            'acs:oss:*:*:media-archive', 'acs:oss:*:*:media-archive/*', 'acs:oss:*:*:second-bucket', 'acs:oss:*:*:second-bucket/*')
        $output = Set-VodPolicy -PolicyName scoped-policy -Bucket second-bucket, media-archive -Verbose 4>&1
        $calls = $output | Get-CalledAction
        $same = $output | Select-Result
        $calls | Should -Be @('GetPolicy')
        $same.DefaultVersion | Should -Be 'v1'
    }

    It 'gathers buckets piped in into one policy' {
        $policy = [pscustomobject]@{ Bucket = 'piped-one' }, [pscustomobject]@{ Bucket = 'piped-two' } | Set-VodPolicy -PolicyName piped-policy
        @($policy).Count | Should -Be 1
        ($policy.PolicyDocument | ConvertFrom-Json).Statement[0].Resource | Should -Contain 'acs:oss:*:*:piped-two/*'
    }

    It 'adds a new default version when the document differs, rotating out the oldest at the limit of 5' {
        Set-VodPolicy -PolicyName rotating-policy -Bucket bucket-1 | Out-Null
        foreach ($n in 2..7) {
            $policy = Set-VodPolicy -PolicyName rotating-policy -Bucket "bucket-$n" -ErrorAction Stop
            $policy.DefaultVersion | Should -Be "v$n"
        }
        $current = Get-RamPolicy rotating-policy
        $current.DefaultVersion | Should -Be 'v7'
        ($current.PolicyDocument | ConvertFrom-Json).Statement[0].Resource | Should -Contain 'acs:oss:*:*:bucket-7'
        { Remove-RamPolicy rotating-policy -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'RamPolicyNotRemoved,VodTools.Commands.RemoveRamPolicyCommand'
    }

    It 'writes nothing with -WhatIf' {
        Set-VodPolicy -PolicyName whatif-policy -WhatIf | Should -BeNullOrEmpty
        Get-RamPolicy whatif-policy -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Set-VodPolicy -PolicyName scoped-policy -Bucket other-bucket -WhatIf | Should -BeNullOrEmpty
        (Get-RamPolicy scoped-policy).DefaultVersion | Should -Be 'v1'
    }

    It 'writes no policy when a bucket name is invalid' {
        $calls = Set-VodPolicy -PolicyName invalid-policy -Bucket good-bucket, 'Bad_Bucket' -ErrorVariable failures -ErrorAction SilentlyContinue -Verbose 4>&1 | Get-CalledAction
        $calls | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OssBucketNameInvalid,*'
        $failures[0].TargetObject | Should -Be 'Bad_Bucket'
    }
}

Describe 'Get-RamRole' {
    BeforeAll {
        New-VodPassMpsRole -RoleName listed-a | Out-Null
        New-VodPassMpsRole -RoleName listed-b | Out-Null
    }

    It 'lists every role without a name, and filters with wildcards case-insensitively' {
        (Get-RamRole).RoleName | Should -Contain 'listed-a'
        (Get-RamRole 'LISTED-*').RoleName | Should -Be @('listed-a', 'listed-b')
    }

    It 'gets roles by name with their trust policy, each missing one a non-terminating error' {
        $roles = Get-RamRole listed-a, no-such-role, listed-b -ErrorVariable failures -ErrorAction SilentlyContinue
        $roles.RoleName | Should -Be @('listed-a', 'listed-b')
        $roles[0].AssumeRolePolicyDocument | Should -Not -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'RamRoleNotFound,VodTools.Commands.GetRamRoleCommand'
        $failures[0].Exception.Code | Should -Be 'EntityNotExist.Role'
        $failures[0].Exception.RequestId | Should -Not -BeNullOrEmpty
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Get-RamPolicy' {
    It 'finds custom then system policies by name, and lists by type and wildcard' {
        Set-VodPolicy -PolicyName get-custom | Out-Null
        (Get-RamPolicy get-custom).PolicyType | Should -Be 'Custom'
        $system = Get-RamPolicy AliyunVODFullAccess
        $system.PolicyType | Should -Be 'System'
        $system.PolicyDocument | Should -Not -BeNullOrEmpty
        (Get-RamPolicy -PolicyType System).PolicyType | Sort-Object -Unique | Should -Be 'System'
        (Get-RamPolicy 'get-*').PolicyName | Should -Be @('get-custom')
        (Get-RamPolicy 'get-*' | Get-RamPolicy).PolicyDocument | Should -Not -BeNullOrEmpty
        Get-RamPolicy get-custom -PolicyType System -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'RamPolicyNotFound,*'
    }

    It 'lists the policies attached to a role piped from Get-RamRole' {
        New-VodPassMpsRole -RoleName attached-role | Out-Null
        Set-VodPolicy -PolicyName attached-policy | Out-Null
        Add-RamRolePolicy -RoleName attached-role -PolicyName attached-policy
        Add-RamRolePolicy -RoleName attached-role -PolicyName AliyunOSSReadOnlyAccess -PolicyType System
        $attached = Get-RamRole attached-role | Get-RamPolicy
        $attached.PolicyName | Sort-Object | Should -Be @('AliyunOSSReadOnlyAccess', 'attached-policy')
        (Get-RamRole attached-role | Get-RamPolicy -PolicyType System).PolicyName | Should -Be 'AliyunOSSReadOnlyAccess'
        Get-RamPolicy -RoleName no-such-role -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -Be 'RamRoleNotFound,VodTools.Commands.GetRamPolicyCommand'
    }
}

Describe 'Add-RamRolePolicy and Remove-RamRolePolicy' {
    BeforeAll {
        New-VodPassMpsRole -RoleName attach-role | Out-Null
        Set-VodPolicy -PolicyName attach-policy | Out-Null
    }

    It 'attaches a policy piped from Get-RamPolicy; already attached is a success said in -Verbose' {
        $attached = Get-RamPolicy attach-policy | Add-RamRolePolicy -RoleName attach-role -PassThru
        $attached.PolicyName | Should -Be 'attach-policy'
        $attached.AttachTime | Should -Not -BeNullOrEmpty
        $output = Get-RamPolicy attach-policy | Add-RamRolePolicy -RoleName attach-role -Verbose -ErrorVariable failures 4>&1
        $failures | Should -BeNullOrEmpty
        ($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Contain 'Attachment attach-role/attach-policy: Unchanged: the Custom policy attach-policy is already attached to attach-role'
        ($output.Message -join "`n") | Should -Not -Match 'RAM AttachPolicyToRole'
    }

    It 'reports a missing policy with the cloud code while the next item still attaches' {
        $items = [pscustomobject]@{ RoleName = 'attach-role'; PolicyName = 'no-such-policy' },
                 [pscustomobject]@{ RoleName = 'attach-role'; PolicyName = 'AliyunMTSFullAccess'; PolicyType = 'System' }
        $items | Add-RamRolePolicy -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'RamRolePolicyNotAttached,VodTools.Commands.AddRamRolePolicyCommand'
        $failures[0].Exception.Code | Should -Be 'EntityNotExist.Policy'
        (Get-RamPolicy -RoleName attach-role).PolicyName | Should -Contain 'AliyunMTSFullAccess'
    }

    It 'detaches nothing with -WhatIf, then detaches what Get-RamPolicy -RoleName lists' {
        Get-RamPolicy -RoleName attach-role | Remove-RamRolePolicy -WhatIf
        (Get-RamPolicy -RoleName attach-role).Count | Should -Be 2
        Get-RamPolicy -RoleName attach-role | Remove-RamRolePolicy -Confirm:$false
        Get-RamPolicy -RoleName attach-role | Should -BeNullOrEmpty
    }

    It 'reports a policy that is not attached as EntityNotExist.Role.Policy' {
        Remove-RamRolePolicy attach-role attach-policy -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -Be 'RamRolePolicyNotDetached,VodTools.Commands.RemoveRamRolePolicyCommand'
        $failures[0].Exception.Code | Should -Be 'EntityNotExist.Role.Policy'
    }
}

Describe 'Remove-RamRole and Remove-RamPolicy' {
    BeforeAll {
        Initialize-VodBucketAccess -Bucket media-archive -RoleName doomed-role -PolicyName doomed-policy | Out-Null
        Set-VodPolicy -PolicyName doomed-policy -Bucket other-bucket | Out-Null
    }

    It 'deletes nothing with -WhatIf, even with -Force' {
        Remove-RamRole doomed-role -DetachPolicies -Force -WhatIf
        Remove-RamPolicy doomed-policy -DeleteVersions -Force -WhatIf
        (Get-RamRole doomed-role).RoleName | Should -Be 'doomed-role'
        (Get-RamPolicy -RoleName doomed-role).PolicyName | Should -Be 'doomed-policy'
    }

    It 'reports DeleteConflict while policies are attached or versions remain; -DetachPolicies and -DeleteVersions cascade, -Force does not ask' {
        Remove-RamRole doomed-role -Confirm:$false -ErrorVariable roleFailures -ErrorAction SilentlyContinue
        $roleFailures[0].FullyQualifiedErrorId | Should -Be 'RamRoleNotRemoved,VodTools.Commands.RemoveRamRoleCommand'
        $roleFailures[0].Exception.Code | Should -Be 'DeleteConflict.Role.Policy'
        $roleFailures[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $roleFailures[0].ErrorDetails.RecommendedAction | Should -BeLike '*Remove-RamRole doomed-role -DetachPolicies*'

        Get-RamRole doomed-role | Remove-RamRole -DetachPolicies -Force
        Get-RamRole doomed-role -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        Remove-RamPolicy doomed-policy -Confirm:$false -ErrorVariable policyFailures -ErrorAction SilentlyContinue
        $policyFailures[0].Exception.Code | Should -Be 'DeleteConflict.Policy.Version'
        $policyFailures[0].ErrorDetails.RecommendedAction | Should -BeLike '*Remove-RamPolicy doomed-policy -DeleteVersions*'
        Get-RamPolicy doomed-policy | Remove-RamPolicy -DeleteVersions -Force
        Get-RamPolicy doomed-policy -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

Describe 'Initialize-VodBucketAccess' {
    It 'creates the role, the bucket-scoped policy and the attachment, one change each' {
        $changes = Initialize-VodBucketAccess -Bucket media-archive -RoleName init-role -PolicyName init-policy
        $changes | ForEach-Object { $_ | Should -BeOfType VodTools.Model.VodAccessChange }
        $changes.Resource | Should -Be @('Role', 'Policy', 'Attachment')
        $changes.Name | Should -Be @('init-role', 'init-policy', 'init-role/init-policy')
        $changes.Action | Should -Be @('Created', 'Created', 'Created')
        $changes.Detail | Should -Be @('trusts mts.aliyuncs.com', 'v1 grants oss:* on media-archive', 'the Custom policy init-policy is attached to init-role')
        ((Get-RamPolicy init-policy).PolicyDocument | ConvertFrom-Json).Statement[0].Resource | Should -Be @('acs:oss:*:*:media-archive', 'acs:oss:*:*:media-archive/*')
        (Get-RamPolicy -RoleName init-role).PolicyName | Should -Be 'init-policy'
    }

    It 'changes nothing and makes no write call on a second run' {
        $output = Initialize-VodBucketAccess -Bucket media-archive -RoleName init-role -PolicyName init-policy -Verbose 4>&1
        $calls = $output | Get-CalledAction
        $second = $output | Select-Result
        $second.Action | Should -Be @('Unchanged', 'Unchanged', 'Unchanged')
        $calls | Should -Be @('GetRole', 'GetPolicy', 'ListPoliciesForRole')
        $calls | Where-Object { $_ -in $script:writeActions } | Should -BeNullOrEmpty
        ($output.Message -join "`n") | Should -Not -Match 'VodEmulatorSecretKey'
    }

    It 'adds a second bucket to what the policy grants, so onboarding one bucket at a time keeps the first' {
        Get-WhatIfText { Initialize-VodBucketAccess -Bucket second-bucket -SkipBucketCheck -RoleName init-role -PolicyName init-policy -WhatIf } | Should -Match 'Grant oss:\* on second-bucket as well \(the policy keeps granting media-archive\)'
        $changes = Initialize-VodBucketAccess -Bucket second-bucket -SkipBucketCheck -RoleName init-role -PolicyName init-policy
        $changes.Action | Should -Be @('Unchanged', 'Updated', 'Unchanged')
        $changes[1].Detail | Should -BeLike 'v2 grants second-bucket as well as media-archive, replacing v1 as the default*'
        ((Get-RamPolicy init-policy).PolicyDocument | ConvertFrom-Json).Statement[0].Resource |
            Should -Be @('acs:oss:*:*:media-archive', 'acs:oss:*:*:media-archive/*', 'acs:oss:*:*:second-bucket', 'acs:oss:*:*:second-bucket/*')
        (Initialize-VodBucketAccess -Bucket media-archive -RoleName init-role -PolicyName init-policy).Action | Should -Be @('Unchanged', 'Unchanged', 'Unchanged')
    }

    It 'replaces the grants only with -Exact, naming the buckets that lose access, and -Force answers the question' {
        Get-WhatIfText { Initialize-VodBucketAccess -Bucket media-archive -Exact -RoleName init-role -PolicyName init-policy -WhatIf } | Should -Match 'second-bucket will lose access'
        $changes = Initialize-VodBucketAccess -Bucket media-archive -Exact -Force -RoleName init-role -PolicyName init-policy
        $changes[1].Action | Should -Be 'Updated'
        $changes[1].Detail | Should -BeLike 'v3 grants exactly oss:* on media-archive, no longer media-archive, second-bucket, replacing v2*'
        ((Get-RamPolicy init-policy).PolicyDocument | ConvertFrom-Json).Statement[0].Resource | Should -Be @('acs:oss:*:*:media-archive', 'acs:oss:*:*:media-archive/*')
    }

    It 'refuses a bucket the account does not have, and grants nothing' {
        $calls = Initialize-VodBucketAccess -Bucket media-archive, medai-archive -RoleName init-typo -ErrorVariable failures -ErrorAction SilentlyContinue -Verbose 4>&1 | Get-CalledAction
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'VodBucketNotFound,VodTools.Commands.InitializeVodBucketAccessCommand'
        $failures[0].TargetObject | Should -Be 'medai-archive'
        $calls | Should -BeNullOrEmpty
    }

    It 'uses the policy an admin made by hand from the guide (attached, granting all of OSS) instead of creating a second one' {
        Set-VodPolicy -PolicyName AliyunVODPassMpsByHand | Out-Null   # oss:* on *, as the guide's policy
        New-VodPassMpsRole -RoleName guide-role | Out-Null
        Add-RamRolePolicy -RoleName guide-role -PolicyName AliyunVODPassMpsByHand
        $changes = Initialize-VodBucketAccess -Bucket media-archive -RoleName guide-role
        $changes.Name | Should -Be @('guide-role', 'AliyunVODPassMpsByHand', 'guide-role/AliyunVODPassMpsByHand')
        $changes.Action | Should -Be @('Unchanged', 'Unchanged', 'Unchanged')
        $changes[1].Detail | Should -BeLike '*already grants all of OSS, which covers media-archive'
        Get-RamPolicy vod-pass-mps -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'writes nothing with -WhatIf' {
        $calls = Initialize-VodBucketAccess -Bucket media-archive -RoleName init-whatif -PolicyName init-whatif -WhatIf -Verbose 4>&1 | Get-CalledAction
        $calls | Where-Object { $_ -in $script:writeActions } | Should -BeNullOrEmpty
        Get-RamRole init-whatif -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-RamPolicy init-whatif -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'replaces the trust policy of a role that trusts others only when answered: where no one can answer it stops before any change' {
        New-VodPassMpsRole -RoleName init-conflict -ServicePrincipal vod.aliyuncs.com | Out-Null
        $child = Invoke-NonInteractive -Emulator $emulator @'
try { Initialize-VodBucketAccess -Bucket media-archive -RoleName init-conflict -PolicyName init-conflict -ErrorAction Stop | Out-Null; 'GRANTED' }
catch { "STOPPED $($_.FullyQualifiedErrorId)" }
'@
        $child.Output | Should -Match 'STOPPED VodConfirmationNotPossible,VodTools\.Commands\.InitializeVodBucketAccessCommand'
        Get-RamPolicy -RoleName init-conflict | Should -BeNullOrEmpty
        Get-RamPolicy init-conflict -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        ((Get-RamRole init-conflict).AssumeRolePolicyDocument | ConvertFrom-Json).Statement[0].Principal.Service | Should -Be @('vod.aliyuncs.com')
        $forced = Initialize-VodBucketAccess -Bucket media-archive -RoleName init-conflict -PolicyName init-conflict -Force
        $forced.Action | Should -Be @('Updated', 'Created', 'Created')
        ((Get-RamRole init-conflict).AssumeRolePolicyDocument | ConvertFrom-Json).Statement[0].Principal.Service | Should -Be @('mts.aliyuncs.com')
    }

    It 'refuses invalid bucket names before any call' {
        $calls = Initialize-VodBucketAccess -Bucket 'UPPER', media-archive -RoleName init-bad -ErrorVariable failures -ErrorAction SilentlyContinue -Verbose 4>&1 | Get-CalledAction
        $calls | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -Be 'OssBucketNameInvalid,VodTools.Commands.InitializeVodBucketAccessCommand'
    }
}
