BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-VodToolsUnderTest
    $script:cmdlets = Get-Command -Module VodTools -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } }
    $script:shouldProcessCmdlets = Get-Command -Module VodTools -CommandType Cmdlet | Where-Object { $_.Parameters.ContainsKey('WhatIf') } | ForEach-Object { @{ Name = $_.Name } }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-VodToolsUnderTest
    $script:docs = Join-Path $PSScriptRoot '../../docs/en-US'
    # -WhatIf and -Confirm are documented like any other parameter, as platyPS does; only these are not.
    $script:common = [System.Management.Automation.Cmdlet]::CommonParameters
    $module = Get-Module VodTools
    $script:maml = [xml](Get-Content -Raw (Join-Path $module.ModuleBase 'en-US/VodTools.dll-Help.xml'))
    $projectUri = $module.PrivateData.PSData.ProjectUri
    $script:onlineBase = if ($projectUri) { "$projectUri/blob/main/docs/en-US" }

    # How a parameter binds from the pipeline, as help writes it, from its metadata in one or more parameter sets.
    function Get-PipelineInput([object[]] $Uses) {
        $kinds = @(if ($Uses | Where-Object ValueFromPipeline) { 'ByValue' }; if ($Uses | Where-Object ValueFromPipelineByPropertyName) { 'ByPropertyName' })
        if ($kinds) { "True ($($kinds -join ', '))" } else { 'False' }
    }

    # What platyPS shows for a type: the type itself for a Nullable, its full name otherwise.
    function Get-ShownTypeName([type] $Type) {
        $underlying = [Nullable]::GetUnderlyingType($Type)
        if ($underlying) { $underlying.FullName } else { $Type.FullName }
    }
}

