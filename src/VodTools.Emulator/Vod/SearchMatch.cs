using System.Globalization;
using VodTools.Emulator.Rpc;

namespace VodTools.Emulator.Vod;

/// <summary>What SearchMedia's Match and SortBy see of one media: its fields by the names of the search protocol.</summary>
internal sealed record SearchDoc(Video Video, string MediaType, string Status, long Size, double Duration)
{
    public string Id => Video.VideoId;
    public string StorageLocation => $"{Video.Bucket}.oss-{Video.Region}.aliyuncs.com";
}

/// <summary>
/// SearchMedia's Match parameter, the media search protocol (https://help.aliyun.com/document_detail/86991.htm, 2021 English
/// copy in AlibabaCloudDocs/vod "API Reference/Appendix/Protocol for media asset search.md"): <c>field = 'value'</c> (exact, or
/// "contains" for fuzzy fields), <c>field in ('a','b')</c> (multi-value), <c>field = ('from','to')</c> with ( ) open and [ ] closed
/// ends, either end may be empty (range); conditions joined by <c>and</c>; <c>or</c> only inside parentheses. Each field allows
/// only the kinds of query its row in the protocol's table marks; anything else is ErrorMatchSyntax (SearchMedia's error table).
/// </summary>
/// <remarks>Deliberately independent of the module's <c>MediaQuery</c>, which writes what this reads: written apart from the search protocol, no code shared, so that a mistake in one shows against the other.</remarks>
internal static class SearchMatch
{
    [Flags]
    private enum Kind { Exact = 1, Fuzzy = 2, Multi = 4, Range = 8 }

    private sealed record Field(Kind Kinds, Func<SearchDoc, string>? Text = null, Func<SearchDoc, double>? Number = null, bool IsTime = false);

    private static readonly Dictionary<string, Field> VideoFields = new(StringComparer.Ordinal)
    {
        ["VideoId"] = new(Kind.Exact | Kind.Multi, d => d.Id),
        ["AppId"] = new(Kind.Multi, d => d.Video.AppId),
        ["CateId"] = new(Kind.Exact, d => d.Video.CateId.ToString(CultureInfo.InvariantCulture)),
        ["StorageLocation"] = new(Kind.Exact | Kind.Multi, d => d.StorageLocation),
        ["Title"] = new(Kind.Fuzzy | Kind.Multi, d => d.Video.Title),
        ["Tags"] = new(Kind.Fuzzy | Kind.Multi, d => d.Video.Tags),
        ["Description"] = new(Kind.Fuzzy | Kind.Multi, d => d.Video.Description),
        ["Status"] = new(Kind.Multi, d => d.Status),
        ["MediaSource"] = new(Kind.Multi, _ => "general"),
        ["PreprocessStatus"] = new(Kind.Multi, _ => "UnPreprocess"),
        ["Size"] = new(Kind.Range, Number: d => d.Size),
        ["Duration"] = new(Kind.Range, Number: d => d.Duration),
        ["CreationTime"] = new(Kind.Range, Number: d => d.Video.CreationTime.ToUnixTimeSeconds(), IsTime: true),
        ["ModificationTime"] = new(Kind.Range, Number: d => d.Video.ModificationTime.ToUnixTimeSeconds(), IsTime: true),
    };

