using System.Xml.Linq;

namespace VodTools.HelpCompiler.Tests;

/// <summary>The markdown → MAML compiler on a page shaped like ours (MAML as platyPS writes it).</summary>
public class HelpCompilerTests
{
    private const string Page = """
        ---
        external help file: VodTools.dll-Help.xml
        online version: https://example.org/Get-Thing
        schema: 2.0.0
        ---

        # Get-Thing

        ## SYNOPSIS
        Gets things.

        ## SYNTAX
        ### ByName (Default)
        ```
        Get-Thing [-Name] <string>
        ```

        ### ByAll
        ```
        Get-Thing -All
        ```

        ### Plain
        ```
        Get-Thing [-Name <string>]
        ```

        ## DESCRIPTION
        First paragraph with `code`.

        Second paragraph.

        ## EXAMPLES

        ### Example 1: One
        ```powershell runnable
        Get-Thing -Name a
        ```
        Gets a.

        ### Example 2: Two
        Before.
        ```powershell
        Get-Thing -All
        ```

        ## PARAMETERS

        ### -Name
        The name.

        ```yaml
        Type: System.String
        Parameter Sets: ByName
        Aliases: N, Id
        Accepted values: a, b

        Required: True
        Position: 0
        Default value: None
        Accept pipeline input: True (ByPropertyName)
        Accept wildcard characters: True
        ```

        ```yaml
        Type: System.String
        Parameter Sets: Plain
        Aliases: N, Id
        Accepted values: a, b

        Required: False
        Position: Named
        Default value: None
        Accept pipeline input: False
        Accept wildcard characters: True
        ```

        ### -All
        Everything.

        ```yaml
        Type: System.Management.Automation.SwitchParameter
        Parameter Sets: ByAll
        Aliases:

        Required: True
        Position: Named
        Default value: None
        Accept pipeline input: False
        Accept wildcard characters: False
        ```

        ### -Region
        The region, e.g. https://vod.<region>.aliyuncs.com or \<region>. Rules are KIND:P[:ARG][@TARGET], or [x] alone.

        ```yaml
        Type: System.String
        Parameter Sets: (All)
        Aliases:

        Required: False
        Position: Named
        Default value: Session context, then cn-shanghai
        Accept pipeline input: False
        Accept wildcard characters: False
        ```

        ### -Confirm
        Prompts you for confirmation before running the cmdlet.

        ```yaml
        Type: System.Management.Automation.SwitchParameter
        Parameter Sets: (All)
        Aliases: cf

        Required: False
        Position: Named
        Default value: None
        Accept pipeline input: False
        Accept wildcard characters: False
        ```

        ### -WhatIf
        Shows what would happen if the cmdlet runs. The cmdlet is not run.

        ```yaml
        Type: System.Management.Automation.SwitchParameter
        Parameter Sets: (All)
        Aliases: wi

        Required: False
        Position: Named
        Default value: None
        Accept pipeline input: False
        Accept wildcard characters: False
        ```

        ### CommonParameters
        Boilerplate.

        ## INPUTS

        ### System.String
        A name.

        ## OUTPUTS

        ### VodTools.Model.Thing

        ## NOTES
        A note.

        ## RELATED LINKS
        [Other-Thing](Other-Thing.md)

        [Site](https://example.org/)
        """;

    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    private static XElement Compile() => MamlWriter.Write(new[] { MarkdownHelpReader.Read(Page) }).Root!.Elements().Single();