Describe 'Help for <Name>' -ForEach $cmdlets {
    BeforeAll {
        $help = Get-Help $Name -Full
        $command = Get-Command $Name
        $visible = $command.Parameters.Values | Where-Object {
            $_.Name -notin $common -and -not ($_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow })
        }
        $markdown = Join-Path $docs "$Name.md"
    }

    It 'has a markdown page whose parameters are exactly the cmdlet''s, and as the build writes it from the cmdlet' {
        $markdown | Should -Exist
        $documented = [regex]::Matches((Get-Content -Raw $markdown), '(?m)^### -(\S+)') | ForEach-Object { $_.Groups[1].Value }
        ($documented | Sort-Object) | Should -Be ($visible.Name | Sort-Object) -Because 'run build.ps1 docs after changing parameters'
        # the page the build compiled the help from (out/docs/en-US, beside the module it built)
        $built = Join-Path (Split-Path (Get-Module VodTools).ModuleBase) "docs/en-US/$Name.md"
        if (Test-Path $built) { Get-Content -Raw $markdown | Should -BeExactly (Get-Content -Raw $built) -Because 'build.ps1 docs writes the generated sections into docs/en-US' }
    }

    It 'shows a synopsis, a description and at least two examples in Get-Help -Full' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match ([regex]::Escape($Name) + ' \[') -Because 'a synopsis that repeats the syntax means the help file was not found'
        ($help.description.Text -join '') | Should -Not -BeNullOrEmpty
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
        @($help.examples.example)[0].code | Should -Not -BeNullOrEmpty
        ($help.examples.example.code -join "`n") | Should -Not -Match 'runnable' -Because 'the runnable marker of a code fence is not part of the example'
    }

    It 'shows each parameter set of Get-Command as a syntax, with each parameter as that set has it' {
        $items = @($help.syntax.syntaxItem)
        $items.Count | Should -Be $command.ParameterSets.Count -Because 'every parameter set has its syntax'
        for ($i = 0; $i -lt $items.Count; $i++) {
            $set = $command.ParameterSets[$i]
            $expected = $set.Parameters | Where-Object { $_.Name -in $visible.Name } | ForEach-Object {
                "-$($_.Name) required=$($_.IsMandatory.ToString().ToLowerInvariant()) position=$(if ($_.Position -ge 0) { $_.Position } else { 'named' }) pipeline=$(Get-PipelineInput $_)"
            } | Sort-Object
            $shown = foreach ($parameter in $items[$i].parameter) { if ($parameter) { "-$($parameter.name) required=$($parameter.required) position=$($parameter.position) pipeline=$($parameter.pipelineInput)" } }
            $shown = $shown | Sort-Object
            $shown | Should -Be $expected -Because "syntax $($i + 1) is the parameter set $($set.Name)"
        }
    }

    It 'lists each parameter as Get-Command has it: required only where it is in every set, its aliases, its pipeline input, its type' {
        ($help.parameters.parameter.name | Sort-Object) | Should -Be ($visible.Name | Sort-Object)
        foreach ($parameter in $visible) {
            $listed = $help.parameters.parameter | Where-Object name -eq $parameter.Name
            $uses = $command.ParameterSets | ForEach-Object { $_.Parameters | Where-Object Name -eq $parameter.Name }
            $listed.required | Should -Be (-not ($uses | Where-Object { -not $_.IsMandatory })).ToString().ToLowerInvariant() -Because "-$($parameter.Name) is required in every set or not"
            $listed.aliases | Should -Be $(if ($parameter.Aliases.Count) { $parameter.Aliases -join ', ' } else { 'none' }) -Because "of the aliases of -$($parameter.Name)"
            $listed.pipelineInput | Should -Be (Get-PipelineInput $uses) -Because "of how -$($parameter.Name) binds from the pipeline"
            $listed.type.name | Should -Be $(if ($parameter.SwitchParameter) { 'SwitchParameter' } else { Get-ShownTypeName $parameter.ParameterType })
        }
    }

    It 'numbers its examples from 1' {
        $titles = @($help.examples.example.title)
        for ($i = 0; $i -lt $titles.Count; $i++) { $titles[$i] | Should -Match "^-* ?Example $($i + 1):" }
    }

    It 'describes every parameter' {
        foreach ($parameter in $visible) {
            $described = $help.parameters.parameter | Where-Object name -eq $parameter.Name
            ($described.description.Text -join '') | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) needs a <summary> in the code"
        }
    }

    It 'shows the default of every parameter that has one' {
        $instance = [Activator]::CreateInstance($command.ImplementingType)
        foreach ($parameter in $visible) {
            $shown = ($help.parameters.parameter | Where-Object name -eq $parameter.Name).defaultValue
            $property = $command.ImplementingType.GetProperty($parameter.Name)
            $value = if ($property) { $property.GetValue($instance) }
            $initial = if ($value -is [System.Management.Automation.SwitchParameter]) { "$($value.IsPresent)" } else { @($value) -join ', ' }
            if ($initial) {
                $shown | Should -Be $initial -Because "-$($parameter.Name) starts as $initial in the cmdlet"
            }
            elseif (($help.parameters.parameter | Where-Object name -eq $parameter.Name).description.Text -cmatch '\bDefault\b') {
                $shown | Should -Not -Be 'None' -Because "the description of -$($parameter.Name) names a default"
            }
        }
    }

    It 'names its input types as PowerShell does' {
        $names = @($help.inputTypes.inputType.type.name)
        ($names -join "`n") | Should -Not -Match '`1\[\[|, Version=' -Because 'a CLR generic name means nothing to a user'
        $bound = $visible | Where-Object { $_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and ($_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName) } }
        foreach ($parameter in $bound) { $names | Should -Contain (Get-ShownTypeName $parameter.ParameterType) }
    }

    It 'links its online version to its page in the project''s repository, and to nothing while there is none' {
        $first = @($help.relatedLinks.navigationLink)[0]
        if ($onlineBase) {
            ($first.linkText, $first.uri) | Should -Be @('Online Version:', "$onlineBase/$Name.md")
            (Get-Command $Name).HelpUri | Should -Be "$onlineBase/$Name.md" -Because 'Get-Help -Online uses it when the cmdlet has no HelpUri of its own'
        }
        else {
            $help.relatedLinks.navigationLink.linkText | Should -Not -Contain 'Online Version:'
            (Get-Command $Name).HelpUri | Should -BeNullOrEmpty
        }
    }

    It 'keeps every placeholder in angle brackets that its page writes in text' {
        # Outside code blocks and code spans, a placeholder must survive markdown's reading of <word> as an HTML tag.
        $text = (Get-Content -Raw $markdown) -replace '(?ms)^```.*?^```', '' -replace '`[^`]*`', ''
        $placeholders = [regex]::Matches($text, '\\?<([a-z][\w-]*)>') | ForEach-Object { "<$($_.Groups[1].Value)>" } | Sort-Object -Unique
        $compiled = ($maml.helpItems.command | Where-Object { $_.details.name -eq $Name }).InnerText
        foreach ($placeholder in $placeholders) { $compiled | Should -BeLike "*$placeholder*" }
    }
}

