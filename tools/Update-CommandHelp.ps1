<#
.SYNOPSIS
    Writes or refreshes docs/en-US/<Verb-Noun>.md (platyPS schema 2.0.0) from the compiled cmdlets.
.DESCRIPTION
    SYNTAX, PARAMETERS, INPUTS and OUTPUTS are regenerated from the cmdlet's metadata and the XML
    <summary> comments of its parameters, so they never drift from the code: every parameter set, and for
    each set whether a parameter is required, its position and its pipeline binding (one yaml block per
    group of sets where these differ, as platyPS writes them). So is the online version link (the page
    itself in the project's repository, from the manifest's ProjectUri; none while it names none).
    SYNOPSIS, DESCRIPTION, EXAMPLES, NOTES, RELATED LINKS and what is said under an output type are
    written by hand: a new file gets the class's synopsis and description comments and empty EXAMPLES
    for a person to fill.
    build.ps1 runs it on a copy of the pages at every build and compiles the help from that copy, so
    the help a user reads always matches the cmdlets; build.ps1 docs copies the pages back here.
    As platyPS does for a binary module: -WhatIf and -Confirm are documented like any parameter (last,
    with platyPS's descriptions), types have their PowerShell names (System.Int64, not Nullable`1[[...]]),
    and "Default value" is what the cmdlet starts with (its property's initial value) or, for a default
    the cmdlet works out when it runs, the "Default: ..." sentence of the parameter's summary.
.EXAMPLE
    ./tools/Update-CommandHelp.ps1 -ModulePath ./out/VodTools/VodTools.psd1
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $DocsPath = (Join-Path $PSScriptRoot '../docs/en-US'),
    [string[]] $Name = '*'
)

$ErrorActionPreference = 'Stop'
$module = Import-Module $ModulePath -Force -PassThru
$xmlDoc = [xml](Get-Content -Raw (Join-Path $module.ModuleBase 'dependencies/VodTools.xml'))
$members = @{}
foreach ($member in $xmlDoc.doc.members.member) { $members[$member.GetAttribute("name")] = $member }
$common = [System.Management.Automation.Cmdlet]::CommonParameters
# The online version of a page is the page itself in the project's repository, when the manifest names one.
$projectUri = $module.PrivateData.PSData.ProjectUri
$onlineBase = if ($projectUri) { "$projectUri/blob/main/docs/en-US" }
# platyPS's descriptions of the two parameters ShouldProcess adds (platyPS.Resources.psd1).
$shouldProcessParameters = [ordered]@{
    Confirm = 'Prompts you for confirmation before running the cmdlet.'
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
}

function Get-Summary([type] $Type, [string] $Property) {
    if ($shouldProcessParameters.Contains($Property)) { return $shouldProcessParameters[$Property] }
    for ($t = $Type; $t; $t = $t.BaseType) {
        $member = $members["P:$($t.FullName).$Property"]
        if ($member) { return (($member['summary'].InnerText -replace '\s+', ' ').Trim()) }
    }
    ''
}

# System.Int64 for an Int64? (as platyPS names it), the full name otherwise.
function Get-TypeName([type] $Type) {
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { $underlying.FullName } else { $Type.FullName }
}

# The value the parameter's property starts with, when it is one (not null, '', an empty array or an unset switch);
# else what the summary's "Default: ..." (or "... default is ...", or "VALUE (the default ...") sentence says; else None.
function Get-DefaultValue([System.Management.Automation.CmdletInfo] $Command, [string] $Name, [string] $Summary) {
    $property = $Command.ImplementingType.GetProperty($Name)
    $value = if ($property) { $property.GetValue([Activator]::CreateInstance($Command.ImplementingType)) }
    $text = if ($value -is [System.Management.Automation.SwitchParameter]) { "$($value.IsPresent)" } else { @($value) -join ', ' }
    if ($text -and $text -ne 'False') { return $text }
    if ($Summary -match '(?:^|\.\s)(?:Default:?|[^.]*\bdefault is) (?<value>.+?)\.(?:\s|$)') {
        return $Matches.value.Substring(0, 1).ToUpperInvariant() + $Matches.value.Substring(1)
    }
    if ($Summary -match '(?<value>\w+) \(the default\b') { return $Matches.value }
    'None'
}

function Get-ClassPara([type] $Type, [string] $Kind) {
    $member = $members["T:$($Type.FullName)"]
    if (-not $member) { return '' }
    $para = $member['summary'].SelectNodes('para') | Where-Object { $_.GetAttribute("type") -eq $Kind } | Select-Object -First 1
    if ($para) { ($para.InnerText -replace '\s+', ' ').Trim() } else { '' }
}

# The parameter's yaml blocks, as platyPS writes them: one per group of parameter sets in which it is required, placed
# and bound from the pipeline alike ("(All)" when that is every set of the cmdlet), so that each syntax shows what
# Get-Command shows for that set.
function Get-ParameterYaml([System.Management.Automation.CmdletInfo] $Command, [System.Management.Automation.ParameterMetadata] $Parameter, [string] $Summary) {
    $validateSet = $Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] }
    $wildcards = [bool]($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
    $uses = foreach ($set in $Command.ParameterSets) {
        $member = $set.Parameters | Where-Object Name -eq $Parameter.Name
        if (-not $member) { continue }
        $pipeline = @(if ($member.ValueFromPipeline) { 'ByValue' }; if ($member.ValueFromPipelineByPropertyName) { 'ByPropertyName' })
        [pscustomobject]@{
            Set      = $set.Name
            Required = "$($member.IsMandatory)"
            Position = if ($member.Position -ge 0) { "$($member.Position)" } else { 'Named' }
            Pipeline = if ($pipeline) { "True ($($pipeline -join ', '))" } else { 'False' }
        }
    }
    $groups = @($uses | Group-Object Required, Position, Pipeline)
    foreach ($group in $groups) {
        $sets = if ($groups.Count -eq 1 -and $group.Count -eq $Command.ParameterSets.Count) { '(All)' } else { $group.Group.Set -join ', ' }
        $use = $group.Group[0]
        $lines = @(
            "Type: $(Get-TypeName $Parameter.ParameterType)"
            "Parameter Sets: $sets"
            "Aliases: $($Parameter.Aliases -join ', ')"
        )
        if ($validateSet) { $lines += "Accepted values: $($validateSet.ValidValues -join ', ')" }
        $lines += @(
            ''
            "Required: $($use.Required)"
            "Position: $($use.Position)"
            "Default value: $(Get-DefaultValue $Command $Parameter.Name $Summary)"
            "Accept pipeline input: $($use.Pipeline)"
            "Accept wildcard characters: $wildcards"
        )
        "``````yaml`n$($lines -join "`n")`n``````"
    }
}