    [Fact]
    public void Sections_come_in_the_order_the_help_engine_reads()
    {
        Assert.Equal(
            new[] { "details", "description", "syntax", "parameters", "inputTypes", "returnValues", "alertSet", "examples", "relatedLinks" },
            Compile().Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public void Details_description_and_notes_keep_their_paragraphs()
    {
        var command = Compile();
        Assert.Equal(("Get-Thing", "Get", "Thing"), (command.Descendants(Command + "name").First().Value, command.Descendants(Command + "verb").First().Value, command.Descendants(Command + "noun").First().Value));
        Assert.Equal("Gets things.", command.Element(Command + "details")!.Element(Maml + "description")!.Value);
        Assert.Equal(new[] { "First paragraph with code.", "Second paragraph." }, command.Element(Maml + "description")!.Elements(Maml + "para").Select(p => p.Value));
        Assert.Equal("A note.", command.Element(Maml + "alertSet")!.Value);
    }

    [Fact]
    public void Parameters_carry_their_metadata_in_the_order_of_the_page()
    {
        var parameters = Compile().Element(Command + "parameters")!.Elements().ToDictionary(p => p.Element(Maml + "name")!.Value);
        Assert.Equal(new[] { "Name", "All", "Region", "Confirm", "WhatIf" }, parameters.Keys);
        var name = parameters["Name"];
        Assert.Equal(("false", "0", "True (ByPropertyName)", "true", "N, Id"),
            (name.Attribute("required")!.Value, name.Attribute("position")!.Value, name.Attribute("pipelineInput")!.Value, name.Attribute("globbing")!.Value, name.Attribute("aliases")!.Value));
        Assert.Equal(new[] { "a", "b" }, name.Element(Command + "parameterValueGroup")!.Elements().Select(v => v.Value));
        Assert.Equal("System.String", name.Element(Command + "parameterValue")!.Value);
        Assert.Equal("The name.", name.Element(Maml + "description")!.Value);
        Assert.Equal(("named", "none"), (parameters["Region"].Attribute("position")!.Value, parameters["Region"].Attribute("aliases")!.Value));
        Assert.Equal("Session context, then cn-shanghai", parameters["Region"].Element(Dev + "defaultValue")!.Value);
    }

    [Fact]
    public void Switches_are_typed_SwitchParameter_default_to_False_and_show_no_value_in_syntax_as_platyPS_writes_them()
    {
        var command = Compile();
        var whatIf = command.Element(Command + "parameters")!.Elements().Single(p => p.Element(Maml + "name")!.Value == "WhatIf");
        Assert.Equal(("SwitchParameter", "false", "SwitchParameter", "False", "wi"),
            (whatIf.Element(Command + "parameterValue")!.Value, whatIf.Element(Command + "parameterValue")!.Attribute("required")!.Value,
             whatIf.Element(Dev + "type")!.Element(Maml + "name")!.Value, whatIf.Element(Dev + "defaultValue")!.Value, whatIf.Attribute("aliases")!.Value));
        Assert.Equal("Shows what would happen if the cmdlet runs. The cmdlet is not run.", whatIf.Element(Maml + "description")!.Value);
        var inSyntax = command.Element(Command + "syntax")!.Descendants(Command + "parameter").Where(p => p.Element(Maml + "name")!.Value is "WhatIf" or "All");
        Assert.All(inSyntax, p => Assert.Null(p.Element(Command + "parameterValue")));
    }

    [Fact]
    public void Syntax_has_every_set_of_the_page_positional_parameters_first_then_in_the_order_of_the_page()
    {
        var items = Compile().Element(Command + "syntax")!.Elements().Select(i => i.Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value).ToArray()).ToArray();
        Assert.Equal(new[]
        {
            new[] { "Name", "Region", "Confirm", "WhatIf" },
            new[] { "All", "Region", "Confirm", "WhatIf" },
            new[] { "Name", "Region", "Confirm", "WhatIf" },
        }, items);
    }

    [Fact]
    public void A_parameter_is_required_placed_and_bound_in_each_syntax_as_in_that_set_and_required_in_the_list_only_when_it_is_in_every_set()
    {
        var command = Compile();
        var name = command.Element(Command + "syntax")!.Elements()
            .SelectMany(i => i.Elements(Command + "parameter").Where(p => p.Element(Maml + "name")!.Value == "Name"))
            .Select(p => (p.Attribute("required")!.Value, p.Attribute("position")!.Value, p.Attribute("pipelineInput")!.Value)).ToArray();
        Assert.Equal(new[] { ("true", "0", "True (ByPropertyName)"), ("false", "named", "False") }, name);
        var all = command.Element(Command + "parameters")!.Elements().Single(p => p.Element(Maml + "name")!.Value == "All");
        Assert.Equal("true", all.Attribute("required")!.Value);
    }

    [Theory]
    [InlineData("### Example 1: One", "### Example 3: One", "example 1 is titled 'Example 3: One'")]
    [InlineData("### ByAll\n", "### Every\n", "-All is in the parameter set ByAll, which SYNTAX does not list")]
    public void A_page_whose_help_would_mislead_is_refused(string text, string replacement, string message)
    {
        var e = Assert.Throws<FormatException>(() => MarkdownHelpReader.Read(Page.Replace(text, replacement)));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Angle_and_square_brackets_in_text_are_kept_whether_or_not_the_markdown_escapes_them()
    {
        var region = Compile().Element(Command + "parameters")!.Elements().Single(p => p.Element(Maml + "name")!.Value == "Region");
        Assert.Equal("The region, e.g. https://vod.<region>.aliyuncs.com or <region>. Rules are KIND:P[:ARG][@TARGET], or [x] alone.", region.Element(Maml + "description")!.Value);
        Assert.Contains("See https://<bucket>.oss-<region>.aliyuncs.com/<key>.", AboutTopic.Convert("# about_Thing\n\nSee https://<bucket>.oss-\\<region>.aliyuncs.com/<key>.\n"));
    }

    [Fact]
    public void Examples_have_padded_titles_code_and_remarks()
    {
        var examples = Compile().Element(Command + "examples")!.Elements().ToList();
        Assert.Equal(2, examples.Count);
        Assert.Matches("^-+ Example 1: One -+$", examples[0].Element(Maml + "title")!.Value);
        Assert.Equal("Get-Thing -Name a", examples[0].Element(Dev + "code")!.Value);
        Assert.Equal("Gets a.", examples[0].Element(Dev + "remarks")!.Value);
        Assert.Equal("Before.", examples[1].Element(Maml + "introduction")!.Value);
    }

    [Fact]
    public void The_runnable_marker_of_a_code_fence_stays_out_of_the_help()
    {
        var command = Compile();
        Assert.Equal("Get-Thing -Name a", command.Element(Command + "examples")!.Elements().First().Element(Dev + "code")!.Value);
        Assert.DoesNotContain("runnable", command.ToString());
    }

    [Fact]
    public void Links_start_with_the_online_version_and_relative_ones_get_an_empty_uri()
    {
        var links = Compile().Element(Command + "relatedLinks")!.Elements().Select(l => (l.Element(Maml + "linkText")!.Value, l.Element(Maml + "uri")!.Value)).ToList();
        Assert.Equal(new[] { ("Online Version:", "https://example.org/Get-Thing"), ("Other-Thing", ""), ("Site", "https://example.org/") }, links);
    }

    [Fact]
    public void Inputs_and_outputs_name_their_types()
    {
        var command = Compile();
        Assert.Equal("System.String", command.Element(Command + "inputTypes")!.Descendants(Maml + "name").Single().Value);
        Assert.Equal("VodTools.Model.Thing", command.Element(Command + "returnValues")!.Descendants(Maml + "name").Single().Value);
    }

    [Fact]
    public void About_topics_become_indented_plain_text()
    {
        var text = AboutTopic.Convert("# about_Thing\n\n## SHORT DESCRIPTION\n\nOne line.\n\n```powershell\nGet-Thing\n```\n");
        Assert.Equal("TOPIC\n    about_Thing\n\nSHORT DESCRIPTION\n    One line.\n\n        Get-Thing\n", text);
    }
}
