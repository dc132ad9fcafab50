using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System;
using VodTools.Commands.Common;
using VodTools.Model;
using VodTools.Services.Ram;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets RAM policies: by name (with the default version's document), by wildcard, by type, or those attached to a role.</para>
    /// <para type="description">A plain -PolicyName returns the policy with its document (GetPolicy), looking among custom
    /// policies first and then system ones unless -PolicyType says which. Wildcards and no name list policies (ListPolicies,
    /// without documents). -RoleName, which binds from Get-RamRole's output, lists the policies attached to the role.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "RamPolicy")]
    [OutputType(typeof(RamPolicy))]
    public sealed class GetRamPolicyCommand : RamCmdletBase
    {
        private readonly Dictionary<string, IReadOnlyList<RamPolicy>> _listed = new Dictionary<string, IReadOnlyList<RamPolicy>>(StringComparer.Ordinal);

        /// <summary>Policy names, or wildcards over them (case-insensitive).</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        public string[]? PolicyName { get; set; }

        /// <summary>Only Custom or only System policies. Default: both.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet(RamService.CustomPolicyType, RamService.SystemPolicyType)]
        public string? PolicyType { get; set; }

        /// <summary>List the policies attached to this role (ListPoliciesForRole), filtered by -PolicyName and -PolicyType. Binds from Get-RamRole's output.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        public string? RoleName { get; set; }

        protected override void ProcessRecord()
        {
            if (RoleName is string roleName && roleName.Length > 0)
            {
                try
                {
                    var patterns = (PolicyName ?? new[] { "*" }).Select(p => new WildcardPattern(p, WildcardOptions.IgnoreCase)).ToList();
                    foreach (var policy in Await(Session.Ram.ListPoliciesForRoleAsync(roleName, Cancellation)))
                    {
                        if (PolicyType != null && policy.PolicyType != PolicyType) continue;
                        if (!patterns.Any(pattern => pattern.IsMatch(policy.PolicyName))) continue;
                        policy.RoleName = roleName;
                        WriteObject(policy);
                    }
                }
                catch (Exception e) when (!(e is PipelineStoppedException))
                {
                    WriteItemError(e, HasCode(e, "EntityNotExist.Role") ? "RamRoleNotFound" : "RamPolicyNotRead", roleName);
                }
                return;
            }

            foreach (var name in PolicyName ?? new[] { "*" })
            {
                try
                {
                    if (WildcardPattern.ContainsWildcardCharacters(name))
                    {
                        var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                        WriteObject(Listed(PolicyType).Where(p => pattern.IsMatch(p.PolicyName)), enumerateCollection: true);
                    }
                    else
                    {
                        var policy = PolicyType != null ? Access.FindPolicy(name, PolicyType) : Access.FindPolicy(name, RamService.CustomPolicyType) ?? Access.FindPolicy(name, RamService.SystemPolicyType);
                        if (policy == null) throw new ItemNotFoundException($"No {PolicyType ?? "Custom or System"} policy is named '{name}'.");
                        WriteObject(policy);
                    }
                }
                catch (ItemNotFoundException e)
                {
                    WriteError(new ErrorRecord(e, "RamPolicyNotFound", ErrorCategory.ObjectNotFound, name));
                }
                catch (Exception e) when (!(e is PipelineStoppedException))
                {
                    WriteItemError(e, "RamPolicyNotRead", name);
                }
            }
        }

        private IReadOnlyList<RamPolicy> Listed(string? policyType)
        {
            var key = policyType ?? string.Empty;
            if (!_listed.TryGetValue(key, out var policies)) _listed[key] = policies = Await(Session.Ram.ListPoliciesAsync(policyType, Cancellation));
            return policies;
        }
    }
}
