using System.Globalization;

namespace VodTools.Api.Credentials
{
    /// <summary>
    /// What an access key id, secret or STS token may hold: printable ASCII with no space at either end. A value with
    /// anything else (a non-ASCII letter, a carriage return copied from a file, a space) can never sign a request the
    /// cloud accepts, and HTTP headers refuse it, so it is refused before any call, in words that never show the secret.
    /// </summary>
    public static class AccessKeyText
    {
        /// <summary>Why <paramref name="value"/> cannot be the <paramref name="name"/> of a key, or null when it can;
        /// <paramref name="showValue"/> says whether the message may quote its characters (a key id's may, a secret's never).</summary>
        public static string? Problem(string value, string name, bool showValue)
        {
            if (value.Length > 0 && (value[0] == ' ' || value[value.Length - 1] == ' '))
                return $"The {name} has a space at its {(value[0] == ' ' ? "start" : "end")}; an access key has none. Remove it (was it copied with the space around it?).";
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (c >= 0x20 && c <= 0x7e) continue; // a space inside is the cloud's to refuse; at an end it is a copying slip
                var where = i == value.Length - 1 ? "at its end" : i == 0 ? "at its start" : $"at position {i + 1}";
                if (char.IsControl(c))
                    return $"The {name} has a control character ({ControlName(c)}) {where}; an access key has none. Remove it (a line end copied from a file is the usual cause).";
                var shown = showValue ? $"'{c}' " : string.Empty;
                return $"The {name} has a character that is not ASCII {shown}{where}; an access key is ASCII letters and digits. Check that it was typed or copied as issued.";
            }
            return null;
        }

        private static string ControlName(char c) => c switch
        {
            '\r' => "carriage return",
            '\n' => "line feed",
            '\t' => "tab",
            _ => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
        };
    }
}