Describe '-WhatIf and -Confirm of <Name>' -ForEach $shouldProcessCmdlets {
    BeforeAll { $help = Get-Help $Name -Full }

    It 'are in every syntax and described as parameters' {
        foreach ($item in @($help.syntax.syntaxItem)) { $item.parameter.name | Should -Contain 'WhatIf'; $item.parameter.name | Should -Contain 'Confirm' }
        foreach ($parameterName in 'WhatIf', 'Confirm') {
            $parameter = Get-Help $Name -Parameter $parameterName
            ($parameter.description.Text -join '') | Should -Not -BeNullOrEmpty
            $parameter.defaultValue | Should -Be 'False'
        }
        (Get-Help $Name -Parameter WhatIf).aliases | Should -Be 'wi'
    }
}

Describe 'Grammars in the help' {
    BeforeAll {
        # A grammar such as KIND:P[:ARG][@TARGET] as a regular expression: a word in capitals is a value, [...] is optional;
        # a bracket without its pair is an error.
        function ConvertFrom-Grammar([string] $Grammar) {
            $pattern = ''
            $depth = 0
            foreach ($part in [regex]::Matches($Grammar, '[A-Z]+|.')) {
                switch -CaseSensitive -Regex ($part.Value) {
                    '^\[$' { $depth++; $pattern += '(?:' }
                    '^\]$' { if (--$depth -lt 0) { throw "'$Grammar' closes a bracket it did not open" }; $pattern += ')?' }
                    '^[A-Z]+$' { $pattern += '[^,@\s]+' }
                    default { $pattern += [regex]::Escape($_) }
                }
            }
            if ($depth -ne 0) { throw "'$Grammar' leaves a bracket open" }
            [regex]"^$pattern$"
        }
        $script:helpText = (Get-Command -Module VodTools -CommandType Cmdlet | ForEach-Object { Get-Help $_.Name -Full | Out-String -Width 10000 }) -join "`n"
        # every word of the help that mixes capitals with brackets: KIND:P[:ARG][@TARGET], error:P:CODE[:STATUS]
        $script:grammars = [regex]::Matches($helpText, '(?<=[\s"(])[\w:@.\[\]]*[A-Z]{2,}[\w:@.\[\]]*(?=[\s,;:.)"]*(\s|$))') |
            ForEach-Object { $_.Value.TrimEnd(':', '.') } | Where-Object { $_ -match '[\[\]]' } | Sort-Object -Unique
    }

    It 'writes each grammar whole, every bracket closed' {
        $grammars | Should -Contain 'KIND:P[:ARG][@TARGET]'
        $grammars | Should -Contain 'error:P:CODE[:STATUS]'
        foreach ($grammar in $grammars) { { ConvertFrom-Grammar $grammar } | Should -Not -Throw }
    }

    It 'gives only -Faults rules that fit its grammar and that the emulator takes' {
        $rule = ConvertFrom-Grammar 'KIND:P[:ARG][@TARGET]'
        $errorRule = ConvertFrom-Grammar 'error:P:CODE[:STATUS]'
        # what the examples pass to -Faults and -Rule, and the e.g. of these parameters' descriptions
        $described = ((Get-Help Start-VodEmulator -Parameter Faults), (Get-Help Set-VodEmulatorFault -Parameter Rule)).description.Text -join "`n"
        $examples = @([regex]::Matches($helpText, '(?:-Faults|-Rule) [''"]([^''"]+)[''"]')) + @([regex]::Matches($described, 'e\.g\. [''"]([^''"]+)[''"]')) |
            ForEach-Object { $_.Groups[1].Value -split ',' } | Sort-Object -Unique
        $examples | Should -Contain 'error:0.3:Throttling.User@SubmitTranscodeJobs'
        foreach ($example in $examples) {
            $example | Should -Match $rule
            if ($example -like 'error:*') { ($example -split '@')[0] | Should -Match $errorRule }
            { Start-VodEmulator -Faults $example -WhatIf } | Should -Not -Throw -Because "the help gives $example"
        }
        'delay' | Should -Not -Match $rule
        { Start-VodEmulator -Faults 'delay' -WhatIf } | Should -Throw '*KIND:P`[:ARG`]`[@TARGET`]*'
    }
}

