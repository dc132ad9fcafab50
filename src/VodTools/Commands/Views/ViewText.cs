using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System;

namespace VodTools.Commands.Views
{
    /// <summary>
    /// How the default views (VodTools.Format.ps1xml) shorten what they show, so that a view reads well at 80 columns:
    /// text wrapped at word boundaries to its column (PowerShell's own wrap cuts words), dates as local short dates, sizes
    /// and durations in a few characters. Every column of a view has a fixed width; its text is wrapped to it here.
    /// </summary>
    public static class ViewText
    {
        /// <summary>Where a word too long for its column may break, best first: after a path's slash, then after what
        /// separates a URL's query, then after a hyphen, underscore, dot, colon or comma.</summary>
        private static readonly char[][] Breaks = { new[] { '/', '\\' }, new[] { '@', '?', '&', '=' }, new[] { '-', '_', '.', ':', ',' } };

        /// <summary>
        /// <paramref name="value"/> as lines of at most <paramref name="width"/> characters, broken at spaces; a word longer
        /// than the line breaks after one of <see cref="Breaks"/> (so a key or URL keeps its segments whole), and only a
        /// word without any is cut. Line breaks in the text are kept.
        /// </summary>
        public static string Wrap(object? value, int width)
        {
            var text = value?.ToString() ?? string.Empty;
            var lines = new List<string>();
            foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
            {
                var line = new StringBuilder();
                foreach (var word in paragraph.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    if (line.Length > 0 && line.Length + 1 + word.Length <= width)
                    {
                        line.Append(' ').Append(word);
                        continue;
                    }
                    if (line.Length > 0) lines.Add(line.ToString());
                    line.Clear();
                    var rest = word;
                    while (rest.Length > width)
                    {
                        var cut = BreakAt(rest, width);
                        lines.Add(rest.Substring(0, cut));
                        rest = rest.Substring(cut);
                    }
                    line.Append(rest);
                }
                lines.Add(line.ToString());
            }
            return string.Join("\n", lines);
        }

        /// <summary>The length of the first piece of <paramref name="word"/> on a line of <paramref name="width"/>: up to the
        /// best kind of break that leaves at least a third of the line filled, else up to the last break of any kind.</summary>
        private static int BreakAt(string word, int width)
        {
            foreach (var breaks in Breaks)
            {
                var at = word.LastIndexOfAny(breaks, width - 1);
                if (at + 1 >= width / 3) return at + 1;
            }
            var any = word.LastIndexOfAny(Breaks.SelectMany(b => b).ToArray(), width - 1);
            return any > 0 ? any + 1 : width;
        }

        /// <summary>The date in the local time zone, in the culture's short date pattern; empty for none.</summary>
        public static string ShortDate(DateTime? value) =>
            value == null ? string.Empty : value.Value.ToLocalTime().ToString("d", CultureInfo.CurrentCulture);

        /// <summary>The date and time in the local time zone, in the culture's short patterns; empty for none.</summary>
        public static string ShortDateTime(DateTime? value) =>
            value == null ? string.Empty : value.Value.ToLocalTime().ToString("g", CultureInfo.CurrentCulture);

        /// <summary>Bytes in binary units with one decimal, e.g. 1.5 KB, 3.0 MB; bytes as they are below 1 KB.</summary>
        public static string Size(long? bytes)
        {
            if (bytes == null) return string.Empty;
            var units = new[] { "B", "KB", "MB", "GB", "TB" };
            double size = bytes.Value;
            var unit = 0;
            while (size >= 1024 && unit < units.Length - 1)
            {
                size /= 1024;
                unit++;
            }
            return unit == 0 ? bytes.Value.ToString(CultureInfo.CurrentCulture) + " B" : size.ToString("0.0", CultureInfo.CurrentCulture) + " " + units[unit];
        }

        /// <summary>Seconds as h:mm:ss (rounded to the second); empty for none.</summary>
        public static string Duration(double? seconds)
        {
            if (seconds == null) return string.Empty;
            var time = TimeSpan.FromSeconds(Math.Round(seconds.Value));
            return ((int)time.TotalHours).ToString(CultureInfo.InvariantCulture) + time.ToString(@"\:mm\:ss", CultureInfo.InvariantCulture);
        }
    }
}
