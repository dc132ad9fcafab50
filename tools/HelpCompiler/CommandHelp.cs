namespace VodTools.HelpCompiler;

/// <summary>One cmdlet's help as the platyPS markdown (schema 2.0.0) describes it.</summary>
internal sealed class CommandHelp
{
    public string Name { get; set; } = "";
    public string? OnlineVersion { get; set; }
    public string Synopsis { get; set; } = "";
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
    public string Name { get; set; } = "";
    public List<string> Description { get; } = new();
    public string Type { get; set; } = "System.String";
    public List<string> ParameterSets { get; } = new();
    public List<string> Aliases { get; } = new();
    public List<string> AcceptedValues { get; } = new();
    public bool Required { get; set; }
    /// <summary>"named" or a 0-based position.</summary>
    public string Position { get; set; } = "named";
    public string DefaultValue { get; set; } = "None";
    public string PipelineInput { get; set; } = "False";
    public bool Globbing { get; set; }

    public bool IsSwitch => Type.EndsWith("SwitchParameter", StringComparison.Ordinal);
    public bool InAllSets => ParameterSets.Count == 0 || ParameterSets.Contains("(All)");
}

internal sealed record TypeHelp(string Type, List<string> Description);
