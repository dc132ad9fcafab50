namespace VodTools.HelpCompiler;

/// <summary>One cmdlet's help as the platyPS markdown (schema 2.0.0) describes it.</summary>
internal sealed class CommandHelp
{
    public string Name { get; set; } = "";
    public string? OnlineVersion { get; set; }
    public string Synopsis { get; set; } = "";
    /// <summary>The parameter sets the SYNTAX section lists, in its order ("__AllParameterSets" for a cmdlet with one).</summary>
    public List<string> SyntaxSets { get; } = new();
    public List<string> Description { get; } = new();
    public List<ExampleHelp> Examples { get; } = new();
    public List<ParameterHelp> Parameters { get; } = new();
    public List<TypeHelp> Inputs { get; } = new();
    public List<TypeHelp> Outputs { get; } = new();
    public List<string> Notes { get; } = new();
    public List<(string Text, string? Uri)> Links { get; } = new();
}

internal sealed class ExampleHelp
{
    public string Title { get; set; } = "";
    public List<string> Introduction { get; } = new();
    public List<string> Code { get; } = new();
    public List<string> Remarks { get; } = new();
}

internal sealed class ParameterHelp
{
    private static readonly string[] PipelineKinds = { "ByValue", "ByPropertyName" };

    public string Name { get; set; } = "";
    public List<string> Description { get; } = new();
    public string Type { get; set; } = "System.String";
    public List<string> Aliases { get; } = new();
    public List<string> AcceptedValues { get; } = new();
    public string DefaultValue { get; set; } = "None";
    public bool Globbing { get; set; }
    /// <summary>One per yaml block of the page: the parameter sets it names, and how the parameter is used in them.</summary>
    public List<ParameterUse> Uses { get; } = new();

    public bool IsSwitch => Type.EndsWith("SwitchParameter", StringComparison.Ordinal);

    /// <summary>How the parameter is used in <paramref name="set"/> (optional, named, in every set when its page says
    /// nothing); null when the set does not have it.</summary>
    public ParameterUse? UseIn(string set) => Uses.Count == 0 ? ParameterUse.Optional : Uses.FirstOrDefault(u => u.InAllSets || u.Sets.Contains(set));

    /// <summary>Required in every set that has it: what Get-Help -Parameter says (the syntax of each set says the rest).</summary>
    public bool Required => Uses.Count > 0 && Uses.All(u => u.Required);

    /// <summary>The position of the first set that has it, as platyPS writes it.</summary>
    public string Position => Uses.Count == 0 ? "named" : Uses[0].Position;

    /// <summary>Every way it binds from the pipeline in any set, e.g. "True (ByValue, ByPropertyName)".</summary>
    public string PipelineInput
    {
        get
        {
            var kinds = PipelineKinds.Where(kind => Uses.Any(u => u.PipelineInput.Contains(kind, StringComparison.Ordinal))).ToList();
            return kinds.Count == 0 ? "False" : "True (" + string.Join(", ", kinds) + ")";
        }
    }
}

/// <summary>How a parameter is used in some parameter sets ("(All)", or none named, for every set).</summary>
internal sealed record ParameterUse(List<string> Sets, bool Required, string Position, string PipelineInput)
{
    public static readonly ParameterUse Optional = new(new(), false, "named", "False");

    public bool InAllSets => Sets.Count == 0 || Sets.Contains("(All)");
}

internal sealed record TypeHelp(string Type, List<string> Description);
