using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System;
using VodTools.Api.Http;
using VodTools.Commands.Common;
using VodTools.Model;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets RAM roles: one by name (with its trust policy), those matching a wildcard, or all.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "RamRole")]
    [OutputType(typeof(RamRole))]
    public sealed class GetRamRoleCommand : RamCmdletBase
    {
        private IReadOnlyList<RamRole>? _allRoles;

        /// <summary>Role names or wildcards (case-insensitive, as RAM names are). A plain name returns the role with its trust policy (GetRole); none lists every role (ListRoles, without trust policies).</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        public string[]? RoleName { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var name in RoleName ?? new[] { "*" })
            {
                try
                {
                    if (WildcardPattern.ContainsWildcardCharacters(name))
                    {
                        var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                        WriteObject(AllRoles().Where(r => pattern.IsMatch(r.RoleName)), enumerateCollection: true);
                    }
                    else
                    {
                        WriteObject(Await(Session.Ram.GetRoleAsync(name, Cancellation)));
                    }
                }
                catch (Exception e) when (!(e is PipelineStoppedException))
                {
                    WriteItemError(e, HasCode(e, "EntityNotExist.Role") ? "RamRoleNotFound" : "RamRoleNotRead", name);
                }
            }
        }

        private IReadOnlyList<RamRole> AllRoles() => _allRoles ??= Await(Session.Ram.ListRolesAsync(Cancellation));
    }
}
