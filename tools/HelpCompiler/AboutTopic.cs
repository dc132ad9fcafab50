using System.Text;
using Markdig;
using Markdig.Syntax;

namespace VodTools.HelpCompiler;

/// <summary>Turns an about_*.md topic into the plain-text .help.txt that Get-Help about_X shows.</summary>
internal static class AboutTopic
{
    private const int Width = 80;

    public static string Convert(string markdown)
    {
        var text = new StringBuilder();
        foreach (var block in Markdown.Parse(markdown))
        {
            switch (block)
            {
                case HeadingBlock { Level: 1 } h1:
                    text.Append("TOPIC\n    ").Append(InlineText.Of(h1.Inline)).Append("\n\n");
                    break;
                case HeadingBlock h:
                    text.Append(h.Level == 2 ? InlineText.Of(h.Inline).ToUpperInvariant() : "  " + InlineText.Of(h.Inline)).Append('\n');
                    break;
                case ParagraphBlock paragraph:
                    Wrap(text, InlineText.Of(paragraph.Inline), "    ");
                    text.Append('\n');
                    break;
                case FencedCodeBlock code:
                    foreach (var line in code.Lines.ToString().TrimEnd().Split('\n')) text.Append("        ").Append(line.TrimEnd()).Append('\n');
                    text.Append('\n');
                    break;
                case ListBlock list:
                    foreach (var item in list.Descendants<ParagraphBlock>()) Wrap(text, InlineText.Of(item.Inline), "    - ", "      ");
                    text.Append('\n');
                    break;
                case Markdig.Extensions.Tables.Table:
                case ThematicBreakBlock:
                    break;
            }
        }
        return text.ToString().TrimEnd() + "\n";
    }

    private static void Wrap(StringBuilder text, string paragraph, string indent, string? continuation = null)
    {
        var line = new StringBuilder(indent);
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length + word.Length + 1 > Width && line.ToString().Trim().Length > 0)
            {
                text.Append(line.ToString().TrimEnd()).Append('\n');
                line.Clear().Append(continuation ?? indent);
            }
            line.Append(word).Append(' ');
        }
        text.Append(line.ToString().TrimEnd()).Append('\n');
    }
}
