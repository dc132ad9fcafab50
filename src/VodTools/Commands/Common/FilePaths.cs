using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using VodTools.Services;

namespace VodTools.Commands.Common
{
    /// <summary>
    /// How -Path and -LiteralPath name files, as PowerShell's own cmdlets do: -Path is a wildcard pattern, -LiteralPath is
    /// taken as written (so clip[1].mp4 is that file), and a FileInfo piped in binds to -LiteralPath by its PSPath.
    /// </summary>
    internal static class FilePaths
    {
        /// <summary>The parameter set of -Path.</summary>
        public const string PathSet = "Path";

        /// <summary>The parameter set of -LiteralPath.</summary>
        public const string LiteralPathSet = "LiteralPath";

        /// <summary>
        /// The files a path names: every match of a -Path pattern, or a -LiteralPath as written (whether or not it exists).
        /// ItemNotFoundException when a pattern matches nothing.
        /// </summary>
        public static IReadOnlyList<string> Resolve(this PSCmdlet cmdlet, string path, bool literal)
        {
            if (literal) return new[] { cmdlet.GetUnresolvedProviderPathFromPSPath(path) };
            var matches = cmdlet.GetResolvedProviderPathFromPSPath(path, out _);
            if (matches.Count == 0) throw new ItemNotFoundException($"No file matches '{path}'.");
            return matches;
        }

        /// <summary>
        /// The file a cmdlet writes: a -Path pattern that matches one item names that item, one that matches none is the new
        /// file's name as written (as Out-File does); a -LiteralPath is taken as written. A pattern that matches several is refused.
        /// </summary>
        public static string Target(this PSCmdlet cmdlet, string path, bool literal)
        {
            if (!literal && WildcardPattern.ContainsWildcardCharacters(path))
            {
                try
                {
                    var matches = cmdlet.GetResolvedProviderPathFromPSPath(path, out _);
                    if (matches.Count == 1) return matches[0];
                    if (matches.Count > 1)
                        throw new ValidationException("PathMatchesSeveralFiles", $"-Path '{path}' matches {matches.Count} files: name one, or give -LiteralPath to take the name as written.", "Path");
                }
                catch (ItemNotFoundException)
                {
                    // no match: the name of a new file
                }
            }
            return cmdlet.GetUnresolvedProviderPathFromPSPath(path);
        }

        /// <summary>
        /// The file a cmdlet writes from its -Path or -LiteralPath (<see cref="Target"/>); a file there already ends the
        /// cmdlet with <paramref name="existsErrorId"/> unless <paramref name="force"/>.
        /// </summary>
        public static string NewFile(this PSCmdlet cmdlet, string path, bool literal, bool force, string existsErrorId)
        {
            var target = string.Empty;
            cmdlet.CheckParameters(() => target = cmdlet.Target(path, literal));
            if (File.Exists(target) && !force)
                cmdlet.ThrowTerminatingError(new ErrorRecord(new IOException($"{target} exists; give -Force to replace it."), existsErrorId, ErrorCategory.ResourceExists, target));
            return target;
        }

        /// <summary>Emits the file at a path as Get-Item does (with its PSPath, so that it pipes into a -LiteralPath).</summary>
        public static void WriteFileItem(this PSCmdlet cmdlet, string path) =>
            cmdlet.WriteObject(cmdlet.InvokeProvider.Item.Get(new[] { path }, false, true), enumerateCollection: true);
    }
}
