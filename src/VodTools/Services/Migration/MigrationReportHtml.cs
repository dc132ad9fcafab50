using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using System;
using VodTools.Model;

namespace VodTools.Services.Migration
{
    /// <summary>
    /// The report as one HTML file a manager can open anywhere: inline CSS, the throughput chart as inline SVG, no
    /// script, font or image fetched from anywhere.
    /// </summary>
    internal static class MigrationReportHtml
    {
        private static readonly (string Name, string Color, Func<MigrationTimeSlice, long> Count)[] Series =
        {
            ("Registered", "#1f77b4", s => s.Registered),
            ("Transcode submitted", "#ff7f0e", s => s.Submitted),
            ("Transcoded", "#2ca02c", s => s.Transcoded),
            ("Finished (done or failed)", "#7f7f7f", s => s.Finished),
        };

        public static string Render(MigrationReport report, DateTime generated)
        {
            var html = new StringBuilder();
            var source = $"oss://{report.Bucket}/{report.Prefix}";
            html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Migration report: ").Append(E(source)).Append("</title>\n<style>")
                .Append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em;color:#222}h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em}")
                .Append("table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.3em .7em;text-align:left;vertical-align:top}th{background:#f3f3f3}")
                .Append("td.n{text-align:right;font-variant-numeric:tabular-nums}td.k{white-space:nowrap}.cards{display:flex;gap:1em;flex-wrap:wrap}.card{border:1px solid #ccc;border-radius:6px;padding:.6em 1em;min-width:8em}")
                .Append(".card b{display:block;font-size:1.6em}.failed b{color:#c00}.done b{color:#080}code{font-size:.9em}svg text{font-size:11px;fill:#444}")
                .Append("</style></head><body>\n");
            html.Append("<h1>Migration of ").Append(E(source)).Append(" into VOD</h1>\n<p>Template group <code>").Append(E(report.TemplateGroupId ?? "")).Append("</code>")
                .Append(report.Snapshot ? ", with snapshots" : string.Empty).Append(". ").Append(report.Runs).Append(report.Runs == 1 ? " run" : " runs")
                .Append(report.Started == null ? string.Empty : ", first started " + Time(report.Started.Value)).Append(". Listing ")
                .Append(report.ListingComplete ? "complete" : "not complete yet: more files may follow").Append(".</p>\n");

            html.Append("<div class=\"cards\">");
            Card(html, "Files", report.Total.ToString("N0", CultureInfo.InvariantCulture), null);
            Card(html, "Done", report.Done.ToString("N0", CultureInfo.InvariantCulture), "done");
            Card(html, "Failed", report.Failed.ToString("N0", CultureInfo.InvariantCulture), "failed");
            Card(html, "In progress", (report.Total - report.Done - report.Failed).ToString("N0", CultureInfo.InvariantCulture), null);
            Card(html, "Elapsed", Duration(TimeSpan.FromSeconds(report.ElapsedSeconds)), null);
            Card(html, "Remaining", report.RemainingSeconds == null ? (report.InProgress == 0 ? "none" : "unknown") : "about " + Duration(TimeSpan.FromSeconds(report.RemainingSeconds.Value)), null);
            html.Append("</div>\n");

            html.Append("<h2>Files by state</h2>\n<table><tr><th>State</th><th>Files</th><th>Meaning</th></tr>\n");
            Row(html, "Listed", report.Listed, "found in the bucket, not registered yet");
            Row(html, "Registered", report.Registered, "registered with VOD, transcode not submitted yet");
            Row(html, "Transcoding", report.Transcoding, "transcode task running");
            if (report.Snapshot) Row(html, "Transcoded", report.Transcoded, "transcoded, snapshot not taken yet");
            Row(html, "Done", report.Done, "finished");
            Row(html, "Failed", report.Failed, "a stage failed: see the failures below");
            html.Append("</table>\n");

            html.Append("<h2>Stages</h2>\n<table><tr><th>Stage</th><th>Files through</th><th>Failed there</th><th>Rate</th></tr>\n");
            foreach (var stage in report.Stages)
                html.Append("<tr><td>").Append(stage.Stage).Append("</td><td class=\"n\">").Append(stage.Files.ToString("N0", CultureInfo.InvariantCulture))
                    .Append("</td><td class=\"n\">").Append(stage.Failed.ToString("N0", CultureInfo.InvariantCulture)).Append("</td><td class=\"n\">")
                    .Append(MigrationStageRate.Rate(stage.FilesPerSecond) ?? "unknown").Append("</td></tr>\n");
            html.Append("</table>\n");

            html.Append("<h2>Throughput over time</h2>\n");
            Chart(html, report.Timeline);

            html.Append("<h2>Failures</h2>\n");
            if (report.Failures.Count == 0) html.Append("<p>No file failed.</p>\n");
            else
            {
                html.Append("<table><tr><th>ErrorId</th><th>Stage</th><th>Files</th><th>Error code</th><th>Examples</th><th>Message (first example)</th></tr>\n");
                foreach (var failure in report.Failures)
                    html.Append("<tr><td><code>").Append(E(failure.ErrorId)).Append("</code></td><td>").Append(failure.Stage ?? string.Empty)
                        .Append("</td><td class=\"n\">").Append(failure.Count.ToString("N0", CultureInfo.InvariantCulture)).Append("</td><td><code>").Append(E(failure.ErrorCode ?? ""))
                        .Append("</code></td><td class=\"k\">").Append(string.Join("<br>", failure.ExampleKeys.Select(E))).Append("</td><td>").Append(E(failure.Message ?? "")).Append("</td></tr>\n");
                html.Append("</table>\n<p>Retry them with <code>Invoke-VodMigration ... -RetryFailed</code>, or list them with <code>Get-VodMigration -JournalPath ")
                    .Append(E(report.JournalPath)).Append(" -Failed</code>.</p>\n");
            }
            html.Append("<p style=\"color:#777;font-size:.85em\">Journal ").Append(E(report.JournalPath)).Append(", report made ").Append(Time(generated)).Append(" by VodTools Get-VodMigration.</p>\n</body></html>\n");
            return html.ToString();
        }