# $OutputNotes: what the page says, by hand, under each output type (kept when OUTPUTS is written again).
function Get-GeneratedSections([System.Management.Automation.CmdletInfo] $Command, [hashtable] $OutputNotes) {
    $parameters = $Command.Parameters.Values | Where-Object { $_.Name -notin $common -and -not ($_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }) } |
        Sort-Object { [array]::IndexOf(@($shouldProcessParameters.Keys), $_.Name) }, Name
    $syntax = foreach ($set in $Command.ParameterSets) {
        $title = if ($Command.ParameterSets.Count -gt 1) { "### $($set.Name)$(if ($set.IsDefault) { ' (Default)' })`n" } else { "### __AllParameterSets`n" }
        $title + "``````" + "`n" + (($set.ToString() -replace '\s+', ' ').Trim() -replace '^', "$($Command.Name) ") + "`n``````"
    }
    $parameterText = foreach ($parameter in $parameters) {
        $summary = Get-Summary $Command.ImplementingType $parameter.Name
        # '<' is escaped in markdown, or placeholders such as <bucket> would read as HTML tags.
        "### -$($parameter.Name)`n$($summary -replace '<', '\<')`n`n$((Get-ParameterYaml $Command $parameter $summary) -join "`n`n")"
    }
    $pipelineTypes = $parameters | Where-Object { $_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and ($_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName) } }
    $inputs = if ($pipelineTypes) {
        ($pipelineTypes | ForEach-Object { "### $(Get-TypeName $_.ParameterType)`nBinds to -$($_.Name) $(if ($_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.ValueFromPipelineByPropertyName }) { 'by property name' } else { 'by value' })." }) -join "`n`n"
    } else { "### None`nThis cmdlet takes no pipeline input." }
    $outputs = ($Command.OutputType | Where-Object Type | ForEach-Object {
        if ($_.Type -eq [void]) { "### None`nThis cmdlet writes no objects." } else { "### $($_.Type.FullName)$(if ($OutputNotes[$_.Type.FullName]) { "`n" + $OutputNotes[$_.Type.FullName] })" }
    }) -join "`n`n"
    @{
        'SYNTAX'     = ($syntax -join "`n`n")
        'PARAMETERS' = (($parameterText -join "`n`n") + "`n`n### CommonParameters`nThis cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, -InformationAction, -InformationVariable, -OutVariable, -OutBuffer, -PipelineVariable, -ProgressAction, -Verbose, -WarningAction, and -WarningVariable. For more information, see [about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).")
        'INPUTS'     = $inputs
        'OUTPUTS'    = $outputs
    }
}

New-Item -ItemType Directory -Force $DocsPath | Out-Null
foreach ($command in Get-Command -Module VodTools -CommandType Cmdlet -Name $Name) {
    $path = Join-Path $DocsPath "$($command.Name).md"
    $existing = if (Test-Path $path) { Get-Content -Raw $path } else { '' }
    $outputNotes = @{}
    if ($existing -match '(?ms)^## OUTPUTS\r?\n(?<section>.*?)(?=^## |\z)') {
        foreach ($type in [regex]::Matches($Matches.section, '(?ms)^### (?<type>\S+)\r?\n(?<note>.*?)(?=^### |\z)')) {
            $outputNotes[$type.Groups['type'].Value] = $type.Groups['note'].Value.Trim()
        }
    }
    $generated = Get-GeneratedSections $command $outputNotes
    if (-not $existing) {
        $text = @(
            "---`nexternal help file: VodTools.dll-Help.xml`nModule Name: VodTools`nonline version:`nschema: 2.0.0`n---"
            "# $($command.Name)"
            "## SYNOPSIS`n$(Get-ClassPara $command.ImplementingType 'synopsis')"
            "## SYNTAX`n"
            "## DESCRIPTION`n$(Get-ClassPara $command.ImplementingType 'description')"
            "## EXAMPLES"
            "## PARAMETERS`n"
            "## INPUTS`n"
            "## OUTPUTS`n"
            "## NOTES"
            "## RELATED LINKS"
        ) -join "`n`n"
    }
    else {
        $text = $existing
    }
    $text = $text -replace '(?m)^online version:.*$', "online version:$(if ($onlineBase) { " $onlineBase/$($command.Name).md" })"
    foreach ($section in $generated.Keys) {
        $pattern = "(?ms)^## $section\r?\n.*?(?=^## |\z)"
        $text = [regex]::Replace($text, $pattern, { param($m) "## $section`n`n$($generated[$section])`n`n" })
    }
    Set-Content -Path $path -Value ($text.TrimEnd() + "`n") -Encoding utf8NoBOM -NoNewline
    Write-Verbose "Updated $path"
}
