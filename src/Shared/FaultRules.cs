using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System;

namespace VodTools.Shared
{
    /// <summary>Status: answer an HTTP status with the service's generic code for it; Error: answer a named error code.</summary>
    internal enum FaultKind { Status, Error, Delay, Drop, LostAnswer, Corrupt, Respell }

    /// <summary>One rule of a fault spec. <see cref="Target"/> null = every request.</summary>
    internal sealed class FaultRule
    {
        public FaultRule(string text, FaultKind kind, double probability, int delayMs, string? target, int status = 0, string? code = null)
        {
            Text = text;
            Kind = kind;
            Probability = probability;
            DelayMs = delayMs;
            Target = target;
            Status = status;
            Code = code;
        }

        /// <summary>The rule as written (the grammar), e.g. "error:0.3:Throttling.User@SubmitTranscodeJobs".</summary>
        public string Text { get; }
        public FaultKind Kind { get; }
        public double Probability { get; }
        public int DelayMs { get; }
        /// <summary>NAME or SERVICE/NAME (see <see cref="FaultRules.Grammar"/>); null = every request.</summary>
        public string? Target { get; }
        /// <summary>The HTTP status of a Status or Error rule, else 0.</summary>
        public int Status { get; }
        /// <summary>The error code of an Error rule, else null.</summary>
        public string? Code { get; }

        /// <summary>What /_emulator/stats counts this kind of fault as: faults.Error500, faults.Delay, ...</summary>
        public string CounterName => Kind is FaultKind.Status or FaultKind.Error ? "Error" + Status.ToString(CultureInfo.InvariantCulture) : Kind.ToString();

        /// <summary>True when the request named by <paramref name="names"/> (its action and service, or "oss", its method and
        /// operation) is one this rule targets: every '/'-separated part of the target is one of the names.</summary>
        public bool Targets(IReadOnlyCollection<string> names) =>
            Target == null || Target.Split('/').All(part => names.Contains(part, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The grammar of the emulator's fault spec, compiled into the emulator (which draws the faults) and into
    /// the module (so Start-VodEmulator and Set-VodEmulatorFault refuse a bad rule before they call anything): one parser
    /// for both.</summary>
    internal static class FaultRules
    {
        /// <summary>The grammar in words, for usage texts and errors.</summary>
        public const string Grammar =
            "comma-separated rules KIND:P[:ARG][@TARGET], where KIND:P is 500:P, 503:P or any status from 500 to 599 (answer that status " +
            "with the service's code for it), error:P:CODE[:STATUS] (answer the error CODE, e.g. Throttling.User, with its status), " +
            "delay:P:MS (wait MS milliseconds first), drop:P (abort before acting), lost:P (act, then abort without the answer), corrupt:P " +
            "(store an OSS upload with a damaged byte) or respell:P (answer RegisterMedia's URLs spelled another way); P is a probability " +
            "from 0 to 1; TARGET is an RPC action, a service (vod, ram, sts, mts, oss), an OSS method (GET, PUT, POST, DELETE, HEAD) or " +
            "OSS operation (PutObject, UploadPart, ...), or SERVICE/NAME, e.g. \"error:0.3:Throttling.User@SubmitTranscodeJobs,lost:0.05@UploadPart\"";

        public static readonly string[] OssMethods = { "GET", "PUT", "POST", "DELETE", "HEAD" };

        /// <summary>The statuses the cloud answers well-known error codes with, so error:P:CODE needs no status for them.
        /// Throttling.User is VOD's 400 for a call over its QPS limit; Throttling its 503 (both in VOD's API reference).</summary>
        public static readonly IReadOnlyDictionary<string, int> KnownCodes = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["Throttling.User"] = 400,
            ["Throttling"] = 503,
            ["ServiceUnavailable"] = 503,
            ["InternalError"] = 500,
        };

        /// <summary>Parses a spec; throws <see cref="ArgumentException"/> saying what is wrong with which rule.</summary>
        /// <param name="spec">e.g. "500:0.1,delay:0.2:1500"</param>
        /// <param name="targets">the RPC actions and OSS operations the emulator serves: a target that is neither a service nor an
        /// OSS method must be one of them (null checks only the form: the module, and the command line before the services exist)</param>
        public static List<FaultRule> Parse(string spec, IReadOnlyCollection<string>? targets = null)
        {
            var rules = new List<FaultRule>();
            foreach (var entry in spec.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var item = entry.Trim();
                if (item.Length == 0) continue;
                int at = item.IndexOf('@');
                string? target = at < 0 ? null : item.Substring(at + 1);
                var parts = (at < 0 ? item : item.Substring(0, at)).Split(':');
                var kind = KindOf(item, parts[0]);
                int expected = kind switch { FaultKind.Delay => 3, FaultKind.Error => parts.Length == 4 ? 4 : 3, _ => 2 };
                if (parts.Length != expected)
                    throw new ArgumentException($"\"{item}\" should be {Form(kind, parts[0])}, optionally followed by @TARGET");
                if (!double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double p) || p < 0 || p > 1)
                    throw new ArgumentException($"the probability in \"{item}\" must be a number from 0 to 1");
                int delay = 0, status = 0;
                string? code = null;
                if (kind == FaultKind.Delay && (!int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out delay) || delay < 0))
                    throw new ArgumentException($"the delay in \"{item}\" must be a whole number of milliseconds, 0 or more");
                if (kind == FaultKind.Status) status = int.Parse(parts[0], CultureInfo.InvariantCulture);
                if (kind == FaultKind.Error) (code, status) = ErrorOf(item, parts);
                if (target != null) CheckTarget(item, target, targets);
                rules.Add(new FaultRule(item, kind, p, delay, target, status, code));
            }
            return rules;
        }