        /// <summary>Files per second of each stage over the time slices, as lines on one SVG chart with its axes and legend.</summary>
        private static void Chart(StringBuilder html, IReadOnlyList<MigrationTimeSlice> timeline)
        {
            if (timeline.Count == 0)
            {
                html.Append("<p>Nothing has been listed yet.</p>\n");
                return;
            }
            const int Width = 760, Height = 260, Left = 50, Top = 10, Right = 10, Bottom = 40;
            var plotWidth = Width - Left - Right;
            var plotHeight = Height - Top - Bottom;
            var seconds = timeline[0].Seconds;
            var max = Math.Max(1, timeline.Max(s => Series.Max(series => series.Count(s))) / seconds);
            double X(int i) => Left + (timeline.Count == 1 ? plotWidth / 2.0 : i * plotWidth / (double)(timeline.Count - 1));
            double Y(double rate) => Top + plotHeight - rate / max * plotHeight;
            string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

            html.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(Width).Append("\" height=\"").Append(Height + 30)
                .Append("\" role=\"img\" aria-label=\"Files per second of each stage over time\">\n");
            html.Append("<line x1=\"").Append(Left).Append("\" y1=\"").Append(Top + plotHeight).Append("\" x2=\"").Append(Width - Right).Append("\" y2=\"").Append(Top + plotHeight).Append("\" stroke=\"#888\"/>")
                .Append("<line x1=\"").Append(Left).Append("\" y1=\"").Append(Top).Append("\" x2=\"").Append(Left).Append("\" y2=\"").Append(Top + plotHeight).Append("\" stroke=\"#888\"/>\n");
            foreach (var fraction in new[] { 0.0, 0.5, 1.0 })
                html.Append("<text x=\"").Append(Left - 6).Append("\" y=\"").Append(F(Y(max * fraction) + 4)).Append("\" text-anchor=\"end\">").Append(F(max * fraction)).Append("</text>");
            html.Append("<text x=\"12\" y=\"").Append(Top + plotHeight / 2).Append("\" transform=\"rotate(-90 12 ").Append(Top + plotHeight / 2).Append(")\" text-anchor=\"middle\">files/s</text>\n");
            var start = timeline[0].Start;
            foreach (var i in new[] { 0, timeline.Count / 2, timeline.Count - 1 }.Distinct())
                html.Append("<text x=\"").Append(F(X(i))).Append("\" y=\"").Append(Top + plotHeight + 16).Append("\" text-anchor=\"")
                    .Append(i == 0 ? "start" : i == timeline.Count - 1 ? "end" : "middle").Append("\">+")
                    .Append(Duration(timeline[i].Start - start)).Append("</text>");
            html.Append("<text x=\"").Append(Left + plotWidth / 2).Append("\" y=\"").Append(Top + plotHeight + 32).Append("\" text-anchor=\"middle\">time since the first file was listed (")
                .Append(F(seconds)).Append(" s a point)</text>\n");
            var legendX = Left;
            foreach (var (name, color, count) in Series)
            {
                var points = string.Join(" ", timeline.Select((s, i) => F(X(i)) + "," + F(Y(count(s) / seconds))));
                html.Append("<polyline fill=\"none\" stroke=\"").Append(color).Append("\" stroke-width=\"2\" points=\"").Append(points).Append("\"><title>")
                    .Append(E(name)).Append("</title></polyline>\n");
                html.Append("<rect x=\"").Append(legendX).Append("\" y=\"").Append(Height + 14).Append("\" width=\"12\" height=\"12\" fill=\"").Append(color).Append("\"/>")
                    .Append("<text x=\"").Append(legendX + 16).Append("\" y=\"").Append(Height + 24).Append("\">").Append(E(name)).Append("</text>\n");
                legendX += 30 + name.Length * 7;
            }
            html.Append("</svg>\n");
        }

        private static void Card(StringBuilder html, string label, string value, string? kind) =>
            html.Append("<div class=\"card").Append(kind == null ? string.Empty : " " + kind).Append("\"><b>").Append(E(value)).Append("</b>").Append(E(label)).Append("</div>");

        private static void Row(StringBuilder html, string state, long count, string meaning) =>
            html.Append("<tr><td>").Append(state).Append("</td><td class=\"n\">").Append(count.ToString("N0", CultureInfo.InvariantCulture)).Append("</td><td>").Append(meaning).Append("</td></tr>\n");

        private static string Duration(TimeSpan span) =>
            span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes} min" : span.TotalMinutes >= 1 ? $"{span.Minutes} min {span.Seconds} s" : $"{Math.Round(span.TotalSeconds)} s";

        private static string Time(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

        private static string E(string text) => WebUtility.HtmlEncode(text);
    }
}
