using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System;

namespace VodTools.Shared
{
    internal enum FaultKind { Error500, Error503, Delay, Drop, LostAnswer, Corrupt, Respell }

    /// <summary>One rule of a fault spec. <see cref="Target"/> null = every request.</summary>
    internal sealed class FaultRule
    {
        public FaultRule(FaultKind kind, double probability, int delayMs, string? target)
        {
            Kind = kind;
            Probability = probability;
            DelayMs = delayMs;
            Target = target;
        }

        public FaultKind Kind { get; }
        public double Probability { get; }
        public int DelayMs { get; }
        public string? Target { get; }
    }

    /// <summary>The grammar of the emulator's fault spec, compiled into the emulator (which draws the faults) and into
    /// the module (so Start-VodEmulator refuses a bad -Faults before it starts anything): one parser for both.</summary>
    internal static class FaultRules
    {
        /// <summary>The grammar in words, for usage texts and errors.</summary>
        public const string Grammar =
            "comma-separated rules KIND:P[:MS][@TARGET], where KIND:P is 500:P or 503:P (answer that status), delay:P:MS " +
            "(wait MS milliseconds first), drop:P (abort before acting), lost:P (act, then abort without the answer), corrupt:P (store an " +
            "OSS upload with a damaged byte) or respell:P (answer RegisterMedia's URLs spelled another way); P is " +
            "a probability from 0 to 1; TARGET is an RPC action, a service (vod, ram, sts, mts, oss) or an OSS method (GET, PUT, " +
            "POST, DELETE, HEAD), e.g. \"500:0.1,delay:0.2:1500,lost:0.3@SubmitTranscodeJobs\"";

        public static readonly string[] OssMethods = { "GET", "PUT", "POST", "DELETE", "HEAD" };

        /// <summary>Parses a spec; throws <see cref="ArgumentException"/> saying what is wrong with which rule.</summary>
        /// <param name="spec">e.g. "500:0.1,delay:0.2:1500"</param>
        /// <param name="actions">the RPC actions the emulator serves: a target that is neither a service nor an OSS method
        /// must be one of them (null checks only the form: the module, and the command line before the services exist)</param>
        public static List<FaultRule> Parse(string spec, IReadOnlyCollection<string>? actions = null)
        {
            var rules = new List<FaultRule>();
            foreach (var entry in spec.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var item = entry.Trim();
                if (item.Length == 0) continue;
                int at = item.IndexOf('@');
                string? target = at < 0 ? null : item.Substring(at + 1);
                var parts = (at < 0 ? item : item.Substring(0, at)).Split(':');
                FaultKind kind = parts[0].ToLowerInvariant() switch
                {
                    "500" => FaultKind.Error500,
                    "503" => FaultKind.Error503,
                    "delay" => FaultKind.Delay,
                    "drop" => FaultKind.Drop,
                    "lost" => FaultKind.LostAnswer,
                    "corrupt" => FaultKind.Corrupt,
                    "respell" => FaultKind.Respell,
                    _ => throw new ArgumentException($"unknown rule \"{item}\" (a rule starts with 500, 503, delay, drop, lost, corrupt or respell, then :P)"),
                };
                int expected = kind == FaultKind.Delay ? 3 : 2;
                if (parts.Length != expected)
                    throw new ArgumentException($"\"{item}\" should be {(kind == FaultKind.Delay ? "delay:P:MS" : parts[0] + ":P")}, optionally followed by @TARGET");
                if (!double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double p) || p < 0 || p > 1)
                    throw new ArgumentException($"the probability in \"{item}\" must be a number from 0 to 1");
                int delay = 0;
                if (kind == FaultKind.Delay && (!int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out delay) || delay < 0))
                    throw new ArgumentException($"the delay in \"{item}\" must be a whole number of milliseconds, 0 or more");
                if (target != null) CheckTarget(item, target, actions);
                rules.Add(new FaultRule(kind, p, delay, target));
            }
            return rules;
        }

        private static void CheckTarget(string item, string target, IReadOnlyCollection<string>? actions)
        {
            bool known = EmulatorDefaults.ServiceNames.Contains(target, StringComparer.OrdinalIgnoreCase) || OssMethods.Contains(target, StringComparer.OrdinalIgnoreCase)
                || (actions == null ? target.Length > 0 && target.All(IsAsciiLetter) : actions.Contains(target, StringComparer.OrdinalIgnoreCase));
            if (!known)
                throw new ArgumentException($"the target \"{target}\" in \"{item}\" is not an RPC action, a service ({string.Join(", ", EmulatorDefaults.ServiceNames)}) or an OSS method ({string.Join(", ", OssMethods)})");
        }

        private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
