BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-VodToolsUnderTest
    $script:cmdlets = Get-Command -Module VodTools -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-VodToolsUnderTest
    $script:docs = Join-Path $PSScriptRoot '../../docs/en-US'
    $script:common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
}

Describe 'Help for <Name>' -ForEach $cmdlets {
    BeforeAll {
        $help = Get-Help $Name -Full
        $command = Get-Command $Name
        $visible = $command.Parameters.Values | Where-Object {
            $_.Name -notin $common -and -not ($_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow })
        }
    }

    It 'has a markdown page whose parameters are exactly the cmdlet''s' {
        $markdown = Join-Path $docs "$Name.md"
        $markdown | Should -Exist
        $documented = [regex]::Matches((Get-Content -Raw $markdown), '(?m)^### -(\S+)') | ForEach-Object { $_.Groups[1].Value }
        ($documented | Sort-Object) | Should -Be ($visible.Name | Sort-Object) -Because 'run build.ps1 docs after changing parameters'
    }

    It 'shows a synopsis, a description and at least two examples in Get-Help -Full' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match ([regex]::Escape($Name) + ' \[') -Because 'a synopsis that repeats the syntax means the help file was not found'
        ($help.description.Text -join '') | Should -Not -BeNullOrEmpty
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
        @($help.examples.example)[0].code | Should -Not -BeNullOrEmpty
        ($help.examples.example.code -join "`n") | Should -Not -Match 'runnable' -Because 'the runnable marker of a code fence is not part of the example'
    }

    It 'describes every parameter' {
        foreach ($parameter in $visible) {
            $described = $help.parameters.parameter | Where-Object name -eq $parameter.Name
            ($described.description.Text -join '') | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) needs a <summary> in the code"
        }
    }
}

Describe 'about_VodTools' {
    It 'is installed with the module' {
        (Get-Help about_VodTools | Out-String) | Should -Match 'Start-VodEmulator runs a local copy'
    }
}
