using System.Text;
using Markdig.Syntax.Inlines;

namespace VodTools.HelpCompiler;

/// <summary>
/// The plain text of inline markdown, as Get-Help shows it: emphasis dropped, code and link text kept, soft breaks as
/// spaces. Help is text, not HTML: what CommonMark reads as an inline tag, e.g. the placeholders of
/// https://&lt;bucket&gt;.oss-&lt;region&gt;.aliyuncs.com, is kept as written (platyPS keeps it too).
/// </summary>
internal static class InlineText
{
    public static string Of(ContainerInline? inline)
    {
        var text = new StringBuilder();
        Append(text, inline);
        return text.ToString();
    }

    private static void Append(StringBuilder text, ContainerInline? inline)
    {
        if (inline == null) return;
        foreach (var child in inline)
        {
            switch (child)
            {
                case LiteralInline literal: text.Append(literal.Content.ToString()); break;
                case CodeInline code: text.Append(code.Content); break;
                case LineBreakInline: text.Append(' '); break;
                case HtmlEntityInline entity: text.Append(entity.Transcoded.ToString()); break;
                case HtmlInline html: text.Append(html.Tag); break;
                case AutolinkInline autolink: text.Append(autolink.Url); break;
                // a bracket that opened no link, e.g. the first of KIND:P[:ARG][@TARGET]: its text, then what follows it
                case LinkDelimiterInline bracket: text.Append(bracket.ToLiteral()); Append(text, bracket); break;
                case ContainerInline container: Append(text, container); break;
            }
        }
    }
}