        /// <summary>The text of one rule from its parts (Set-VodEmulatorFault's parameters), for <see cref="Parse"/> to check.
        /// <paramref name="target"/> is NAME or SERVICE/NAME (null = every request); <paramref name="status"/> a Status rule's
        /// status (0: 500) or an Error rule's (0: the code's known one).</summary>
        public static string Compose(FaultKind kind, double probability, string? target, int status = 0, string? code = null, int delayMs = 0)
        {
            string p = probability.ToString("R", CultureInfo.InvariantCulture);
            string rule = kind switch
            {
                FaultKind.Status => (status == 0 ? 500 : status).ToString(CultureInfo.InvariantCulture) + ":" + p,
                FaultKind.Error => "error:" + p + ":" + code + (status == 0 ? "" : ":" + status.ToString(CultureInfo.InvariantCulture)),
                FaultKind.Delay => "delay:" + p + ":" + delayMs.ToString(CultureInfo.InvariantCulture),
                FaultKind.LostAnswer => "lost:" + p,
                _ => kind.ToString().ToLowerInvariant() + ":" + p,
            };
            return target == null ? rule : rule + "@" + target;
        }

        private static FaultKind KindOf(string item, string word)
        {
            switch (word.ToLowerInvariant())
            {
                case "error": return FaultKind.Error;
                case "delay": return FaultKind.Delay;
                case "drop": return FaultKind.Drop;
                case "lost": return FaultKind.LostAnswer;
                case "corrupt": return FaultKind.Corrupt;
                case "respell": return FaultKind.Respell;
            }
            if (word.Length == 3 && int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out int status) && status >= 500 && status <= 599)
                return FaultKind.Status;
            throw new ArgumentException($"unknown rule \"{item}\" (a rule starts with a status from 500 to 599, error, delay, drop, lost, corrupt or respell, then :P)");
        }

        private static string Form(FaultKind kind, string word) => kind switch
        {
            FaultKind.Delay => "delay:P:MS",
            FaultKind.Error => "error:P:CODE or error:P:CODE:STATUS",
            _ => word + ":P",
        };

        /// <summary>The code and status of error:P:CODE[:STATUS]: the status given, else the one the cloud answers the code with.</summary>
        private static (string Code, int Status) ErrorOf(string item, string[] parts)
        {
            string code = parts[2];
            if (code.Length == 0 || !code.All(c => IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
                throw new ArgumentException($"the error code in \"{item}\" must be a code such as Throttling.User (letters, digits, '.', '_', '-')");
            if (parts.Length == 4)
            {
                if (!int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out int given) || given < 400 || given > 599)
                    throw new ArgumentException($"the status in \"{item}\" must be an HTTP error status from 400 to 599");
                return (code, given);
            }
            if (KnownCodes.TryGetValue(code, out int known)) return (code, known);
            throw new ArgumentException($"give the HTTP status of \"{code}\" in \"{item}\": error:P:{code}:STATUS (known without one: {string.Join(", ", KnownCodes.Keys)})");
        }

        private static void CheckTarget(string item, string target, IReadOnlyCollection<string>? targets)
        {
            var parts = target.Split('/');
            bool known = parts.Length switch
            {
                1 => IsName(parts[0], targets) || IsService(parts[0]),
                2 => IsService(parts[0]) && IsName(parts[1], targets),
                _ => false,
            };
            if (!known)
                throw new ArgumentException($"the target \"{target}\" in \"{item}\" is not an RPC action, a service ({string.Join(", ", EmulatorDefaults.ServiceNames)}), an OSS method ({string.Join(", ", OssMethods)}) or operation, or SERVICE/NAME");
        }

        private static bool IsService(string name) => EmulatorDefaults.ServiceNames.Contains(name, StringComparer.OrdinalIgnoreCase);

        private static bool IsName(string name, IReadOnlyCollection<string>? targets) =>
            OssMethods.Contains(name, StringComparer.OrdinalIgnoreCase)
            || (targets == null ? IsNameForm(name) : targets.Contains(name, StringComparer.OrdinalIgnoreCase));

        /// <summary>The form of an RPC action or OSS operation name (Set-VodEmulatorFault -Action): a letter, then letters and
        /// digits (ListObjectsV2).</summary>
        public const string NamePattern = "^[A-Za-z][A-Za-z0-9]*$";

        private static bool IsNameForm(string name) => Regex.IsMatch(name, NamePattern);

        private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
