using System.Management.Automation.Host;
using System.Management.Automation;
using System.Reflection;
using System;

namespace VodTools.Commands.Common
{
    /// <summary>
    /// Asking before a change, one way for every cmdlet: -WhatIf says and does nothing; -Force answers the questions (as
    /// -Confirm:$false does) unless -Confirm asks for them; a change of high impact made by a cmdlet of lower impact is asked
    /// as ConfirmImpact High asks (by default, not under -Confirm:$false or $ConfirmPreference None); and a question the host
    /// cannot ask (pwsh -NonInteractive, a runbook) ends the script with <see cref="NotPossibleErrorId"/>, whose message
    /// names the parameters that answer it, so that the script does not go on as if the change had been made.
    /// </summary>
    internal static class Confirmation
    {
        /// <summary>The ErrorId of a confirmation the host cannot ask.</summary>
        public const string NotPossibleErrorId = "VodConfirmationNotPossible";

        /// <summary>ShouldProcess, with -Force and a high impact as the class says.</summary>
        public static bool Confirm(this PSCmdlet cmdlet, string target, string action, bool force, bool highImpact = false)
        {
            return Asking(cmdlet, $"{action} on {target}", () =>
            {
                if (force && !ConfirmGiven(cmdlet))
                {
                    if (WhatIf(cmdlet)) return cmdlet.ShouldProcess(target, action); // writes "What if: ..." and answers false
                    cmdlet.WriteVerbose($"Performing the operation \"{action}\" on target \"{target}\" (-Force).");
                    return true;
                }
                if (!cmdlet.ShouldProcess(target, action)) return false;
                // ShouldProcess asked only if the cmdlet's own impact reaches the preference: a high-impact change asks here
                var preference = Preference(cmdlet);
                var asked = preference != ConfirmImpact.None && ImpactOf(cmdlet) >= preference;
                if (!highImpact || asked || preference == ConfirmImpact.None) return true;
                return cmdlet.ShouldContinue($"{action} on \"{target}\"?", "Confirm (high impact)");
            });
        }

        /// <summary>A second, explicit question (asked even under -Confirm:$false); -Force answers it.</summary>
        public static bool Continue(this PSCmdlet cmdlet, string query, string caption, bool force) =>
            force || Asking(cmdlet, query, () => cmdlet.ShouldContinue(query, caption));

        /// <summary>
        /// True when ShouldProcess at the cmdlet's impact will show its question or its What if line (-WhatIf, -Confirm, or a
        /// preference its impact reaches), so that the question is worth the reads that name its target well.
        /// </summary>
        public static bool WillAsk(this PSCmdlet cmdlet, bool force)
        {
            if (WhatIf(cmdlet)) return true;
            if (force && !ConfirmGiven(cmdlet)) return false;
            var preference = Preference(cmdlet);
            return preference != ConfirmImpact.None && ImpactOf(cmdlet) >= preference;
        }

        /// <summary>True for what must end the cmdlet rather than be reported as one step's failure: the pipeline stopping, or a question that could not be asked.</summary>
        public static bool EndsScript(Exception e) => e is PipelineStoppedException || e is RuntimeException { WasThrownFromThrowStatement: true };

        private static bool Asking(PSCmdlet cmdlet, string question, Func<bool> ask)
        {
            try
            {
                return ask();
            }
            catch (Exception e) when (e is PSInvalidOperationException || e is HostException)
            {
                var command = cmdlet.MyInvocation.MyCommand;
                var answers = command.Parameters.ContainsKey("Force") ? "-Force or -Confirm:$false" : "-Confirm:$false";
                var message = $"{command.Name} needs a confirmation the host cannot ask ({e.Message.TrimEnd('.')}): {question}. Nothing was done; give {answers} to go ahead without being asked, or -WhatIf to see what would be done.";
                var record = new ErrorRecord(new InvalidOperationException(message, e), NotPossibleErrorId + "," + cmdlet.GetType().FullName, ErrorCategory.InvalidOperation, null);
                // Thrown as `throw` throws: ThrowTerminatingError would end this statement only, and the script would go on as
                // if the change had been made.
                throw new RuntimeException(message, e, record) { WasThrownFromThrowStatement = true };
            }
        }

        private static bool ConfirmGiven(PSCmdlet cmdlet) => cmdlet.MyInvocation.BoundParameters.ContainsKey("Confirm");

        private static bool WhatIf(PSCmdlet cmdlet) =>
            cmdlet.MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf)
                ? ((SwitchParameter)whatIf).IsPresent
                : LanguagePrimitives.IsTrue(cmdlet.GetVariableValue("WhatIfPreference"));

        /// <summary>The impact from which PowerShell asks: -Confirm's, else $ConfirmPreference's (High by default).</summary>
        private static ConfirmImpact Preference(PSCmdlet cmdlet)
        {
            if (cmdlet.MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm))
                return ((SwitchParameter)confirm).IsPresent ? ConfirmImpact.Low : ConfirmImpact.None;
            return LanguagePrimitives.TryConvertTo(cmdlet.GetVariableValue("ConfirmPreference"), out ConfirmImpact preference) ? preference : ConfirmImpact.High;
        }

        private static ConfirmImpact ImpactOf(PSCmdlet cmdlet) => cmdlet.GetType().GetCustomAttribute<CmdletAttribute>()?.ConfirmImpact ?? ConfirmImpact.Medium;
    }
}