Describe 'Placeholders in the help' {
    It 'keeps the bucket, region and key placeholders of an OSS URL' {
        ((Get-Help Register-VodMedia -Parameter FileUrl).description.Text -join '') | Should -BeLike '*https://<bucket>.oss-<region>.aliyuncs.com/<key>*'
        ((Get-Help Add-VodStorage).description.Text -join '') | Should -BeLike '*<bucket>.oss-<region>.aliyuncs.com*'
        ((Get-Help Add-VodDomain).description.Text -join '') | Should -BeLike '*"content":"<bucket>.oss-<region>.aliyuncs.com"*'
        ((Get-Help Set-VodPolicy).description.Text -join '') | Should -BeLike '*(acs:oss:`*:`*:<bucket> and acs:oss:`*:`*:<bucket>/`*)*'
    }
}

Describe 'Get-Help -Online' {
    It 'opens the cmdlet''s page, or says that there is none and opens nothing' -Skip:(-not $IsLinux) {
        # The browser is a stand-in xdg-open (what .NET runs on Linux) that writes down the address it was given.
        $bin = New-Item -ItemType Directory (Join-Path $TestDrive 'bin')
        $opened = Join-Path $TestDrive 'opened.txt'
        Set-Content (Join-Path $bin 'xdg-open') "#!/bin/sh`nprintf '%s' `"`$1`" > '$opened.part' && mv '$opened.part' '$opened'`n"
        chmod +x (Join-Path $bin 'xdg-open')
        $path = $env:PATH
        try {
            $env:PATH = "$bin$([IO.Path]::PathSeparator)$path"
            if ($onlineBase) { Get-Help Register-VodMedia -Online }
            else { { Get-Help Register-VodMedia -Online -ErrorAction Stop } | Should -Throw '*URI*' }
        }
        finally { $env:PATH = $path }
        if ($onlineBase) {
            for ($i = 0; $i -lt 100 -and -not (Test-Path $opened); $i++) { Start-Sleep -Milliseconds 100 }
            Get-Content -Raw $opened | Should -Be "$onlineBase/Register-VodMedia.md"
        }
        else { Start-Sleep -Seconds 1; $opened | Should -Not -Exist }
    }
}

Describe 'The map of cmdlets to Pester suites (tests/Pester/README.md)' {
    BeforeAll {
        # its rows: | Cmdlet | suites it is the subject of | suites that also exercise it |
        $script:map = foreach ($row in [regex]::Matches((Get-Content -Raw (Join-Path $PSScriptRoot 'README.md')), '(?m)^\| (\w+-\w+) \|([^|]*)\|([^|]*)\|$')) {
            $split = { param($cell) @($cell -split ',' | ForEach-Object Trim | Where-Object { $_ }) }
            [pscustomobject]@{ Cmdlet = $row.Groups[1].Value; Subject = & $split $row.Groups[2].Value; Also = & $split $row.Groups[3].Value }
        }
    }

    It 'names every exported cmdlet once, and nothing else' {
        $exported = (Get-Command -Module VodTools -CommandType Cmdlet).Name
        $exported | Where-Object { $_ -notin $map.Cmdlet } | Should -BeNullOrEmpty -Because 'every exported cmdlet has a row'
        $map.Cmdlet | Where-Object { $_ -notin $exported } | Should -BeNullOrEmpty -Because 'every row names an exported cmdlet'
        $map.Cmdlet | Group-Object | Where-Object Count -gt 1 | ForEach-Object Name | Should -BeNullOrEmpty -Because 'each cmdlet has one row'
    }

    It 'gives each cmdlet a suite about it, and names only suites that use it' {
        $suites = @{}
        foreach ($file in Get-ChildItem $PSScriptRoot -Filter '*.Tests.ps1') { $suites[$file.Name -replace '\.Tests\.ps1$'] = Get-Content -Raw $file.FullName }
        foreach ($entry in $map) {
            $entry.Subject | Should -Not -BeNullOrEmpty -Because "$($entry.Cmdlet) is the subject of a suite"
            foreach ($suite in @($entry.Subject) + @($entry.Also)) {
                $suites.Keys | Should -Contain $suite
                $suites[$suite] -match "\b$([regex]::Escape($entry.Cmdlet))\b" | Should -BeTrue -Because "the map says $suite exercises $($entry.Cmdlet)"
            }
        }
    }
}

Describe 'about_VodTools' {
    It 'is installed with the module' {
        (Get-Help about_VodTools | Out-String) | Should -Match 'Start-VodEmulator runs a local copy'
    }
}
