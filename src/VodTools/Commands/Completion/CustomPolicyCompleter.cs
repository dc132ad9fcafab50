using System.Collections.Generic;
using System.Collections;
using System.Management.Automation.Language;
using System.Management.Automation;
using VodTools.Services.Ram;

namespace VodTools.Commands.Completion
{
    /// <summary>
    /// Completes -PolicyName where only custom policies can be acted on (deleted, written, or attached and detached while
    /// -PolicyType is left at Custom): RAM answers EntityNotExist.Policy for a system policy there. A -PolicyType typed on
    /// the command line wins.
    /// </summary>
    public sealed class CustomPolicyCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CloudNameCompleter.Policies(wordToComplete, CloudNameCompleter.BoundPolicyType(fakeBoundParameters) ?? RamService.CustomPolicyType);
    }
}