    /// <summary>The audio table is the video one with AudioId for VideoId (and StorageLocation multi-value only).</summary>
    private static readonly Dictionary<string, Field> AudioFields = VideoFields
        .Where(f => f.Key != "VideoId")
        .Select(f => f.Key == "StorageLocation" ? KeyValuePair.Create(f.Key, f.Value with { Kinds = Kind.Multi }) : f)
        .Append(KeyValuePair.Create("AudioId", new Field(Kind.Exact, d => d.Id)))
        .ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);

    /// <summary>The fields SortBy may name (the protocol's "sort field" column).</summary>
    public static readonly IReadOnlySet<string> SortFields = new HashSet<string>(StringComparer.Ordinal) { "CreationTime", "ModificationTime" };

    public static Func<SearchDoc, bool> Parse(string? match, string searchType)
    {
        if (string.IsNullOrWhiteSpace(match)) return _ => true;
        var parser = new Parser(Tokenize(match), searchType == "audio" ? AudioFields : VideoFields);
        var predicate = parser.Conjunction(insideParentheses: false);
        if (!parser.AtEnd) throw Syntax(parser.Peek);
        return predicate;
    }

    public static RpcException Syntax(string near) =>
        new(400, "ErrorMatchSyntax", $"The parameter Match.{near} has an error syntax, please check it.");

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        for (int i = 0; i < text.Length;)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '\'')
            {
                int end = text.IndexOf('\'', i + 1); // the protocol documents no escape for a quote inside a value
                if (end < 0) throw Syntax(text[i..]);
                tokens.Add(text[i..(end + 1)]);
                i = end + 1;
            }
            else if ("()[],=".Contains(c)) { tokens.Add(c.ToString()); i++; }
            else
            {
                int start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && !"()[],='".Contains(text[i])) i++;
                tokens.Add(text[start..i]);
            }
        }
        return tokens;
    }

    private sealed class Parser(List<string> tokens, Dictionary<string, Field> fields)
    {
        private int _at;

        public bool AtEnd => _at >= tokens.Count;
        public string Peek => AtEnd ? "end" : tokens[_at];

        private string Next() => AtEnd ? throw Syntax("end") : tokens[_at++];

        private bool Take(string token)
        {
            if (AtEnd || !string.Equals(tokens[_at], token, StringComparison.OrdinalIgnoreCase)) return false;
            _at++;
            return true;
        }

        private void Expect(string token)
        {
            if (!Take(token)) throw Syntax(Peek);
        }

        /// <summary>Conditions joined by "and"; "or" is allowed only between parentheses.</summary>
        public Func<SearchDoc, bool> Conjunction(bool insideParentheses)
        {
            var any = new List<Func<SearchDoc, bool>>();
            var all = new List<Func<SearchDoc, bool>> { Primary() };
            while (true)
            {
                if (Take("and")) all.Add(Primary());
                else if (Take("or"))
                {
                    if (!insideParentheses) throw Syntax("or");
                    any.Add(AllOf(all));
                    all = [Primary()];
                }
                else break;
            }
            any.Add(AllOf(all));
            return d => any.Any(p => p(d));
        }

        private static Func<SearchDoc, bool> AllOf(List<Func<SearchDoc, bool>> all) => d => all.All(p => p(d));

        private Func<SearchDoc, bool> Primary()
        {
            if (Take("("))
            {
                var inner = Conjunction(insideParentheses: true);
                Expect(")");
                return inner;
            }
            string name = Next();
            if (!fields.TryGetValue(name, out var field)) throw Syntax(name);
            if (Take("in"))
            {
                if (!field.Kinds.HasFlag(Kind.Multi)) throw Syntax(name);
                Expect("(");
                var values = new List<string> { Value(name) };
                while (Take(",")) values.Add(Value(name));
                Expect(")");
                if (name == "VideoId" && values.Count > 100) throw Syntax(name); // "a maximum of 100 video IDs in a multi-value query"
                return d => values.Any(v => Matches(field, d, v));
            }
            Expect("=");
            if (Peek is "(" or "[")
            {
                if (!field.Kinds.HasFlag(Kind.Range)) throw Syntax(name);
                bool openLow = Next() == "(";
                double? low = Peek == "," ? null : Bound(field, name);
                Expect(",");
                double? high = Peek is ")" or "]" ? null : Bound(field, name);
                bool openHigh = Next() == ")";
                return d =>
                {
                    double n = field.Number!(d);
                    return (low == null || (openLow ? n > low : n >= low)) && (high == null || (openHigh ? n < high : n <= high));
                };
            }
            if (!field.Kinds.HasFlag(Kind.Exact) && !field.Kinds.HasFlag(Kind.Fuzzy)) throw Syntax(name);
            string value = Value(name);
            return d => Matches(field, d, value);
        }

        /// <summary>A fuzzy field matches a value it contains (letter case aside), the others an equal value.</summary>
        private static bool Matches(Field field, SearchDoc d, string value) =>
            field.Kinds.HasFlag(Kind.Fuzzy)
                ? field.Text!(d).Contains(value, StringComparison.OrdinalIgnoreCase)
                : field.Text!(d) == value;

        /// <summary>A quoted string, or a bare number (CateId = 1000123).</summary>
        private string Value(string name)
        {
            string token = Next();
            if (token.Length >= 2 && token[0] == '\'') return token[1..^1];
            return double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? token : throw Syntax(name);
        }

        private double Bound(Field field, string name)
        {
            string value = Value(name);
            if (field.IsTime)
                return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t.ToUnixTimeSeconds() : throw Syntax(name);
            return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double n) ? n : throw Syntax(name);
        }
    }
}
