using System.Text;
using VodTools.HelpCompiler;

// HelpCompiler <docs folder> <output folder> <module name>
// Writes <module>.dll-Help.xml from every Verb-Noun.md and about_*.help.txt from every about_*.md.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: HelpCompiler <docs/en-US> <output en-US folder> <ModuleName>");
    return 2;
}
var (docs, output, module) = (args[0], args[1], args[2]);
Directory.CreateDirectory(output);
var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
var commands = new List<CommandHelp>();
foreach (var file in Directory.GetFiles(docs, "*.md").Order(StringComparer.Ordinal))
{
    var name = Path.GetFileNameWithoutExtension(file);
    var markdown = File.ReadAllText(file);
    try
    {
        if (name.StartsWith("about_", StringComparison.Ordinal))
        {
            File.WriteAllText(Path.Combine(output, name + ".help.txt"), AboutTopic.Convert(markdown), utf8);
            continue;
        }
        var help = MarkdownHelpReader.Read(markdown);
        if (help.Name != name) throw new FormatException($"its heading names {help.Name}");
        commands.Add(help);
    }
    catch (FormatException e)
    {
        Console.Error.WriteLine($"{file}: {e.Message}");
        return 1;
    }
}
var maml = Path.Combine(output, module + ".dll-Help.xml");
using (var writer = new StreamWriter(maml, false, utf8)) MamlWriter.Write(commands).Save(writer);
Console.WriteLine($"{commands.Count} cmdlets → {maml}");
return 0;
