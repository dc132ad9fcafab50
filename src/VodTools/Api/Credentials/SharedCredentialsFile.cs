using System.Collections.Generic;
using System.IO;
using System;

namespace VodTools.Api.Credentials
{
    /// <summary>
    /// The INI file of the official credentials libraries (<c>~/.alibabacloud/credentials</c>): sections of
    /// <c>key = value</c> lines, <c>#</c> and <c>;</c> comments. Section and key names are case-sensitive.
    /// </summary>
    public sealed class SharedCredentialsFile
    {
        private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _sections;

        private SharedCredentialsFile(string path, Dictionary<string, IReadOnlyDictionary<string, string>> sections)
        {
            Path = path;
            _sections = sections;
        }

        public string Path { get; }

        /// <summary>The keys of one section, or null when the file has no such section.</summary>
        public IReadOnlyDictionary<string, string>? FindSection(string name) =>
            _sections.TryGetValue(name, out var section) ? section : null;

        public static SharedCredentialsFile Load(string path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new CredentialsException(CredentialsErrorId.ConfigFileInvalid, $"The credentials file {path} cannot be read: {e.Message}", e);
            }

            return Parse(text, path);
        }

        public static SharedCredentialsFile Parse(string text, string path)
        {
            var sections = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
            Dictionary<string, string>? current = null;
            var lines = text.Split('\n');
            for (var index = 0; index < lines.Length; index++)
            {
                var line = lines[index].Trim();
                if (line.Length == 0 || line[0] == '#' || line[0] == ';')
                {
                    continue;
                }

                if (line[0] == '[')
                {
                    if (line[line.Length - 1] != ']' || line.Length < 3)
                    {
                        throw Invalid(path, index, "a section header must look like [name]");
                    }

                    current = new Dictionary<string, string>(StringComparer.Ordinal);
                    sections[line.Substring(1, line.Length - 2).Trim()] = current;
                    continue;
                }

                var equals = line.IndexOf('=');
                if (equals <= 0)
                {
                    throw Invalid(path, index, "expected key = value");
                }

                if (current == null)
                {
                    throw Invalid(path, index, "a key comes before the first [section]");
                }

                current[line.Substring(0, equals).Trim()] = line.Substring(equals + 1).Trim();
            }

            return new SharedCredentialsFile(path, sections);
        }

        // The line number only: the line itself may hold a secret.
        private static CredentialsException Invalid(string path, int index, string problem) =>
            new CredentialsException(CredentialsErrorId.ConfigFileInvalid, $"The credentials file {path} is invalid at line {index + 1}: {problem}.");
    }
}
