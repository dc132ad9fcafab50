using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace VodTools.HelpCompiler;

/// <summary>Reads a platyPS schema 2.0.0 markdown file (platyPS docs/platyPS.schema.md) with Markdig.</summary>
internal static class MarkdownHelpReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    /// <summary>What SYNTAX titles a cmdlet's only parameter set (platyPS's name for it).</summary>
    public const string AllSets = "__AllParameterSets";

    private const string DefaultSuffix = " (Default)";

    public static CommandHelp Read(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var help = new CommandHelp();
        string? section = null;
        ExampleHelp? example = null;
        ParameterHelp? parameter = null;
        TypeHelp? type = null;

        foreach (var block in document)
        {
            switch (block)
            {
                case YamlFrontMatterBlock front:
                    help.OnlineVersion = YamlValue(front.Lines.ToString(), "online version");
                    break;
                case HeadingBlock { Level: 1 } h1:
                    help.Name = Text(h1.Inline);
                    break;
                case HeadingBlock { Level: 2 } h2:
                    section = Text(h2.Inline).ToUpperInvariant();
                    example = null; parameter = null; type = null;
                    break;
                case HeadingBlock { Level: 3 } h3:
                    var title = Text(h3.Inline);
                    example = null; parameter = null; type = null;
                    if (section == "SYNTAX") help.SyntaxSets.Add(title.EndsWith(DefaultSuffix, StringComparison.Ordinal) ? title[..^DefaultSuffix.Length] : title);
                    else if (section == "EXAMPLES") help.Examples.Add(example = new ExampleHelp { Title = title });
                    else if (section == "PARAMETERS" && title.StartsWith('-')) help.Parameters.Add(parameter = new ParameterHelp { Name = title[1..] });
                    else if (section == "INPUTS") help.Inputs.Add(type = new TypeHelp(title, new()));
                    else if (section == "OUTPUTS") help.Outputs.Add(type = new TypeHelp(title, new()));
                    break;
                case FencedCodeBlock code when parameter != null && code.Info == "yaml":
                    ApplyYaml(parameter, code.Lines.ToString());
                    break;
                case FencedCodeBlock code when example != null:
                    example.Code.Add(code.Lines.ToString().TrimEnd());
                    break;
                case FencedCodeBlock code:
                    TextTarget(help, section, example, parameter, type)?.Add(code.Lines.ToString().TrimEnd());
                    break;
                case ParagraphBlock paragraph when section == "RELATED LINKS":
                    foreach (var link in paragraph.Inline!.Descendants<LinkInline>())
                        help.Links.Add((Text(link), Uri.TryCreate(link.Url, UriKind.Absolute, out _) ? link.Url : null));
                    break;
                case ParagraphBlock paragraph when section == "SYNOPSIS":
                    help.Synopsis = (help.Synopsis + " " + Text(paragraph.Inline)).Trim();
                    break;
                case ParagraphBlock paragraph when example != null:
                    (example.Code.Count == 0 ? example.Introduction : example.Remarks).Add(Text(paragraph.Inline));
                    break;
                case ParagraphBlock paragraph:
                    TextTarget(help, section, example, parameter, type)?.Add(Text(paragraph.Inline));
                    break;
                case ListBlock list:
                    var items = list.Descendants<ParagraphBlock>().Select(p => "- " + Text(p.Inline));
                    var target = example != null ? (example.Code.Count == 0 ? example.Introduction : example.Remarks) : TextTarget(help, section, example, parameter, type);
                    target?.AddRange(items);
                    break;
            }
        }
        if (help.Name.Length == 0) throw new FormatException("The markdown has no '# Verb-Noun' heading.");
        Check(help);
        return help;
    }

    /// <summary>
    /// What would make the help say something the page does not mean: an example out of its place in the numbering
    /// (titles "Example N: ..." from 1), a parameter in a set the SYNTAX section does not list.
    /// </summary>
    private static void Check(CommandHelp help)
    {
        for (var i = 0; i < help.Examples.Count; i++)
        {
            if (!help.Examples[i].Title.StartsWith($"Example {i + 1}:", StringComparison.Ordinal))
                throw new FormatException($"example {i + 1} is titled '{help.Examples[i].Title}'; titles are 'Example N: ...', numbered from 1.");
        }
        var listed = help.SyntaxSets.Where(s => s != AllSets).ToList();
        foreach (var parameter in help.Parameters)
        {
            foreach (var set in parameter.Uses.SelectMany(u => u.Sets).Where(s => s != "(All)" && !listed.Contains(s)))
                throw new FormatException($"-{parameter.Name} is in the parameter set {set}, which SYNTAX does not list.");
        }
    }

    private static List<string>? TextTarget(CommandHelp help, string? section, ExampleHelp? example, ParameterHelp? parameter, TypeHelp? type) =>
        parameter?.Description ?? type?.Description ?? section switch
        {
            "DESCRIPTION" => help.Description,
            "NOTES" => help.Notes,
            _ => null,
        };

    private static void ApplyYaml(ParameterHelp parameter, string yaml)
    {
        string? Value(string key) => YamlValue(yaml, key);
        static List<string> List(string? value) =>
            string.IsNullOrWhiteSpace(value) ? new() : value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToList();

        parameter.Type = Value("Type") ?? parameter.Type;
        parameter.Aliases.AddRange(List(Value("Aliases")).Except(parameter.Aliases));
        parameter.AcceptedValues.AddRange(List(Value("Accepted values")).Except(parameter.AcceptedValues));
        var position = Value("Position");
        parameter.Uses.Add(new ParameterUse(
            List(Value("Parameter Sets")),
            string.Equals(Value("Required"), "True", StringComparison.OrdinalIgnoreCase),
            position == null || string.Equals(position, "Named", StringComparison.OrdinalIgnoreCase) ? "named" : position,
            Value("Accept pipeline input") ?? "False"));
        parameter.DefaultValue = Value("Default value") ?? parameter.DefaultValue;
        parameter.Globbing |= string.Equals(Value("Accept wildcard characters"), "True", StringComparison.OrdinalIgnoreCase);
    }

    private static string? YamlValue(string yaml, string key)
    {
        foreach (var line in yaml.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon > 0 && string.Equals(line[..colon].Trim(), key, StringComparison.OrdinalIgnoreCase))
            {
                var value = line[(colon + 1)..].Trim();
                return value.Length == 0 ? null : value;
            }
        }
        return null;
    }

    private static string Text(ContainerInline? inline) => InlineText.Of(inline).Trim();
}
