using System.Xml.Linq;

namespace VodTools.HelpCompiler;

/// <summary>Writes MAML in the element order PowerShell's help engine expects (platyPS src/MamlWriter/Command.cs orders command:command's children).</summary>
internal static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    private static readonly XNamespace MsHelp = "http://msdn.microsoft.com/mshelp";

    public static XDocument Write(IEnumerable<CommandHelp> commands) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems", new XAttribute("schema", "maml"), commands.OrderBy(c => c.Name, StringComparer.Ordinal).Select(CommandElement)));

    private static XElement CommandElement(CommandHelp help)
    {
        var dash = help.Name.IndexOf('-');
        return new XElement(Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XAttribute(XNamespace.Xmlns + "MSHelp", MsHelp),
            new XElement(Command + "details",
                new XElement(Command + "name", help.Name),
                new XElement(Command + "verb", dash > 0 ? help.Name[..dash] : help.Name),
                new XElement(Command + "noun", dash > 0 ? help.Name[(dash + 1)..] : ""),
                Description(new[] { help.Synopsis })),
            Description(help.Description),
            new XElement(Command + "syntax", SyntaxItems(help)),
            new XElement(Command + "parameters", help.Parameters.Select(p => Parameter(p, use: null))),
            new XElement(Command + "inputTypes", help.Inputs.Select(t => TypeElement(Command + "inputType", t))),
            new XElement(Command + "returnValues", help.Outputs.Select(t => TypeElement(Command + "returnValue", t))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paragraphs(help.Notes))),
            new XElement(Command + "examples", help.Examples.Select(Example)),
            new XElement(Command + "relatedLinks", Links(help)));
    }

    /// <summary>
    /// One syntax item per parameter set the SYNTAX section lists (else per set the parameters name), with the
    /// parameters of that set as they are used there: positional ones first, then the mandatory ones, the rest in the
    /// page's order (so -Confirm and -WhatIf come last, as in platyPS).
    /// </summary>
    private static IEnumerable<XElement> SyntaxItems(CommandHelp help)
    {
        var sets = help.SyntaxSets.Count > 0 ? help.SyntaxSets.ToList()
            : help.Parameters.SelectMany(p => p.Uses).SelectMany(u => u.Sets).Where(s => s != "(All)").Distinct().ToList();
        if (sets.Count == 0) sets.Add(MarkdownHelpReader.AllSets);
        foreach (var set in sets)
        {
            var members = help.Parameters.Select(p => (Parameter: p, Use: p.UseIn(set)!))
                .Where(m => m.Use != null)
                .OrderBy(m => m.Use.Position == "named" ? int.MaxValue : int.Parse(m.Use.Position))
                .ThenBy(m => m.Use.Required ? 0 : 1);
            yield return new XElement(Command + "syntaxItem", new XElement(Maml + "name", help.Name), members.Select(m => Parameter(m.Parameter, m.Use)));
        }
    }

    /// <summary>
    /// A parameter of a syntax item, as it is used in that set (<paramref name="use"/>), or of the parameters section
    /// (null: required only where it is in every set). As platyPS writes it: a switch is typed SwitchParameter and
    /// shows no value in SYNTAX.
    /// </summary>
    private static XElement Parameter(ParameterHelp p, ParameterUse? use)
    {
        var withDetail = use == null;
        return new(Command + "parameter",
            new XAttribute("required", (use?.Required ?? p.Required) ? "true" : "false"),
            new XAttribute("variableLength", "true"),
            new XAttribute("globbing", p.Globbing ? "true" : "false"),
            new XAttribute("pipelineInput", use?.PipelineInput ?? p.PipelineInput),
            new XAttribute("position", (use?.Position ?? p.Position).ToLowerInvariant()),
            new XAttribute("aliases", p.Aliases.Count == 0 ? "none" : string.Join(", ", p.Aliases)),
            new XElement(Maml + "name", p.Name),
            withDetail ? Description(p.Description) : null,
            p.AcceptedValues.Count == 0 ? null : new XElement(Command + "parameterValueGroup", p.AcceptedValues.Select(v =>
                new XElement(Command + "parameterValue", new XAttribute("required", "false"), new XAttribute(Command + "variableLength", "false"), v))),
            p.IsSwitch && !withDetail ? null : new XElement(Command + "parameterValue", new XAttribute("required", p.IsSwitch ? "false" : "true"), new XAttribute("variableLength", "false"), MamlType(p)),
            new XElement(Dev + "type", new XElement(Maml + "name", MamlType(p)), new XElement(Maml + "uri")),
            withDetail ? new XElement(Dev + "defaultValue", p.IsSwitch && p.DefaultValue == "None" ? "False" : p.DefaultValue) : null);
    }

    private static string MamlType(ParameterHelp p) => p.IsSwitch ? "SwitchParameter" : p.Type;

    private static XElement TypeElement(XName name, TypeHelp type) =>
        new(name, new XElement(Dev + "type", new XElement(Maml + "name", type.Type)), Description(type.Description));

    private static XElement Example(ExampleHelp example, int index)
    {
        var title = $" {example.Title} ";
        var pad = Math.Max(0, 64 - title.Length) / 2;
        return new XElement(Command + "example",
            new XElement(Maml + "title", new string('-', pad) + title + new string('-', pad)),
            example.Introduction.Count == 0 ? null : new XElement(Maml + "introduction", Paragraphs(example.Introduction)),
            new XElement(Dev + "code", string.Join("\n\n", example.Code)),
            new XElement(Dev + "remarks", Paragraphs(example.Remarks)));
    }

    private static IEnumerable<XElement> Links(CommandHelp help)
    {
        if (help.OnlineVersion != null) yield return Link("Online Version:", help.OnlineVersion);
        foreach (var (text, uri) in help.Links) yield return Link(text, uri);
    }

    /// <summary>A relative link gets an empty uri: the help engine rejects what is not a valid URI.</summary>
    private static XElement Link(string text, string? uri) =>
        new(Maml + "navigationLink", new XElement(Maml + "linkText", text), new XElement(Maml + "uri", uri ?? ""));

    private static XElement Description(IEnumerable<string> paragraphs) => new(Maml + "description", Paragraphs(paragraphs));

    private static IEnumerable<XElement> Paragraphs(IEnumerable<string> paragraphs) => paragraphs.Select(p => new XElement(Maml + "para", p));
}
